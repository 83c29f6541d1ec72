// `npm run questions -- evaluate [--nlp compromise|wink|none] [--unlabelled out.json] [--verbose]`:
// runs the generator over the evaluation set in questions/eval/ and prints items per 1,000 words,
// key-fact coverage, the share of labelled items kept, the unlabelled count and the lint counts.
// `npm run questions -- sample --out <file> [--per-document N] [--fresh] [--documents]`: writes a seeded sample of the
// generated items (prompt, options, answer, source sentence, document; no labels) for a judge.
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import type { Item } from '$lib/domain/types';
import { deckFromDocument } from '$lib/domain/deck/user-deck';
import {
	evaluate,
	keyFactSchema,
	labelAnswer,
	labelKey,
	labelSchema,
	labelSentence,
	labelType,
	whyUncovered,
	type DocumentRun,
	type Evaluation
} from '$lib/domain/extract/evaluation';
import { LINT_RULES } from '$lib/domain/extract/lint';
import { loadNlp, type NlpChoice } from '$lib/domain/extract/nlp';
import { createRandom, seedFromString, shuffle } from '$lib/domain/seeded-random';

export const EVAL_DIR = path.resolve('questions/eval');

function readJson<T>(file: string, schema: z.ZodType<T>): T {
	const parsed = schema.safeParse(JSON.parse(readFileSync(file, 'utf8')));
	if (!parsed.success) throw new Error(`${file}: ${parsed.error.issues[0]?.message ?? 'invalid'}`);
	return parsed.data;
}

function countWords(text: string): number {
	return (text.match(/\S+/g) ?? []).length;
}

/** Runs the app's pipeline over every text of the set. */
export async function runEvaluationSet(choice: NlpChoice, dir = EVAL_DIR): Promise<DocumentRun[]> {
	const nlp = await loadNlp(choice);
	const textDir = path.join(dir, 'texts');
	const runs: DocumentRun[] = [];
	for (const name of readdirSync(textDir)
		.filter((n) => n.endsWith('.txt'))
		.sort()) {
		const text = readFileSync(path.join(textDir, name), 'utf8');
		const result = deckFromDocument(text, { title: '', fileName: name, nlp });
		if (!result.ok) throw new Error(`${name}: ${result.error}`);
		const document = name.slice(0, -4);
		runs.push({
			document,
			words: countWords(text),
			facts: result.deck.facts,
			items: result.deck.items,
			suggestions: result.suggestions.length,
			suggestionFacts: result.suggestions,
			text: result.documents[result.deck.sources[0].id] ?? text
		});
	}
	return runs;
}

export function readEvaluationFiles(dir = EVAL_DIR) {
	return {
		keyFacts: readJson(path.join(dir, 'key-facts.json'), z.array(keyFactSchema)),
		labels: readJson(path.join(dir, 'labels.json'), z.array(labelSchema))
	};
}

const pct = (n: number, d: number) => (d === 0 ? '-' : `${((100 * n) / d).toFixed(1)}%`);

/** The report as printed, one line per figure. */
export function formatEvaluation(e: Evaluation, nlpName: string): string[] {
	const lintTotal = Object.values(e.lint).reduce((a, b) => a + b, 0);
	const lines = [
		`Evaluation set: ${e.documents} documents, ${e.words} words (NLP: ${nlpName})`,
		`  items in decks:        ${e.items} (${e.itemsPer1000Words.toFixed(1)} per 1,000 words)`,
		`  key-fact coverage:     ${e.keyFactsCovered}/${e.keyFacts} (${pct(e.keyFactsCovered, e.keyFacts)})`,
		`  labelled items kept:   ${e.labelledKept}/${e.labelled} (${pct(e.labelledKept, e.labelled)}); unlabelled ${e.unlabelled}; labels with a changed prompt ${e.stale}`,
		`  rejected by class:     ${
			Object.entries(e.rejectedByClass)
				.map(([c, n]) => `${c} ${n}`)
				.join(', ') || 'none'
		}`,
		`  lint failures:         ${lintTotal} (${LINT_RULES.map((rule) => `${rule} ${e.lint[rule]}`).join(', ')})`,
		'',
		'| document | words | items | per 1,000 words | more suggestions | key facts covered | labelled kept |',
		'| --- | ---: | ---: | ---: | ---: | ---: | ---: |',
		...e.perDocument.map(
			(d) =>
				`| ${d.document} | ${d.words} | ${d.items} | ${((1000 * d.items) / d.words).toFixed(1)} | ${d.suggestions} | ${d.covered}/${d.keyFacts} | ${d.kept}/${d.labelled} |`
		)
	];
	return lines;
}

function option(args: string[], name: string): string | undefined {
	const at = args.indexOf(name);
	return at >= 0 ? args[at + 1] : undefined;
}

const CHOICES: readonly string[] = ['default', 'compromise', 'wink', 'none'];

function nlpChoice(args: string[]): { choice: NlpChoice } | { error: string } {
	const value = option(args, '--nlp') ?? 'default';
	return CHOICES.includes(value)
		? { choice: value as NlpChoice }
		: { error: `--nlp must be compromise, wink or none (got "${value}")` };
}

/** An item as a judge or a labeller sees it. */
function itemView(item: Item, runs: DocumentRun[]) {
	const run = runs.find((r) => r.document === item.source.document);
	const fact = run?.facts.find((f) => f.id === item.factId);
	return {
		document: item.source.document,
		sentence: labelSentence(item),
		answer: labelAnswer(item, fact),
		type: labelType(item),
		prompt: item.prompt,
		...('options' in item ? { options: item.options } : {}),
		...(item.type === 'truefalse' ? {} : { shown: item.answer })
	};
}

