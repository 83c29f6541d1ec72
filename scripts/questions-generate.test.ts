import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Deck } from '$lib/domain/types';
import { itemShapeProblems } from '$lib/domain/deck/validate';
import { parseGenerateArgs } from './questions-generate.ts';

const MARKDOWN = `# The Danube Commission

## Founding

The European Commission of the Danube (ECD) was created by the Treaty of Paris in 1856. Delegates from seven states met in Galați on 4 November 1856. By 1860 the commission employed 350 workers on the river mouth.

## Works

The channel was deepened from 9 feet to 20 feet between 1858 and 1902. In 1939 the commission was dissolved after the Sinaia Agreement.
`;

const dir = mkdtempSync(path.join(tmpdir(), 'generate-'));

/** Runs `npm run questions -- generate ...args` (without npm); returns exit code and both streams. */
function generate(...args: string[]) {
	const run = spawnSync(
		'node',
		['scripts/run-ts.js', 'scripts/questions.ts', 'generate', ...args, '--no-nlp'],
		{ encoding: 'utf8' }
	);
	return { code: run.status, stdout: run.stdout, stderr: run.stderr };
}

function file(name: string, content: string | Buffer): string {
	const at = path.join(dir, name);
	writeFileSync(at, content);
	return at;
}

// Each run starts Vite's module runner (a few seconds on a busy machine).
describe('npm run questions -- generate', { timeout: 60_000 }, () => {
	it('writes a valid deck for a Markdown file to --out, with a report on stderr', () => {
		const out = path.join(dir, 'deck.json');
		const { code, stderr } = generate(file('danube.md', MARKDOWN), '--out', out);
		expect(stderr).toMatch(
			/✓ The Danube Commission \(my-the-danube-commission-[0-9a-z]+\): \d+ facts, \d+ items/
		);
		expect(code).toBe(0);
		const deck = JSON.parse(readFileSync(out, 'utf8')) as Deck;
		expect(deck.id).toMatch(/^my-/);
		expect(deck.sources).toEqual([{ id: 'danube', title: 'danube.md' }]);
		expect(deck.topics.map((t) => t.id)).toEqual(['founding', 'works']);
		// The deck keeps its best facts within a budget (about one per sentence that carries one).
		expect(deck.facts.map((f) => f.answer)).toEqual(
			expect.arrayContaining(['European Commission of the Danube', '4 November 1856'])
		);
		for (const item of deck.items) {
			expect(MARKDOWN).toContain(item.source.quote);
			expect(itemShapeProblems(item)).toEqual([]);
		}
	});

	it('writes the deck to stdout without --out, under the given --title', () => {
		const { code, stdout } = generate(file('notes.txt', MARKDOWN), '--title', 'River notes');
		expect(code).toBe(0);
		const deck = JSON.parse(stdout) as Deck;
		expect(deck.title).toBe('River notes');
		expect(deck.id).toMatch(/^my-river-notes-/);
	});

	it.each([
		['an empty file', 'empty.txt', '   \n', /The document is empty/],
		[
			'a binary file',
			'image.md',
			Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48]),
			/binary file/
		],
		[
			'a file with no fact',
			'plain.txt',
			'we walked for a while and it was nice out.\n',
			/No facts found/
		]
	])('fails with a clear message and exit 1 on %s', (_, name, content, message) => {
		const { code, stdout, stderr } = generate(file(name, content));
		expect(code).toBe(1);
		expect(stderr).toMatch(message);
		expect(stdout).toBe('');
	});

	it('fails on a file over 2 MB without reading it, and on a missing file', () => {
		const big = generate(file('big.txt', 'The talks ended in 1999. '.repeat(90_000)));
		expect(big.code).toBe(1);
		expect(big.stderr).toMatch(/MB; documents can be at most 2 MB/);
		const missing = generate(path.join(dir, 'nowhere.md'));
		expect(missing.code).toBe(1);
		expect(missing.stderr).toMatch(/no such file/);
	});
});

describe('parseGenerateArgs', () => {
	it('reads the file, --title and --out, and rejects what it does not know', () => {
		expect(parseGenerateArgs(['a.md', '--title', 'T', '--out', 'o.json'])).toEqual({
			file: 'a.md',
			title: 'T',
			out: 'o.json',
			useNlp: true
		});
		expect(parseGenerateArgs([])).toBe('no document given');
		expect(parseGenerateArgs(['a.md', '--out'])).toBe('--out needs a value');
		expect(parseGenerateArgs(['a.md', '--fast'])).toBe('unknown option --fast');
		expect(parseGenerateArgs(['a.md', 'b.md'])).toMatch(/one document at a time/);
	});
});
