import { describe, expect, it } from 'vitest';
import {
	BACKUP_VERSION,
	MAX_DOCUMENT_CHARS,
	MAX_ROWS,
	MAX_STRING_CHARS,
	backupChecksum,
	hostileShape,
	makeBackup,
	parseBackup,
	type BackupTables
} from '$lib/domain/backup/backup-schema';
import type { Deck, Item } from '$lib/domain/types';
import { resultId } from '$lib/domain/teach/result-codec';

const NOW = Date.UTC(2026, 0, 10, 12);
const source = {
	document: 'peacekeeping-in-kosovo',
	quote: 'KFOR entered Kosovo on 12 June 1999.'
};
const item: Item = {
	id: 'm1',
	factId: 'k1',
	type: 'mcq',
	prompt: 'Who led KFOR?',
	answer: 'NATO',
	options: ['UN', 'NATO', 'OSCE'],
	explanation: 'The source says so.',
	topic: 'origins',
	source
};
const deck: Deck = {
	id: 'my-deck',
	title: 'My deck',
	description: 'A deck of my own.',
	version: 1,
	topics: [{ id: 'origins', title: 'Origins' }],
	sources: [{ id: 'peacekeeping-in-kosovo', title: 'Peacekeeping in Kosovo' }],
	facts: [
		{
			id: 'k1',
			topic: 'origins',
			document: 'peacekeeping-in-kosovo',
			quote: source.quote,
			question: 'Who led KFOR?',
			answer: 'NATO',
			answerKind: 'organisation',
			statement: 'NATO led KFOR.',
			explanation: 'The source says so.'
		}
	],
	items: [item]
};
const snapshot = {
	dueAt: NOW + 86_400_000,
	stability: 2.3,
	difficulty: 5.1,
	scheduledDays: 1,
	learningSteps: 0,
	reps: 1,
	lapses: 0,
	state: 2 as const,
	lastReviewAt: NOW
};

const studentResult = {
	v: 1 as const,
	assignmentId: 'as1',
	student: 'Ada',
	startedAt: NOW,
	submittedAt: NOW + 5000,
	answers: { m1: 'NATO' }
};

/** One valid row in every table. */
function sampleTables(): BackupTables {
	return {
		memory: [
			{ ...snapshot, key: 'kosovo/k1', deckId: 'kosovo', factId: 'k1', suspended: 0, leech: 0 }
		],
		reviews: [
			{
				id: 1,
				deckId: 'kosovo',
				factId: 'k1',
				itemId: 'm1',
				rating: 3,
				reviewedAt: NOW,
				elapsedDays: 0,
				durationMs: 4200,
				before: null,
				after: snapshot,
				origin: 'study'
			}
		],
		settings: [
			{
				key: 'study',
				value: { newPerDay: 20, reviewsPerDay: 200, desiredRetention: 0.9, dayStartHour: 4 }
			}
		],
		attempts: [
			{
				id: 'a1',
				deckId: 'kosovo',
				kind: 'self',
				itemIds: ['m1'],
				answers: { m1: 'NATO' },
				config: { count: 10, types: ['mcq'] },
				startedAt: NOW,
				submittedAt: NOW + 1000,
				score: 1,
				durationMs: 1000
			}
		],
		assignments: [
			{
				id: 'as1',
				createdAt: NOW,
				assignment: {
					v: 1,
					id: 'as1',
					title: 'Homework',
					deckId: 'kosovo',
					deckTitle: 'Kosovo',
					instructions: '',
					items: [item],
					shuffle: false,
					timeLimitMinutes: 0,
					feedback: 'after',
					passMark: 50,
					createdAt: NOW
				}
			}
		],
		results: [
			{
				id: resultId(studentResult),
				assignmentId: 'as1',
				student: 'Ada',
				receivedAt: NOW,
				result: {
					v: 2,
					assignmentId: 'as1',
					student: 'Ada',
					startedAt: NOW,
					submittedAt: NOW + 5000,
					answers: [['m1', 'NATO']]
				}
			}
		],
		userDecks: [{ id: 'my-deck', createdAt: NOW, updatedAt: NOW, deck }]
	};
}

const valid = () => JSON.parse(JSON.stringify(makeBackup(sampleTables(), NOW)));
/** A changed file signed again, so a test reaches the check after the checksum. */
const signed = (value: unknown): string => {
	const file = value as { version?: unknown; exportedAt: number; tables: unknown };
	if (typeof value !== 'object' || value === null || file.version !== BACKUP_VERSION) {
		return JSON.stringify(value);
	}
	return JSON.stringify({ ...file, checksum: backupChecksum(file.exportedAt, file.tables) });
};
const refused = (value: unknown) => {
	const result = parseBackup(typeof value === 'string' ? value : signed(value), NOW);
	expect(result.ok).toBe(false);
	return result.ok ? '' : result.error;
};

