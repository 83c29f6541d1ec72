/**
 * The backup file: every table of the local database plus a format version, as one JSON file.
 * `parseBackup` checks the WHOLE file (size, JSON, format, version, hostile keys, every row
 * against a strict schema, unique keys) before anything may be written, and never throws.
 */
import { z } from 'zod';
import { assignmentSchema, deckSchema, describeIssues } from '$lib/domain/teach/assignment-codec';
import { answerSchema, studentResultSchema } from '$lib/domain/teach/result-codec';
import type { Result } from '$lib/domain/codec';
import { hashString } from '$lib/domain/seeded-random';
import { MAX_DOCUMENT_BYTES } from '$lib/domain/extract/validate';
import { meaningProblem, withoutDerived } from '$lib/domain/backup/backup-meaning';

/**
 * The backup format written by this build; a file with a higher number is refused.
 * 2 adds `checksum`; files of version 1 (without one) are still read.
 */
export const BACKUP_VERSION = 2;
/** Marks a JSON file as a Factdeck backup. */
export const BACKUP_FORMAT = 'factdeck-backup';
/** Larger files are refused before they are read (characters, about bytes for JSON). */
export const MAX_BACKUP_CHARS = 100_000_000;
/** No single string in a backup is longer than this (characters)... */
export const MAX_STRING_CHARS = 100_000;
/** ...but the text of a user deck's document, which may be as long as a document can be. */
export const MAX_DOCUMENT_CHARS = MAX_DOCUMENT_BYTES;
/** Objects nested deeper than this are refused before schema checks. */
export const MAX_DEPTH = 40;
/** Keys that could reach an object's prototype if some later code merged the value. */
export const FORBIDDEN_KEYS = ['__proto__', 'constructor', 'prototype'] as const;

/** Most rows per table: far above a lifetime of study, low enough to bound the work. */
export const MAX_ROWS = {
	memory: 200_000,
	reviews: 1_000_000,
	settings: 1_000,
	attempts: 50_000,
	assignments: 10_000,
	results: 200_000,
	userDecks: 1_000
} as const;

export const TABLE_NAMES = [
	'memory',
	'reviews',
	'settings',
	'attempts',
	'assignments',
	'results',
	'userDecks'
] as const;
export type TableName = (typeof TABLE_NAMES)[number];

const id = z.string().min(1).max(200);
const epochMs = z.number().int().min(0).max(8_640_000_000_000_000);
const count = z.number().int().min(0).max(1_000_000_000);
const flag = z.union([z.literal(0), z.literal(1)]);

/** Any JSON value, bounded: settings and quiz configs are free-form but must stay small. */
const jsonValue = z.unknown().superRefine((value, ctx) => {
	const problem = jsonProblem(value, 0, { nodes: 0 });
	if (problem) ctx.addIssue({ code: 'custom', message: problem });
});

function jsonProblem(value: unknown, depth: number, budget: { nodes: number }): string | null {
	budget.nodes += 1;
	if (budget.nodes > 10_000) return 'too large';
	if (depth > 10) return 'nested too deeply';
	if (value === null || typeof value === 'boolean') return null;
	if (typeof value === 'number') return Number.isFinite(value) ? null : 'not a finite number';
	if (typeof value === 'string') return value.length <= 10_000 ? null : 'text too long';
	if (Array.isArray(value)) {
		for (const item of value) {
			const problem = jsonProblem(item, depth + 1, budget);
			if (problem) return problem;
		}
		return null;
	}
	if (typeof value === 'object') {
		for (const item of Object.values(value)) {
			const problem = jsonProblem(item, depth + 1, budget);
			if (problem) return problem;
		}
		return null;
	}
	return 'not JSON';
}

export const memorySnapshotSchema = z.strictObject({
	dueAt: epochMs,
	stability: z.number().min(0).max(1e9),
	difficulty: z.number().min(0).max(100),
	scheduledDays: z.number().min(0).max(1e9),
	learningSteps: count,
	reps: count,
	lapses: count,
	state: z.union([z.literal(0), z.literal(1), z.literal(2), z.literal(3)]),
	lastReviewAt: epochMs.nullable()
});

export const memoryRowSchema = memorySnapshotSchema
	.extend({ key: z.string().min(3).max(401), deckId: id, factId: id, suspended: flag, leech: flag })
	.refine((row) => row.key === `${row.deckId}/${row.factId}`, {
		message: 'the key must be deckId/factId',
		path: ['key']
	});

export const reviewRowSchema = z.strictObject({
	id: z.number().int().min(1).max(Number.MAX_SAFE_INTEGER).optional(),
	deckId: id,
	factId: id,
	itemId: id,
	rating: z.union([z.literal(1), z.literal(2), z.literal(3), z.literal(4)]),
	reviewedAt: epochMs,
	elapsedDays: count,
	durationMs: z.number().min(0).max(1e12),
	before: memorySnapshotSchema.nullable(),
	after: memorySnapshotSchema,
	origin: z.enum(['study', 'quiz'])
});

