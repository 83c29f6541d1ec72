/**
 * The second half of checking a backup: after the shape (backup-schema), the meaning. A file can
 * be perfectly formed and still break pages or take facts out of study for centuries: a time
 * after the file was written, a memory row whose due date its interval cannot explain, a user
 * deck stored under another deck's id. Each check names the row and the field it refuses.
 */
import type { BackupFile, BackupTables, TableName } from '$lib/domain/backup/backup-schema';
import { TABLE_LABELS } from '$lib/domain/backup/table-labels';
import { resultId } from '$lib/domain/teach/result-codec';
import { validateSettings } from '$lib/domain/study/study-settings';
import { USER_DECK_PREFIX } from '$lib/domain/deck/source-href';

const DAY_MS = 86_400_000;
/** No Factdeck data was made before this (2020-01-01 UTC, before the first version existed). */
export const EARLIEST_TIME = Date.UTC(2020, 0, 1);
/**
 * Clocks differ between the devices whose rows one backup unites, so a row may be this much
 * "later" than the file that holds it.
 */
export const CLOCK_SKEW_MS = DAY_MS;
/** ts-fsrs never schedules further than this (its default maximum interval, in days). */
export const MAX_INTERVAL_DAYS = 36_500;
/** FSRS difficulty lies in 1..10 once a fact was reviewed (0 for a fact never studied). */
const MAX_DIFFICULTY = 10;
/** Learning steps are a handful (1m, 10m); far fewer than this. */
const MAX_LEARNING_STEPS = 20;
/** Settings rows that are derived caches: rebuilt on this device, never read from a file. */
export const DERIVED_SETTING_KEYS: readonly string[] = ['progress-day-aggregates'];

type Row = BackupTables[TableName][number];

interface Snapshot {
	dueAt: number;
	stability: number;
	difficulty: number;
	scheduledDays: number;
	learningSteps: number;
	reps: number;
	lapses: number;
	state: number;
	lastReviewAt: number | null;
}

/** Where a refusal points: the table, the row (by number and key) and the field. */
function place(table: TableName, index: number, row: Row, field: string): string {
	const record = row as unknown as Record<string, unknown>;
	const key = table === 'memory' || table === 'settings' ? record.key : record.id;
	const named =
		typeof key === 'string' || typeof key === 'number' ? ` (${JSON.stringify(key)})` : '';
	return `${TABLE_LABELS[table]}, row ${index + 1}${named}, field "${field}"`;
}

/**
 * Why a memory snapshot cannot be one that FSRS made at or before `latest` (epoch ms), or null.
 * The due date must follow from the last review and the interval: a fact is never scheduled
 * further away than its own interval allows.
 */
export function snapshotProblem(memory: Snapshot, latest: number): [string, string] | null {
	if (memory.stability > MAX_INTERVAL_DAYS) return ['stability', 'is larger than FSRS allows'];
	if (memory.difficulty > MAX_DIFFICULTY) return ['difficulty', 'is larger than FSRS allows'];
	if (memory.scheduledDays > MAX_INTERVAL_DAYS) {
		return ['scheduledDays', 'is longer than the longest interval'];
	}
	if (memory.learningSteps > MAX_LEARNING_STEPS) return ['learningSteps', 'is out of range'];
	if (memory.lapses > memory.reps) return ['lapses', 'is more than the number of reviews'];
	if (memory.lastReviewAt === null) {
		if (memory.state !== 0 || memory.reps !== 0) {
			return ['lastReviewAt', 'is missing for a fact that was studied'];
		}
		if (memory.dueAt > latest) return ['dueAt', 'is set for a fact never studied'];
		return null;
	}
	if (memory.lastReviewAt < EARLIEST_TIME || memory.lastReviewAt > latest) {
		return ['lastReviewAt', 'is outside the time this file can hold'];
	}
	if (memory.state === 0 || memory.reps === 0) {
		return ['state', 'is "new" for a fact that was reviewed'];
	}
	const furthest = memory.lastReviewAt + (memory.scheduledDays + 2) * DAY_MS;
	if (memory.dueAt > furthest) return ['dueAt', 'is later than its interval allows'];
	return null;
}

function isMadeTime(time: number, latest: number): boolean {
	return time >= EARLIEST_TIME && time <= latest;
}

/** One row that makes no sense: where it is and why, in the learner's words. */
export interface RowProblem {
	table: TableName;
	index: number;
	message: string;
}

/** Epoch ms no row of a file written at `exportedAt` can be later than. */
export function latestTime(exportedAt: number): number {
	return exportedAt + CLOCK_SKEW_MS;
}

/**
 * Why a schema-valid backup cannot be one Factdeck made by `now` (epoch ms), naming the row
 * and the field; null when every row makes sense.
 */