describe('parseBackup', () => {
	it('accepts a backup with a row in every table and returns the same data', () => {
		const file = valid();
		const result = parseBackup(signed(file), NOW);
		expect(result).toEqual({ ok: true, value: file });
	});

	it('accepts an empty backup', () => {
		const empty = valid();
		for (const table of Object.keys(empty.tables)) empty.tables[table] = [];
		expect(parseBackup(signed(empty), NOW).ok).toBe(true);
	});

	it('refuses a truncated or damaged file as not valid JSON', () => {
		const text = JSON.stringify(valid());
		expect(refused(text.slice(0, text.length - 1))).toMatch(/damaged or was cut off/);
		expect(refused('')).toMatch(/damaged or was cut off/);
	});

	it('refuses JSON that is not a Factdeck backup', () => {
		expect(refused([1, 2])).toBe('This file is not a Factdeck backup.');
		expect(refused({ ...valid(), format: 'other' })).toBe('This file is not a Factdeck backup.');
		expect(refused('null')).toBe('This file is not a Factdeck backup.');
	});

	it('refuses a file from a newer version with a message that says so', () => {
		expect(refused({ ...valid(), version: BACKUP_VERSION + 1 })).toMatch(
			/newer version of Factdeck/
		);
	});

	it('refuses __proto__, constructor and prototype keys anywhere', () => {
		for (const key of ['__proto__', 'constructor', 'prototype']) {
			const text = JSON.stringify(valid()).replace(
				'"answers":{"m1"',
				`"answers":{"${key}":{"x":1},"m1"`
			);
			expect(refused(text)).toMatch(new RegExp(`forbidden key "${key}"`));
		}
	});

	it('refuses wrong types, unknown fields, huge strings and broken keys', () => {
		const wrongType = valid();
		wrongType.tables.memory[0].dueAt = 'tomorrow';
		expect(refused(wrongType)).toMatch(/tables → memory → 0 → dueAt/);
		const extra = valid();
		extra.tables.reviews[0].score = 1;
		expect(refused(extra)).toMatch(/Unrecognized key/);
		const huge = valid();
		huge.tables.settings[0].value = 'x'.repeat(200_000);
		expect(refused(huge)).toMatch(/far longer/);
		const key = valid();
		key.tables.memory[0].key = 'kosovo/other';
		expect(refused(key)).toMatch(/deckId\/factId/);
		const rating = valid();
		rating.tables.reviews[0].rating = 5;
		expect(refused(rating)).toMatch(/rating/);
	});

	it('refuses duplicate primary keys and too many rows', () => {
		const twice = valid();
		twice.tables.attempts.push(twice.tables.attempts[0]);
		expect(refused(twice)).toMatch(/duplicate key "a1"/);
		const many = valid();
		many.tables.settings = Array.from({ length: MAX_ROWS.settings + 1 }, (_, i) => ({
			key: `k${i}`,
			value: i
		}));
		expect(refused(many)).toMatch(/settings/);
	});

	it('refuses an invalid nested item, assignment or deck through the shared schemas', () => {
		const badItem = valid();
		badItem.tables.assignments[0].assignment.items[0].options = ['UN', 'OSCE'];
		expect(refused(badItem)).toMatch(/exactly once among the options/);
		const badDeck = valid();
		badDeck.tables.userDecks[0].deck.id = 'Not A Slug';
		expect(refused(badDeck)).toMatch(/userDecks/);
	});
});

describe('user decks in a backup', () => {
	it('keeps a deck with its document, even one far longer than any other text', () => {
		const file = valid();
		const text = 'The commission met in 1856. '.repeat(40_000);
		expect(text.length).toBeGreaterThan(MAX_STRING_CHARS);
		file.tables.userDecks[0].documents = { 'peacekeeping-in-kosovo': text };
		const result = parseBackup(signed(file), NOW);
		expect(result.ok && result.value.tables.userDecks[0].documents).toEqual({
			'peacekeeping-in-kosovo': text
		});
	});

	it('refuses a document longer than any document a deck can be made from', () => {
		const file = valid();
		file.tables.userDecks[0].documents = { notes: 'x'.repeat(MAX_DOCUMENT_CHARS + 1) };
		expect(refused(file)).toMatch(/far longer/);
		const elsewhere = valid();
		elsewhere.tables.settings[0].value = { documents: 'x'.repeat(MAX_STRING_CHARS + 1) };
		expect(refused(elsewhere)).toMatch(/far longer/);
	});
});

describe('hostileShape', () => {
	it('finds deep nesting without recursing', () => {
		let nested: unknown = 1;
		for (let i = 0; i < 100_000; i++) nested = [nested];
		expect(hostileShape(nested)).toMatch(/nested too deeply/);
	});

	it('passes ordinary data', () => {
		expect(hostileShape(valid())).toBeNull();
	});
});
