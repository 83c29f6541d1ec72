// Measures automatic fact extraction against the curated Kosovo facts: the share of curated
// facts that have at least one automatic fact on the same sentence (quotes overlap in the
// document) with an overlapping answer (answer spans overlap in the document).
// Run: node scripts/run-ts.js scripts/measure-extraction.ts [--table] [--no-nlp] [--wink]
// "found" counts every fact the extractor finds (the deck and the editor's suggestions); "in the
// deck" only those within the deck's budget.
// (Node 20 cannot strip types; run-ts.js runs it through Vite's module runner.)
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Fact } from '$lib/domain/types';
import { extractFacts } from '$lib/domain/extract/extract-facts';
import { loadNlp, type Nlp } from '$lib/domain/extract/nlp';

const FOLDER = path.resolve('questions/kosovo');
const DOCUMENTS = [
	{ id: 'peacekeeping-in-kosovo', title: 'Peacekeeping in Kosovo' },
	{
		id: 'preventing-a-conflict-relapse-in-kosovo',
		title: 'Preventing a conflict relapse in Kosovo'
	}
];

// Loaded while the module runner is importing this file: run-ts.js closes it before main() runs.
const NLP = process.argv.includes('--no-nlp')
	? undefined
	: await loadNlp(process.argv.includes('--wink') ? 'wink' : 'default');

type Range = [number, number];

function occurrences(haystack: string, needle: string, from = 0, to = haystack.length): number[] {
	const out: number[] = [];
	if (!needle) return out;
	const lowerHay = haystack.toLowerCase();
	const lowerNeedle = needle.toLowerCase();
	let at = lowerHay.indexOf(lowerNeedle, from);
	while (at !== -1 && at + needle.length <= to) {
		out.push(at);
		at = lowerHay.indexOf(lowerNeedle, at + 1);
	}
	return out;
}

/** Document ranges of a fact's quote and of its answer inside that quote. */
function locate(doc: string, fact: Fact): { quote: Range[]; answer: Range[] } {
	const quote: Range[] = occurrences(doc, fact.quote).map((s) => [s, s + fact.quote.length]);
	const answer: Range[] = [];
	for (const [qs, qe] of quote) {
		for (const target of [fact.answer, fact.cloze].filter((t): t is string => !!t)) {
			for (const s of occurrences(doc, target, qs, qe)) answer.push([s, s + target.length]);
		}
	}
	return { quote, answer };
}

const overlaps = (a: Range[], b: Range[]) =>
	a.some(([as, ae]) => b.some(([bs, be]) => as < be && bs < ae));

interface Row {
	fact: Fact;
	matchedBy: Fact[];
	isLocated: boolean;
}

function measure(curated: Fact[], auto: Map<string, Fact[]>, docs: Map<string, string>): Row[] {
	return curated.map((fact) => {
		const doc = docs.get(fact.document) ?? '';
		const where = locate(doc, fact);
		const matchedBy = (auto.get(fact.document) ?? []).filter((a) => {
			const w = locate(doc, a);
			return overlaps(where.quote, w.quote) && overlaps(where.answer, w.answer);
		});
		return { fact, matchedBy, isLocated: where.quote.length > 0 && where.answer.length > 0 };
	});
}

function percent(n: number, d: number): string {
	return d === 0 ? '-' : `${((100 * n) / d).toFixed(1)}%`;
}

/**
 * Runs extraction; `deckOnly` counts only the facts within the deck's budget, otherwise the
 * suggestions ranked below it too (what the editor offers).
 */
function run(
	nlp: Nlp | undefined,
	docs: Map<string, string>,
	deckOnly: boolean
): { auto: Map<string, Fact[]>; ms: number; count: number } {
	const auto = new Map<string, Fact[]>();
	const t0 = performance.now();
	let count = 0;
	for (const d of DOCUMENTS) {
		const result = extractFacts(docs.get(d.id) ?? '', { documentId: d.id, title: d.title, nlp });
		const facts = deckOnly ? result.facts : [...result.facts, ...result.suggestions];
		auto.set(d.id, facts);
		count += facts.length;
	}
	return { auto, ms: performance.now() - t0, count };
}

export async function main(args: string[]): Promise<number> {
	const docs = new Map(
		DOCUMENTS.map((d) => [d.id, readFileSync(path.join(FOLDER, `${d.id}.txt`), 'utf8')])
	);
	const curated = JSON.parse(readFileSync(path.join(FOLDER, 'facts.json'), 'utf8')) as Fact[];
	const nlp = NLP;

	const variants: [string, Nlp | undefined, boolean][] = [
		['rules only, found', undefined, false],
		['rules only, in the deck', undefined, true]
	];
	if (nlp)
		variants.push(
			[`rules + ${nlp.name}, found`, nlp, false],
			[`rules + ${nlp.name}, in the deck`, nlp, true]
		);
	const results = variants.map(([name, n, deckOnly]) => {
		const r = run(n, docs, deckOnly);
		return { name, ...r, rows: measure(curated, r.auto, docs) };
	});
	const shown = results[results.length - 1];

	if (args.includes('--table')) {
		console.log(`Curated facts and the automatic facts that match them (${shown.name}):\n`);
		console.log('| document | kind | curated answer | matched by (automatic answer) |');
		console.log('| --- | --- | --- | --- |');
		for (const row of shown.rows) {
			const doc = row.fact.document.startsWith('peace') ? 'overview' : 'case study';
			const by =
				row.matchedBy.map((f) => `${f.answer} (${f.answerKind})`).join('; ') ||
				(row.isLocated ? '—' : 'quote not found');
			console.log(`| ${doc} | ${row.fact.answerKind} | ${row.fact.answer} | ${by} |`);
		}
		console.log('');
	}

	const kinds = [...new Set(curated.map((f) => f.answerKind))].sort();
	console.log(`| curated kind | facts | ${results.map((r) => r.name).join(' | ')} |`);
	console.log(`| --- | --- | ${results.map(() => '---').join(' | ')} |`);
	for (const kind of kinds) {
		const n = curated.filter((f) => f.answerKind === kind).length;
		const cells = results.map((r) => {
			const hit = r.rows.filter(
				(row) => row.fact.answerKind === kind && row.matchedBy.length > 0
			).length;
			return `${hit} (${percent(hit, n)})`;
		});
		console.log(`| ${kind} | ${n} | ${cells.join(' | ')} |`);
	}
	const totals = results.map((r) => {
		const hit = r.rows.filter((row) => row.matchedBy.length > 0).length;
		return `${hit} (${percent(hit, curated.length)})`;
	});
	console.log(`| **all** | ${curated.length} | ${totals.join(' | ')} |`);
	console.log('');
	for (const r of results) {
		const precise = r.rows.length;
		const used = new Set(r.rows.flatMap((row) => row.matchedBy.map((f) => f.id))).size;
		console.log(
			`${r.name}: ${r.count} automatic facts (${used} of them match a curated fact), ${r.ms.toFixed(0)} ms; share of ${precise} curated facts covered: ${totals[results.indexOf(r)]}`
		);
	}
	const unlocated = shown.rows.filter((row) => !row.isLocated).length;
	if (unlocated > 0)
		console.log(
			`note: ${unlocated} curated fact(s) whose quote or answer is not verbatim in its document`
		);
	return 0;
}