export function meaningProblem(file: BackupFile, now: number): string | null {
	if (!isMadeTime(file.exportedAt, now + CLOCK_SKEW_MS)) {
		return 'the file’s own date (field "exportedAt") is not a time this app can have written it';
	}
	const first = rowProblems(file.tables, latestTime(file.exportedAt)).next();
	return first.done ? null : first.value.message;
}

/**
 * Every problem of every row, in table order (a row may have several): tables that no row
 * of can be later than `latest` (epoch ms).
 */
export function* rowProblems(tables: BackupTables, latest: number): Generator<RowProblem> {
	const userDeckIds = new Set(tables.userDecks.map((row) => row.deck.id));
	const ownDeck = (deckId: string) =>
		!deckId.startsWith(USER_DECK_PREFIX) || userDeckIds.has(deckId);

	for (const [index, row] of tables.memory.entries()) {
		const problem = snapshotProblem(row, latest);
		if (problem)
			yield {
				table: 'memory',
				index,
				message: `${place('memory', index, row, problem[0])} ${problem[1]}`
			};
		if (!ownDeck(row.deckId)) {
			yield {
				table: 'memory',
				index,
				message: `${place('memory', index, row, 'deckId')} names a deck of your own that is not there`
			};
		}
	}

	for (const [index, row] of tables.reviews.entries()) {
		const at = (field: string) => place('reviews', index, row, field);
		if (!isMadeTime(row.reviewedAt, latest)) {
			yield {
				table: 'reviews',
				index,
				message: `${at('reviewedAt')} is outside the time this file can hold`
			};
		}
		if (row.durationMs > row.reviewedAt - EARLIEST_TIME)
			yield { table: 'reviews', index, message: `${at('durationMs')} is too long` };
		if (row.elapsedDays * DAY_MS > row.reviewedAt - EARLIEST_TIME + DAY_MS) {
			yield { table: 'reviews', index, message: `${at('elapsedDays')} is too long` };
		}
		if (row.after.lastReviewAt !== row.reviewedAt) {
			yield {
				table: 'reviews',
				index,
				message: `${at('after.lastReviewAt')} is not the time of the review`
			};
		}
		for (const [name, snapshot] of [
			['before', row.before],
			['after', row.after]
		] as const) {
			const problem = snapshot && snapshotProblem(snapshot, latest);
			if (problem) {
				yield { table: 'reviews', index, message: `${at(`${name}.${problem[0]}`)} ${problem[1]}` };
			}
		}
		if (row.before?.lastReviewAt != null && row.before.lastReviewAt > row.reviewedAt) {
			yield {
				table: 'reviews',
				index,
				message: `${at('before.lastReviewAt')} is after the review itself`
			};
		}
		if (!ownDeck(row.deckId)) {
			yield {
				table: 'reviews',
				index,
				message: `${at('deckId')} names a deck of your own that is not there`
			};
		}
	}

	for (const [index, row] of tables.settings.entries()) {
		const at = place('settings', index, row, 'value');
		if (row.key === 'study') {
			const checked = validateSettings(row.value);
			if (!checked.ok)
				yield { table: 'settings', index, message: `${at}: ${checked.errors.join('; ')}` };
		} else if (row.key === 'backup') {
			const value = row.value as { lastBackupAt?: unknown } | null;
			const time = typeof value === 'object' && value !== null ? value.lastBackupAt : undefined;
			const keys = typeof value === 'object' && value !== null ? Object.keys(value) : [];
			if (typeof time !== 'number' || !isMadeTime(time, latest) || keys.length !== 1) {
				yield { table: 'settings', index, message: `${at} is not the time of a backup` };
			}
		}
	}

	for (const [index, row] of tables.attempts.entries()) {
		const at = (field: string) => place('attempts', index, row, field);
		if (!isMadeTime(row.startedAt, latest)) {
			yield {
				table: 'attempts',
				index,
				message: `${at('startedAt')} is outside the time this file can hold`
			};
		}
		if (row.submittedAt !== null && (row.submittedAt < row.startedAt || row.submittedAt > latest)) {
			yield {
				table: 'attempts',
				index,
				message: `${at('submittedAt')} is before the start or after the file was written`
			};
		}
		if (row.durationMs !== null && row.durationMs > latest - row.startedAt) {
			yield {
				table: 'attempts',
				index,
				message: `${at('durationMs')} is longer than the attempt can have lasted`
			};
		}
		if (new Set(row.itemIds).size !== row.itemIds.length)
			yield { table: 'attempts', index, message: `${at('itemIds')} repeats an item` };
		const asked = new Set(row.itemIds);
		if (Object.keys(row.answers).some((itemId) => !asked.has(itemId))) {
			yield {
				table: 'attempts',
				index,
				message: `${at('answers')} answers a question that was not asked`
			};
		}
		if (row.kind === 'assignment' && row.assignmentId === undefined) {
			yield {
				table: 'attempts',
				index,
				message: `${at('assignmentId')} is missing for an assignment`
			};
		}
		if (!ownDeck(row.deckId))
			yield {
				table: 'attempts',
				index,
				message: `${at('deckId')} names a deck of your own that is not there`
			};
	}

	for (const [index, row] of tables.assignments.entries()) {
		const at = (field: string) => place('assignments', index, row, field);
		if (!isMadeTime(row.createdAt, latest)) {
			yield {
				table: 'assignments',
				index,
				message: `${at('createdAt')} is outside the time this file can hold`
			};
		}
		if (!isMadeTime(row.assignment.createdAt, latest)) {
			yield {
				table: 'assignments',
				index,
				message: `${at('assignment.createdAt')} is outside the time this file can hold`
			};
		}
	}

	for (const [index, row] of tables.results.entries()) {
		const at = (field: string) => place('results', index, row, field);
		if (!isMadeTime(row.receivedAt, latest)) {
			yield {
				table: 'results',
				index,
				message: `${at('receivedAt')} is outside the time this file can hold`
			};
		}
		// The student's clock is not this device's: allow it a wider skew, never past Date's range.
		const studentLatest = latest + 30 * DAY_MS;
		const { startedAt, submittedAt } = row.result;
		if (!isMadeTime(startedAt, studentLatest)) {
			yield {
				table: 'results',
				index,
				message: `${at('result.startedAt')} is outside the time this file can hold`
			};
		}
		if (!isMadeTime(submittedAt, studentLatest) || submittedAt < startedAt) {
			yield {
				table: 'results',
				index,
				message: `${at('result.submittedAt')} is outside the time this file can hold`
			};
		}
		if (row.assignmentId !== row.result.assignmentId) {
			yield {
				table: 'results',
				index,
				message: `${at('assignmentId')} differs from the result’s own assignment`
			};
		}
		if (row.student !== row.result.student)
			yield { table: 'results', index, message: `${at('student')} differs from the result’s` };
		if (row.id !== resultId(row.result))
			yield { table: 'results', index, message: `${at('id')} is not the result’s checksum` };
	}

	for (const [index, row] of tables.userDecks.entries()) {
		const at = (field: string) => place('userDecks', index, row, field);
		if (row.id !== row.deck.id)
			yield { table: 'userDecks', index, message: `${at('id')} is not the deck’s own id` };
		if (!row.deck.id.startsWith(USER_DECK_PREFIX)) {
			yield {
				table: 'userDecks',
				index,
				message: `${at('deck.id')} does not start with "${USER_DECK_PREFIX}" (the ids of built-in decks are theirs)`
			};
		}
		if (!isMadeTime(row.createdAt, latest)) {
			yield {
				table: 'userDecks',
				index,
				message: `${at('createdAt')} is outside the time this file can hold`
			};
		}
		if (row.updatedAt < row.createdAt || row.updatedAt > latest) {
			yield {
				table: 'userDecks',
				index,
				message: `${at('updatedAt')} is before the deck was made or after the file was written`
			};
		}
		const factIds = new Set<string>();
		for (const fact of row.deck.facts) {
			if (factIds.has(fact.id))
				yield {
					table: 'userDecks',
					index,
					message: `${at('deck.facts')} holds the fact id "${fact.id}" twice`
				};
			factIds.add(fact.id);
		}
		const sources = new Set(row.deck.sources.map((source) => source.id));
		if (sources.size !== row.deck.sources.length)
			yield { table: 'userDecks', index, message: `${at('deck.sources')} repeats a source` };
		for (const fact of row.deck.facts) {
			if (!sources.has(fact.document)) {
				yield {
					table: 'userDecks',
					index,
					message: `${at('deck.facts')}: fact "${fact.id}" quotes a source the deck lacks`
				};
			}
		}
		for (const item of row.deck.items) {
			if (item.factId !== undefined && !factIds.has(item.factId) && row.deck.facts.length > 0) {
				yield {
					table: 'userDecks',
					index,
					message: `${at('deck.items')}: item "${item.id}" asks about a fact the deck lacks`
				};
			}
		}
		for (const sourceId of Object.keys(row.documents ?? {})) {
			if (!sources.has(sourceId)) {
				yield {
					table: 'userDecks',
					index,
					message: `${at('documents')} holds a document "${sourceId}" that is no source of the deck`
				};
			}
		}
	}
}

/** The tables without the derived caches, which this device rebuilds from the rest. */
export function withoutDerived(tables: BackupTables): BackupTables {
	return {
		...tables,
		settings: tables.settings.filter((row) => !DERIVED_SETTING_KEYS.includes(row.key))
	};
}
