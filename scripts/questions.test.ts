import { describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Deck } from '$lib/domain/types';

/** Runs `npm run questions` on a copy of questions/ changed by `mutate`; returns code and output. */
function runOnCopy(mutate: (facts: Record<string, unknown>[]) => void) {
	const dir = mkdtempSync(path.join(tmpdir(), 'questions-'));
	cpSync('questions', dir, { recursive: true });
	const file = path.join(dir, 'kosovo', 'facts.json');
	const facts = JSON.parse(readFileSync(file, 'utf8'));
	mutate(facts);
	writeFileSync(file, JSON.stringify(facts, null, '\t'));
	try {
		const out = execFileSync('node', ['scripts/run-ts.js', 'scripts/questions.ts', '--dir', dir], {
			encoding: 'utf8',
			stdio: 'pipe'
		});
		return { code: 0, output: out };
	} catch (error) {
		const e = error as { status: number; stdout: string; stderr: string };
		return { code: e.status, output: e.stdout + e.stderr };
	}
}

// Each test starts the script in a node process of its own: seconds on a busy machine.
describe('npm run questions', { timeout: 60_000 }, () => {
	it('passes the shipped deck and reports its counts', () => {
		const { code, output } = runOnCopy(() => {});
		expect(code).toBe(0);
		expect(output).toMatch(/✓ questions\/kosovo: \d+ facts, \d+ items/);
		expect(output).toMatch(
			/items by type: flashcard \d+, mcq \d+, truefalse \d+, cloze \d+, order \d+, match \d+/
		);
	});

	it('fails on a quote that is not in its document, naming the file and the fact', () => {
		const { code, output } = runOnCopy((facts) => {
			facts[0].quote = String(facts[0].quote).replace(/\.$/, ' (edited).');
		});
		expect(code).toBe(1);
		expect(output).toContain('questions/kosovo/facts.json');
		expect(output).toMatch(/fact "[a-z0-9-]+": quote not found verbatim in [a-z-]+\.txt/);
	});

	it('fails on a malformed multiple-choice question (a distractor that is the answer)', () => {
		const { code, output } = runOnCopy((facts) => {
			facts[1].distractors = [String(facts[1].answer)];
		});
		expect(code).toBe(1);
		expect(output).toMatch(/fact "[a-z0-9-]+": distractor ".+" is the answer/);
	});

	it('fails on a fact of the wrong shape with the field that is wrong', () => {
		const { code, output } = runOnCopy((facts) => {
			delete facts[2].answer;
		});
		expect(code).toBe(1);
		expect(output).toMatch(/facts\.json, fact "[a-z0-9-]+": 2\.answer/);
	});
});

describe('npm run questions -- release', () => {
	it('keeps a version’s items once, never overwrites them, and notices items changed under the same version', async () => {
		const { releaseDeck, releaseState } = await import('./questions');
		const root = mkdtempSync(path.join(tmpdir(), 'released-'));
		const deck = {
			id: 'demo',
			version: 3,
			items: [{ id: 'a', prompt: 'Old wording?' }]
		} as unknown as Deck;
		expect(releaseState(root, deck)).toBe('missing');
		expect(releaseDeck(root, deck)).toBe('written');
		const file = path.join(root, 'demo', 'released', 'v3.json');
		expect(JSON.parse(readFileSync(file, 'utf8'))).toEqual({
			id: 'demo',
			version: 3,
			items: deck.items
		});
		expect(releaseDeck(root, deck)).toBe('same');
		const edited = { ...deck, items: [{ id: 'a', prompt: 'New wording?' }] } as unknown as Deck;
		expect(releaseDeck(root, edited)).toBe('differs');
		// The release of version 3 still holds the old wording; version 4 is kept beside it.
		expect(JSON.parse(readFileSync(file, 'utf8')).items[0].prompt).toBe('Old wording?');
		expect(releaseDeck(root, { ...edited, version: 4 })).toBe('written');
	});

	it('has kept the shipped deck’s current version', () => {
		const meta = JSON.parse(readFileSync('questions/kosovo/deck.json', 'utf8'));
		const kept = JSON.parse(
			readFileSync(`questions/kosovo/released/v${meta.version}.json`, 'utf8')
		);
		expect(kept).toMatchObject({ id: 'kosovo', version: meta.version });
		expect(kept.items.length).toBeGreaterThan(0);
	});
});
