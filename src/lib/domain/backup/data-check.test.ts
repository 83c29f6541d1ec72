import { describe, expect, it } from 'vitest';
import { isClean, planDataRepair } from '$lib/domain/backup/data-check';
import { emptyTables, type BackupTables } from '$lib/domain/backup/backup-schema';
import { resultId, toStoredResult } from '$lib/domain/teach/result-codec';
import type { Deck } from '$lib/domain/types';

const T0 = Date.UTC(2026, 0, 10, 12);
const NOW = T0 + 48 * 3_600_000;
const FAR = 8_640_000_000_000_000;

const after = {
	dueAt: T0 + 86_400_000,
	stability: 2,
	difficulty: 5,
	scheduledDays: 1,
	learningSteps: 0,
	reps: 1,
	lapses: 0,
	state: 2 as const,
	lastReviewAt: T0
};
const review = {
	id: 1,
	deckId: 'kosovo',
	factId: 'k1',
	itemId: 'k1-mcq',
	rating: 3 as const,
	reviewedAt: T0,
	elapsedDays: 0,
	durationMs: 2000,
	before: null,
	after,
	origin: 'study' as const
};
const memory = {
	...after,
	key: 'kosovo/k1',
	deckId: 'kosovo',
	factId: 'k1',
	suspended: 0 as const,
	leech: 0 as const
};

function deck(id: string, source = 'notes'): Deck {
	const quote = 'KFOR, led by NATO, entered Kosovo.';
	return {
		id,
		title: 'Mine',
		description: 'Made from my notes.',
		version: 1,
		topics: [{ id: 'general', title: 'General' }],
		sources: [{ id: source, title: 'Notes' }],
		facts: [
			{
				id: 'f1',
				topic: 'general',
				document: source,
				quote,
				question: 'Who led KFOR?',
				answer: 'NATO',
				answerKind: 'organisation',
				statement: 'NATO led KFOR.',
				explanation: 'The source says so.'
			}
		],
		items: [
			{
				id: 'f1-mcq',
				factId: 'f1',
				type: 'mcq',
				prompt: 'Who led KFOR?',
				answer: 'NATO',
				options: ['UN', 'NATO', 'OSCE'],
				explanation: 'The source says so.',
				topic: 'general',
				source: { document: source, quote }
			}
		]
	};
}
const userDeck = (id: string, source = 'notes') => ({
	id,
	createdAt: T0,
	updatedAt: T0,
	deck: deck(id, source),
	documents: { [source]: 'KFOR, led by NATO, entered Kosovo.' }
});
const tables = (partial: Partial<BackupTables>): BackupTables => ({ ...emptyTables(), ...partial });

describe('planDataRepair', () => {
	it('finds nothing to do on sound data', () => {
		const plan = planDataRepair(
			tables({ memory: [memory], reviews: [review], userDecks: [userDeck('my-a')] }),
			NOW
		);
		expect(plan.fixes).toEqual([]);
		expect(isClean(plan)).toBe(true);
	});

	it('rebuilds a poisoned memory from its last review, and removes one with no history', () => {
		const poisoned = { ...memory, dueAt: FAR, lastReviewAt: FAR };
		const orphan = { ...poisoned, key: 'kosovo/k2', factId: 'k2' };
		const plan = planDataRepair(tables({ memory: [poisoned, orphan], reviews: [review] }), NOW);
		expect(plan.fixes.map((fix) => [fix.key, fix.action])).toEqual([
			['kosovo/k1', 'repair'],
			['kosovo/k2', 'remove']
		]);
		expect(plan.fixes[0].problem).toMatch(
			/Facts studied, row 1 \("kosovo\/k1"\), field "lastReviewAt"/
		);
		expect(plan.put.memory).toEqual([memory]);
		expect(plan.remove.memory).toEqual(['kosovo/k2']);
	});

	it('files a deck and a result under their own ids, and removes a deck under a built-in id', () => {
		const result = toStoredResult({
			v: 1 as const,
			assignmentId: 'as1',
			student: 'Ada',
			startedAt: T0,
			submittedAt: T0 + 5000,
			answers: { q1: 'NATO' }
		});
		const plan = planDataRepair(
			tables({
				userDecks: [{ ...userDeck('my-a'), id: 'my-wrong' }, userDeck('kosovo')],
				results: [
					{ id: 'not-the-checksum', assignmentId: 'as1', student: 'Ada', receivedAt: T0, result }
				]
			}),
			NOW
		);
		expect(plan.fixes.map((fix) => [fix.table, fix.key, fix.action])).toEqual([
			['userDecks', 'my-wrong', 'repair'],
			['userDecks', 'kosovo', 'remove'],
			['results', 'not-the-checksum', 'repair']
		]);
		expect(plan.put.userDecks.map((row) => row.id)).toEqual(['my-a']);
		expect(plan.remove.userDecks).toEqual(['my-wrong', 'kosovo']);
		expect(plan.put.results.map((row) => row.id)).toEqual([resultId(result)]);
	});

	it('renames a source called "constructor" (decks made before the fix) so backups take it', () => {
		const legacy = userDeck('my-constructor-1', 'constructor');
		const plan = planDataRepair(tables({ userDecks: [legacy] }), NOW);
		expect(plan.fixes).toHaveLength(1);
		expect(plan.fixes[0]).toMatchObject({ action: 'repair', key: 'my-constructor-1' });
		const [mended] = plan.put.userDecks;
		expect(Object.keys(mended.documents!)).toEqual(['constructor-document']);
		expect(mended.deck.sources[0].id).toBe('constructor-document');
		expect(mended.deck.facts[0].document).toBe('constructor-document');
		expect(mended.deck.items[0].source.document).toBe('constructor-document');
	});

	it('keeps each fact id once, and removes progress on a deck that is gone', () => {
		const twice = userDeck('my-a');
		twice.deck = { ...twice.deck, facts: [twice.deck.facts[0], twice.deck.facts[0]] };
		const gone = { ...memory, key: 'my-gone/k1', deckId: 'my-gone' };
		const plan = planDataRepair(tables({ userDecks: [twice], memory: [gone] }), NOW);
		expect(plan.fixes.map((fix) => [fix.key, fix.action])).toEqual([
			['my-a', 'repair'],
			['my-gone/k1', 'remove']
		]);
		expect(plan.put.userDecks[0].deck.facts).toHaveLength(1);
	});

	it('removes settings the settings form would refuse, but never the derived caches', () => {
		const plan = planDataRepair(
			tables({
				settings: [
					{ key: 'study', value: { newPerDay: -1 } },
					{ key: 'progress-day-aggregates', value: { anything: true } }
				]
			}),
			NOW
		);
		expect(plan.fixes.map((fix) => [fix.key, fix.action])).toEqual([['study', 'remove']]);
	});
});