export async function evaluateCommand(args: string[]): Promise<number> {
	const parsed = nlpChoice(args);
	if ('error' in parsed) {
		console.error(`✗ ${parsed.error}`);
		return 1;
	}
	const { choice } = parsed;
	const runs = await runEvaluationSet(choice);
	const { keyFacts, labels } = readEvaluationFiles();
	const result = evaluate(runs, keyFacts, labels);
	for (const line of formatEvaluation(result, choice)) console.log(line);
	if (args.includes('--verbose')) {
		console.log('\nKey facts not covered:');
		for (const key of result.uncovered) {
			const run = runs.find((r) => r.document === key.document);
			const why = run ? whyUncovered(run, key, labels) : 'document not run';
			console.log(`  ${key.document}: ${key.id} (${key.answer}): ${why}`);
		}
		console.log('\nLint failures:');
		for (const line of result.lintExamples) console.log(`  ${line}`);
	}
	if (args.includes('--types')) {
		const byType = new Map<string, number>();
		for (const run of runs)
			for (const item of run.items)
				byType.set(labelType(item), (byType.get(labelType(item)) ?? 0) + 1);
		const facts = runs.reduce((sum, run) => sum + run.facts.length, 0);
		console.log(
			`\nfacts ${facts}; items by type: ${[...byType].map(([t, n]) => `${t} ${n}`).join(', ')}`
		);
	}
	const dump = option(args, '--dump');
	if (dump) {
		for (const run of runs.filter((r) => r.document.startsWith(dump))) {
			console.log(`\n${run.document}: ${run.facts.length} facts`);
			for (const fact of run.facts)
				console.log(`  [${fact.answerKind}] ${fact.question} -> ${fact.answer}`);
		}
	}
	const out = option(args, '--unlabelled');
	if (out) {
		const { labelKey } = await import('$lib/domain/extract/evaluation');
		const known = new Set(labels.map((l) => labelKey(l.document, l.sentence, l.answer, l.type)));
		const todo = runs
			.flatMap((run) => run.items.map((item) => itemView(item, runs)))
			.filter((v) => !known.has(labelKey(v.document, v.sentence, v.answer, v.type)));
		writeFileSync(out, `${JSON.stringify(todo, null, '\t')}\n`);
		console.log(`\n${todo.length} unlabelled items written to ${out}`);
	}
	return 0;
}

export async function sampleCommand(args: string[]): Promise<number> {
	const out = option(args, '--out');
	if (!out) {
		console.error(
			'✗ usage: npm run questions -- sample --out <file> [--per-document N] [--nlp ...]'
		);
		return 1;
	}
	const parsed = nlpChoice(args);
	if ('error' in parsed) {
		console.error(`✗ ${parsed.error}`);
		return 1;
	}
	const per = Number(option(args, '--per-document') ?? 25);
	const withKeys = args.includes('--with-keys');
	// --fresh: only items that neither labels.json nor a blind judge's file covers yet.
	const isFresh = args.includes('--fresh');
	const runs = await runEvaluationSet(parsed.choice);
	const covered = new Set<string>();
	if (isFresh) {
		const { labels } = readEvaluationFiles();
		// The blind judge's file has classes of its own ("other"): only its keys are read.
		const keyOnly = z.object({
			document: z.string(),
			sentence: z.string(),
			answer: z.string(),
			type: z.string()
		});
		const withKey = z.object({
			document: z.string(),
			key: z.object({ sentence: z.string(), answer: z.string(), type: z.string() })
		});
		const blind = readdirSync(EVAL_DIR)
			.filter((name) => /^blind-labels(-\d+)?\.json$/.test(name))
			// The second judge's rows carry their label key apart ("key"), beside what was shown.
			.flatMap((name) =>
				readJson(path.join(EVAL_DIR, name), z.array(z.union([withKey, keyOnly]))).map((row) =>
					'key' in row ? { document: row.document, ...row.key } : row
				)
			);
		for (const l of [...labels, ...blind])
			covered.add(labelKey(l.document, l.sentence, l.answer, l.type));
	}
	const isUncovered = (item: Item, run: DocumentRun) => {
		const fact = run.facts.find((f) => f.id === item.factId);
		return !covered.has(
			labelKey(item.source.document, labelSentence(item), labelAnswer(item, fact), labelType(item))
		);
	};
	const sample = runs.flatMap((run) =>
		shuffle(
			run.items.filter((item) => isUncovered(item, run)),
			createRandom(seedFromString(`sample:${run.document}`))
		)
			.slice(0, per)
			.map((item) => {
				const view = itemView(item, runs);
				const { document, type, prompt, shown, ...rest } = view;
				return {
					document,
					type,
					prompt,
					...('options' in rest ? { options: rest.options } : {}),
					...(shown === undefined ? { answer: item.answer } : { answer: shown }),
					sentence: item.source.quote,
					// For the labeller only: the label key (a judge's copy is written without it).
					...(withKeys
						? { key: { sentence: view.sentence, answer: view.answer, type: view.type } }
						: {})
				};
			})
	);
	// --documents: the judge also needs the texts the items come from.
	const body = args.includes('--documents')
		? {
				documents: runs.map((run) => ({
					document: run.document,
					file: `questions/eval/texts/${run.document}.txt`,
					words: run.words
				})),
				items: sample
			}
		: sample;
	writeFileSync(out, `${JSON.stringify(body, null, '\t')}\n`);
	console.log(`${sample.length} items from ${runs.length} documents written to ${out}`);
	return 0;
}
