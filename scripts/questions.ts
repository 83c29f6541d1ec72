// `npm run questions`: validates every deck in questions/ and prints a report; exits non-zero
// with a message naming the file and the fact when something is wrong.
// `npm run questions -- --dir <path>` checks another questions folder (used by the tests).
// `npm run questions -- generate <file.txt|file.md> [--title T] [--out deck.json]` is added by
// the automatic-generation feature.
// `npm run questions -- release` keeps each deck's current items in
// questions/<deck>/released/v<version>.json, so assignment links made from that version keep
// opening with their teacher's questions after the deck changes.
import { readdirSync, readFileSync, existsSync, mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { buildDeck, formatProblem, type DeckFiles } from '$lib/domain/deck/build-deck';
import { summarise } from '$lib/domain/deck/validate';
import type { Deck } from '$lib/domain/types';

/** Reads one deck folder into the shape buildDeck checks. */
export function readDeckFolder(root: string, dir: string): DeckFiles {
	const folder = path.join(root, dir);
	const readJson = (name: string): unknown => {
		const file = path.join(folder, name);
		if (!existsSync(file)) return undefined;
		try {
			return JSON.parse(readFileSync(file, 'utf8'));
		} catch (error) {
			throw new Error(`questions/${dir}/${name}: not valid JSON (${(error as Error).message})`);
		}
	};
	const documents: Record<string, string> = {};
	for (const name of readdirSync(folder)) {
		if (name.endsWith('.txt'))
			documents[name.slice(0, -4)] = readFileSync(path.join(folder, name), 'utf8');
	}
	return { dir, meta: readJson('deck.json'), facts: readJson('facts.json') ?? [], documents };
}

const EVAL_FOLDER = 'eval';

/** Where a deck version's items are kept, relative to the deck folder. */
export function releasedPath(version: number): string {
	return path.join('released', `v${version}.json`);
}

/**
 * How the current items stand against the kept release of the current version: `missing` (not
 * released yet), `same`, or `differs` (items changed without a new version number).
 */
export function releaseState(root: string, deck: Deck): 'missing' | 'same' | 'differs' {
	const file = path.join(root, deck.id, releasedPath(deck.version));
	if (!existsSync(file)) return 'missing';
	const kept = JSON.parse(readFileSync(file, 'utf8')) as { items?: unknown };
	return JSON.stringify(kept.items) === JSON.stringify(deck.items) ? 'same' : 'differs';
}

/** Writes the current version's items when they are not kept yet; never overwrites a release. */
export function releaseDeck(root: string, deck: Deck): 'written' | 'same' | 'differs' {
	const state = releaseState(root, deck);
	if (state !== 'missing') return state;
	const file = path.join(root, deck.id, releasedPath(deck.version));
	mkdirSync(path.dirname(file), { recursive: true });
	writeFileSync(
		file,
		JSON.stringify({ id: deck.id, version: deck.version, items: deck.items }) + '\n'
	);
	return 'written';
}

function option(args: string[], name: string): string | undefined {
	const at = args.indexOf(name);
	return at >= 0 ? args[at + 1] : undefined;
}

export async function main(args: string[]): Promise<number> {
	if (args[0] === 'evaluate' || args[0] === 'sample') {
		const { evaluateCommand, sampleCommand } = await import('./questions-evaluate.ts');
		return args[0] === 'evaluate' ? evaluateCommand(args.slice(1)) : sampleCommand(args.slice(1));
	}
	if (args[0] === 'generate') {
		const { generateCommand } = await import('./questions-generate.ts');
		return generateCommand(args.slice(1));
	}
	const root = path.resolve(option(args, '--dir') ?? 'questions');
	const isRelease = args[0] === 'release';
	const dirs = readdirSync(root, { withFileTypes: true })
		// questions/eval/ is the generator's evaluation set, not a deck.
		.filter((entry) => entry.isDirectory() && entry.name !== EVAL_FOLDER)
		.map((entry) => entry.name)
		.sort();
	let failed = false;
	for (const dir of dirs) {
		let files: DeckFiles;
		try {
			files = readDeckFolder(root, dir);
		} catch (error) {
			console.error(`✗ ${(error as Error).message}`);
			failed = true;
			continue;
		}
		const result = buildDeck(files);
		for (const warning of result.warnings) console.warn(`  warning: ${formatProblem(warning)}`);
		if (!result.ok) {
			failed = true;
			console.error(`✗ questions/${dir}: ${result.errors.length} error(s)`);
			for (const error of result.errors) console.error(`  ${formatProblem(error)}`);
			continue;
		}
		const release = isRelease ? releaseDeck(root, result.deck) : releaseState(root, result.deck);
		if (release === 'written') {
			console.log(`✓ questions/${dir}/${releasedPath(result.deck.version)} written`);
		} else if (release === 'differs') {
			// A warning, not an error: the kept release still serves the links made from it.
			console.warn(
				`  warning: questions/${dir}: the items differ from those released as version ${result.deck.version}; raise "version" in deck.json, then run npm run questions -- release`
			);
			if (isRelease) failed = true;
		} else if (release === 'missing') {
			console.warn(
				`  warning: questions/${dir}: version ${result.deck.version} is not released yet (npm run questions -- release)`
			);
		}
		const report = summarise(result.deck);
		console.log(`✓ questions/${dir}: ${report.facts} facts, ${report.items} items`);
		console.log(
			`  items by type: ${Object.entries(report.byType)
				.map(([type, count]) => `${type} ${count}`)
				.join(', ')}`
		);
		console.log(
			`  facts without items: ${report.factsWithoutItems.length ? report.factsWithoutItems.join(', ') : 'none'}`
		);
		console.log(
			`  facts without a multiple-choice item: ${report.factsWithoutMcq.length ? report.factsWithoutMcq.join(', ') : 'none'}`
		);
		console.log(`  warnings: ${result.warnings.length}`);
	}
	if (dirs.length === 0) {
		console.error(`✗ no deck folders in ${root}`);
		return 1;
	}
	return failed ? 1 : 0;
}