export const settingRowSchema = z.strictObject({ key: id, value: jsonValue });

export const attemptRowSchema = z.strictObject({
	id,
	deckId: id,
	kind: z.enum(['self', 'assignment']),
	assignmentId: id.optional(),
	student: z.string().max(200).optional(),
	itemIds: z.array(id).max(1000),
	answers: z
		.record(id, answerSchema)
		.refine((answers) => Object.keys(answers).length <= 1000, { message: 'Too many answers' }),
	config: z.record(z.string().max(200), jsonValue),
	startedAt: epochMs,
	submittedAt: epochMs.nullable(),
	score: z.number().min(0).max(1).nullable(),
	durationMs: z.number().min(0).max(1e12).nullable()
});

export const assignmentRowSchema = z
	.strictObject({ id, createdAt: epochMs, assignment: assignmentSchema })
	.refine((row) => row.id === row.assignment.id, {
		message: 'the row id must be the assignment id',
		path: ['id']
	});

export const resultRowSchema = z.strictObject({
	id,
	assignmentId: id,
	student: z.string().max(200),
	receivedAt: epochMs,
	result: studentResultSchema
});

export const userDeckRowSchema = z.strictObject({
	id,
	createdAt: epochMs,
	updatedAt: epochMs,
	deck: deckSchema,
	/** The document texts the deck's quotes come from, by source id (as saveUserDeck stores). */
	documents: z.record(id, z.string().max(MAX_DOCUMENT_CHARS)).optional()
});

export const backupTablesSchema = z.strictObject({
	memory: z.array(memoryRowSchema).max(MAX_ROWS.memory),
	reviews: z.array(reviewRowSchema).max(MAX_ROWS.reviews),
	settings: z.array(settingRowSchema).max(MAX_ROWS.settings),
	attempts: z.array(attemptRowSchema).max(MAX_ROWS.attempts),
	assignments: z.array(assignmentRowSchema).max(MAX_ROWS.assignments),
	results: z.array(resultRowSchema).max(MAX_ROWS.results),
	userDecks: z.array(userDeckRowSchema).max(MAX_ROWS.userDecks)
});

const checksumSchema = z.string().regex(/^[0-9a-z]{1,11}-[0-9a-z]{1,11}$/);

/** Refuses two rows of one table under the same primary key. */
function uniqueKeys(backup: { tables: BackupTables }, ctx: z.RefinementCtx): void {
	for (const table of TABLE_NAMES) {
		const seen = new Set<string | number>();
		backup.tables[table].forEach((row, index) => {
			const key = primaryKey(table, row);
			if (key === undefined) return;
			if (seen.has(key)) {
				ctx.addIssue({
					code: 'custom',
					message: `duplicate key "${String(key)}"`,
					path: ['tables', table, index]
				});
			}
			seen.add(key);
		});
	}
}

/** Version 1: the first format, without a checksum; still read. */
export const backupV1Schema = z
	.strictObject({
		format: z.literal(BACKUP_FORMAT),
		version: z.literal(1),
		exportedAt: epochMs,
		tables: backupTablesSchema
	})
	.superRefine(uniqueKeys);

/** The format this build writes: version 2, with a checksum of its content. */
export const backupSchema = z
	.strictObject({
		format: z.literal(BACKUP_FORMAT),
		version: z.literal(BACKUP_VERSION),
		exportedAt: epochMs,
		checksum: checksumSchema,
		tables: backupTablesSchema
	})
	.superRefine(uniqueKeys);

export type MemoryRowData = z.infer<typeof memoryRowSchema>;
export type ReviewRowData = z.infer<typeof reviewRowSchema>;
export type BackupTables = z.infer<typeof backupTablesSchema>;
export type BackupFile = z.infer<typeof backupSchema> | z.infer<typeof backupV1Schema>;

/** The primary key of a row as the database stores it (reviews may lack an id). */
export function primaryKey(table: TableName, row: object): string | number | undefined {
	const record = row as Record<string, unknown>;
	const value = table === 'memory' || table === 'settings' ? record.key : record.id;
	return typeof value === 'string' || typeof value === 'number' ? value : undefined;
}

/** An empty set of tables, to build dumps and tests from. */
export function emptyTables(): BackupTables {
	return {
		memory: [],
		reviews: [],
		settings: [],
		attempts: [],
		assignments: [],
		results: [],
		userDecks: []
	};
}

/**
 * A checksum of a backup's content (its time and every row, as JSON): two 53-bit hashes with
 * different seeds. It finds damage (a changed character, a cut or spliced file), not forgery.
 */
export function backupChecksum(exportedAt: number, tables: unknown): string {
	const content = `${exportedAt}\u0000${JSON.stringify(tables)}`;
	return `${hashString(content)}-${hashString(`factdeck\u0000${content}`)}`;
}

