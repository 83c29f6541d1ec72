import { describe, expect, it } from 'vitest';
import { evaluate } from '$lib/domain/extract/evaluation';
import { LINT_RULES } from '$lib/domain/extract/lint';
import { readEvaluationFiles, runEvaluationSet } from './questions-evaluate.ts';

describe('npm run questions -- evaluate', () => {
	it('finds no lint failures on the evaluation set, and every key fact and label is well formed', async () => {
		const runs = await runEvaluationSet('default');
		const { keyFacts, labels } = readEvaluationFiles();
		const result = evaluate(runs, keyFacts, labels);
		expect(result.documents).toBeGreaterThanOrEqual(6);
		for (const rule of LINT_RULES)
			expect({ rule, count: result.lint[rule] }).toEqual({ rule, count: 0 });
		expect(result.itemsPer1000Words).toBeGreaterThanOrEqual(20);
		expect(result.itemsPer1000Words).toBeLessThanOrEqual(80);
		// Key facts are written against the texts: each sentence and answer is verbatim in its document.
		for (const key of keyFacts) {
			const text = runs.find((run) => run.document === key.document)?.text ?? '';
			expect(text).toContain(key.sentence);
			expect(key.sentence.includes(key.answer) || text.includes(key.answer)).toBe(true);
		}
		for (const label of labels) if (label.verdict === 'reject') expect(label.class).toBeDefined();
	}, 120_000);
});
