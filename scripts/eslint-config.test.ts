/**
 * The lint rules that guard the layout, fed real code through ESLint's Node API: a rule that is
 * written down but replaced by a later config block fails here.
 */
import { ESLint } from 'eslint';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('..', import.meta.url));
const eslint = new ESLint({ cwd: root });

/** The no-restricted-imports messages ESLint reports for `code` as if it lived at `filePath`. */
async function restrictedImports(code: string, filePath: string): Promise<string[]> {
	const [result] = await eslint.lintText(code, { filePath });
	return result.messages
		.filter((message) => message.ruleId === 'no-restricted-imports')
		.map((message) => message.message);
}

const DOMAIN_FILE = 'src/lib/domain/study/x.ts';

// The first lint loads ESLint's parsers and plugins: seconds on a busy machine, not a failure.
describe('src/lib/domain stays pure', { timeout: 60_000 }, () => {
	it.each([
		["import { writable } from 'svelte/store';"],
		["import { onMount } from 'svelte';"],
		["import Dexie from 'dexie';"],
		["import { browser } from '$app/environment';"],
		["import { page } from '$app/state';"],
		["import type { MemoryRow } from '$lib/db/schema';"],
		["import { getDb } from '$lib/db/database';"],
		["import { StudySession } from '$lib/state/study-session.svelte';"],
		["import Button from '$lib/components/ui/CopyButton.svelte';"],
		["import { FactdeckDB } from '../../db/schema';"]
	])('refuses %s', async (line) => {
		const messages = await restrictedImports(`${line}\nexport const used = 1;\n`, DOMAIN_FILE);
		expect(messages).toHaveLength(1);
		expect(messages[0]).toMatch(/domain stays pure|dexie only in src\/lib\/db/i);
	});

	it('keeps both patterns in the one effective rule for domain files', async () => {
		// Flat config would let a later block replace the domain block's options; the domain
		// file must still carry the purity pattern and the dexie pattern together.
		const config = await eslint.calculateConfigForFile(DOMAIN_FILE);
		const [, options] = config.rules['no-restricted-imports'];
		const messages = options.patterns.map((pattern: { message: string }) => pattern.message);
		expect(messages).toEqual([
			expect.stringMatching(/domain stays pure/),
			'Import dexie only in src/lib/db.'
		]);
	});

	it('allows domain, ts-fsrs, zod and relative domain imports', async () => {
		const code = [
			"import { z } from 'zod';",
			"import { fsrs } from 'ts-fsrs';",
			"import type { Deck } from '$lib/domain/types';",
			"import { gradeAnswer } from '$lib/domain/quiz/grade';",
			"import { hash } from '../extract/hash.ts';",
			'export const used = [z, fsrs, gradeAnswer, hash] as unknown as Deck;'
		].join('\n');
		expect(await restrictedImports(code, DOMAIN_FILE)).toEqual([]);
	});
});

describe('dexie stays in src/lib/db', { timeout: 60_000 }, () => {
	it('refuses dexie in state and components', async () => {
		for (const filePath of ['src/lib/state/x.ts', 'src/routes/x/helper.ts']) {
			const messages = await restrictedImports("import Dexie from 'dexie';\n", filePath);
			expect(messages, filePath).toEqual([
				expect.stringMatching(/Import dexie only in src\/lib\/db/)
			]);
		}
	});

	it('allows dexie in src/lib/db, and svelte above the domain', async () => {
		expect(await restrictedImports("import Dexie from 'dexie';\n", 'src/lib/db/x.ts')).toEqual([]);
		expect(
			await restrictedImports("import { writable } from 'svelte/store';\n", 'src/lib/state/x.ts')
		).toEqual([]);
	});
});