/** Wraps tables as a backup file written at `now` (epoch ms), with its checksum. */
export function makeBackup(tables: BackupTables, now: number): BackupFile {
	return {
		format: BACKUP_FORMAT,
		version: BACKUP_VERSION,
		exportedAt: now,
		checksum: backupChecksum(now, tables),
		tables
	};
}

/** The file name of a backup made at `now` (epoch ms), dated in UTC. */
export function backupFileName(now: number): string {
	return `factdeck-backup-${new Date(now).toISOString().slice(0, 10)}.json`;
}

/** Where in a backup a value sits, as far as the one longer text allowed needs to know. */
type Place = 'file' | 'tables' | 'userDecks' | 'userDeck' | 'documents' | 'other';

/** The place of a child reached by `key` from a value at `place`. */
function placeOf(place: Place, key: string): Place {
	if (place === 'file' && key === 'tables') return 'tables';
	if (place === 'tables' && key === 'userDecks') return 'userDecks';
	if (place === 'userDecks') return 'userDeck';
	if (place === 'userDeck' && key === 'documents') return 'documents';
	return place === 'documents' ? 'documents' : 'other';
}

/**
 * Why a parsed JSON value may not even be looked at: a forbidden key, deep nesting, huge text.
 * Only a user deck's documents (`tables.userDecks[i].documents`) may hold longer texts, up to
 * MAX_DOCUMENT_CHARS, since a deck is made from a document that long.
 */
export function hostileShape(value: unknown): string | null {
	const stack: Array<{ value: unknown; depth: number; place: Place }> = [
		{ value, depth: 0, place: 'file' }
	];
	while (stack.length > 0) {
		const next = stack.pop()!;
		if (typeof next.value === 'string') {
			const limit = next.place === 'documents' ? MAX_DOCUMENT_CHARS : MAX_STRING_CHARS;
			if (next.value.length > limit) return 'it holds a text far longer than any real one';
			continue;
		}
		if (typeof next.value !== 'object' || next.value === null) continue;
		if (next.depth > MAX_DEPTH) return 'it is nested too deeply';
		const isArray = Array.isArray(next.value);
		for (const key of Object.keys(next.value)) {
			if (!isArray && (FORBIDDEN_KEYS as readonly string[]).includes(key)) {
				return `it contains the forbidden key "${key}"`;
			}
			if (key.length > MAX_STRING_CHARS) return 'it holds a key far longer than any real one';
			stack.push({
				value: (next.value as Record<string, unknown>)[key],
				depth: next.depth + 1,
				place: placeOf(next.place, key)
			});
		}
	}
	return null;
}

const NOT_A_BACKUP = 'This file is not a Factdeck backup.';

/**
 * Parses and strictly validates a backup file's text against what this device can accept at
 * `now` (epoch ms): shape, checksum, then meaning. Never throws, never returns half a file.
 * Derived caches in the file are dropped, to be rebuilt here.
 */
export function parseBackup(text: string, now: number): Result<BackupFile> {
	if (text.length > MAX_BACKUP_CHARS) {
		return { ok: false, error: 'This file is too large to be a Factdeck backup.' };
	}
	let value: unknown;
	try {
		value = JSON.parse(text);
	} catch {
		return {
			ok: false,
			error: 'This file cannot be read as a backup: it is damaged or was cut off (not valid JSON).'
		};
	}
	if (typeof value !== 'object' || value === null || Array.isArray(value)) {
		return { ok: false, error: NOT_A_BACKUP };
	}
	const header = value as Record<string, unknown>;
	if (header.format !== BACKUP_FORMAT) return { ok: false, error: NOT_A_BACKUP };
	if (typeof header.version === 'number' && header.version > BACKUP_VERSION) {
		return {
			ok: false,
			error:
				'This backup was made by a newer version of Factdeck. Update Factdeck (reload the page when online), then import it again.'
		};
	}
	const hostile = hostileShape(value);
	if (hostile) return { ok: false, error: `This backup was refused: ${hostile}.` };
	if (header.version === BACKUP_VERSION) {
		// Checked on the raw value, before the schema can drop or reorder anything.
		const raw = value as { exportedAt?: unknown; tables?: unknown; checksum?: unknown };
		if (raw.checksum !== backupChecksum(raw.exportedAt as number, raw.tables)) {
			return {
				ok: false,
				error:
					'This backup is damaged: its content does not match its checksum (it was changed or cut after it was saved), so nothing was imported.'
			};
		}
	}
	const parsed = (header.version === 1 ? backupV1Schema : backupSchema).safeParse(value);
	if (!parsed.success) {
		return {
			ok: false,
			error: `This backup is not valid, so nothing was imported (${describeIssues(parsed.error)}).`
		};
	}
	const problem = meaningProblem(parsed.data, now);
	if (problem) {
		return { ok: false, error: `This backup was refused, so nothing was imported: ${problem}.` };
	}
	return { ok: true, value: { ...parsed.data, tables: withoutDerived(parsed.data.tables) } };
}
