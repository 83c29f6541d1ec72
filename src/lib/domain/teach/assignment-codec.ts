import { z } from 'zod';
import type { Assignment, Deck, Item } from '$lib/domain/types';
import { deckMetaSchema, factSchema } from '$lib/domain/deck/deck-schema';
import {
	decodeFrame,
	deflateRaw,
	encodeBytes,
	extractCode,
	fnv1a32,
	fromBase64Url,
	inflateJson,
	toBase64Url,
	type Result
} from '$lib/domain/codec';

export type { Result } from '$lib/domain/codec';

/*
 * Strict schemas for everything that arrives from outside (a link, a backup, a user deck).
 * Limits are generous for real content and small enough that a hostile link cannot make the
 * tab do much work; unknown keys are refused so a forged field (a `score`, say) never rides along.
 * Decoding refuses any `__proto__` key before a schema sees it (zod would silently drop it).
 */

const id = z.string().min(1).max(200);
const text = (max: number) => z.string().max(max);
const filled = (max: number) => z.string().min(1).max(max);
const answerText = filled(1000);

/** Where an item comes from: a document id and a verbatim quote. */
export const sourceRefSchema = z.strictObject({
	document: text(200),
	quote: text(5000)
});

const itemBase = {
	id,
	factId: id,
	factIds: z.array(id).max(50).optional(),
	prompt: filled(5000),
	explanation: text(10000),
	topic: text(200),
	source: sourceRefSchema,
	alternatives: z.array(answerText).max(30).optional()
};

const matchPairSchema = z.strictObject({ term: answerText, meaning: answerText });

const itemUnion = z.discriminatedUnion('type', [
	z.strictObject({ ...itemBase, type: z.literal('flashcard'), answer: answerText }),
	z.strictObject({
		...itemBase,
		type: z.literal('mcq'),
		answer: answerText,
		options: z.array(answerText).min(2).max(12)
	}),
	z.strictObject({
		...itemBase,
		type: z.literal('truefalse'),
		answer: z.enum(['True', 'False']),
		correction: answerText.optional()
	}),
	z.strictObject({ ...itemBase, type: z.literal('cloze'), answer: answerText }),
	z.strictObject({
		...itemBase,
		type: z.literal('order'),
		answer: z.array(answerText).min(2).max(30),
		options: z.array(answerText).min(2).max(30)
	}),
	z.strictObject({
		...itemBase,
		type: z.literal('match'),
		answer: z.array(matchPairSchema).min(2).max(30),
		options: z.array(answerText).min(2).max(30)
	})
]);

/** Structural promises the grader relies on; content-quality rules live in validate.ts. */
function itemInvariantProblems(item: Item): string[] {
	const sameMultiset = (a: readonly string[], b: readonly string[]) =>
		a.length === b.length && [...a].sort().join('\u0000') === [...b].sort().join('\u0000');
	switch (item.type) {
		case 'mcq':
			if (item.options.filter((option) => option === item.answer).length !== 1) {
				return ['the answer must appear exactly once among the options'];
			}
			return [];
		case 'order':
			return sameMultiset(item.options, item.answer)
				? []
				: ['the options must be the events of the answer'];
		case 'match': {
			const terms = item.answer.map((pair) => pair.term);
			if (new Set(terms).size !== terms.length) return ['the terms must be different'];
			return sameMultiset(
				item.options,
				item.answer.map((pair) => pair.meaning)
			)
				? []
				: ['the options must be the meanings of the answer'];
		}
		default:
			return [];
	}
}

/** One study item of any type, strictly checked. */
export const itemSchema = itemUnion.superRefine((item, ctx) => {
	for (const message of itemInvariantProblems(item)) ctx.addIssue({ code: 'custom', message });
}) satisfies z.ZodType<Item>;

function uniqueItemIds(items: readonly Item[], ctx: z.RefinementCtx): void {
	const seen = new Set<string>();
	items.forEach((item, index) => {
		if (seen.has(item.id)) {
			ctx.addIssue({
				code: 'custom',
				message: `duplicate item id "${item.id}"`,
				path: ['items', index, 'id']
			});
		}
		seen.add(item.id);
	});
}

/** A whole deck with its facts and items (for backups and user decks). */
export const deckSchema = deckMetaSchema
	.extend({
		facts: z.array(factSchema).max(20000),
		items: z.array(itemSchema).max(100000)
	})
	.superRefine((deck, ctx) => uniqueItemIds(deck.items, ctx)) satisfies z.ZodType<Deck>;

/** The most items one assignment may carry; a link stays shareable well below this. */
export const MAX_ASSIGNMENT_ITEMS = 500;

/** The latest time `Date` can show (epoch ms). */
const MAX_EPOCH_MS = 8_640_000_000_000_000;
/** No assignment can be older than the app (2024-01-01, epoch ms). */
const APP_EPOCH_MS = Date.UTC(2024, 0, 1);
/** How far ahead of the reader's clock a writer's clock may run (ms). */
const CLOCK_SKEW_MS = 24 * 3_600_000;

const overrideSchema = z.strictObject({
	itemId: id,
	answer: z.string().max(5000),
	resultId: z
		.string()
		.regex(/^[0-9a-f]{16}$/)
		.optional(),
	accept: z.boolean(),
	at: z.number().int().min(APP_EPOCH_MS).max(MAX_EPOCH_MS)
});

/** A whole assignment as the teacher's browser keeps it; item ids must be unique. */
export const assignmentSchema = z
	.strictObject({
		v: z.literal(1),
		id,
		title: filled(200),
		deckId: id,
		deckTitle: text(300),
		instructions: text(5000),
		items: z.array(itemSchema).min(1).max(MAX_ASSIGNMENT_ITEMS),
		shuffle: z.boolean(),
		timeLimitMinutes: z.number().int().min(0).max(10080),
		feedback: z.enum(['after', 'none']),
		passMark: z.number().min(0).max(100),
		createdAt: z
			.number()
			.int()
			.min(APP_EPOCH_MS, { message: 'is before Factdeck existed' })
			.max(MAX_EPOCH_MS, { message: 'is later than any date a browser can show' }),
		countSelfMarked: z.boolean().optional(),
		overrides: z.array(overrideSchema).max(100_000).optional()
	})
	.superRefine((assignment, ctx) =>
		uniqueItemIds(assignment.items, ctx)
	) satisfies z.ZodType<Assignment>;

/** Words for the first few schema issues, e.g. `items 3 → prompt: Too big ...`. */
export function describeIssues(
	error: z.ZodError,
	limit = 3,
	names: Readonly<Record<string, string>> = {}
): string {
	const parts = error.issues.slice(0, limit).map((issue) => {
		const where = issue.path
			.map((part, i) => {
				const key = String(part);
				return i === 0 && Object.hasOwn(names, key) ? names[key] : key;
			})
			.join(' → ');
		return where ? `${where}: ${issue.message}` : issue.message;
	});
	const more = error.issues.length - limit;
	return parts.join('; ') + (more > 0 ? ` (and ${more} more)` : '');
}

/** True when a decoded value says it was written by a later format of this kind. */
export function isNewerFormat(value: unknown, current: number): boolean {
	if (typeof value !== 'object' || value === null) return false;
	const v = (value as { v?: unknown }).v;
	return typeof v === 'number' && v > current;
}

/*
 * The link format (frame version 2): deflated JSON with short keys. Items of a deck the site
 * serves are referred to, not carried: `r` holds a 32-bit hash of each item id, and `h` a
 * checksum of those items' content, so a later deck version that changed a question is noticed
 * rather than shown as something the teacher did not choose. Items that differ from the current
 * deck (or come from a user deck) ride whole in `x`; `m` says, position by position, which is
 * which ("r" referred, "x" carried) when both are used.
 */
const wireSchema = z.strictObject({
	v: z.literal(2),
	i: id,
	t: filled(200),
	d: id,
	dt: text(300),
	n: text(5000).optional(),
	s: z.literal(1).optional(),
	l: z.number().int().min(0).max(10080).optional(),
	f: z.literal('n').optional(),
	p: z.number().min(0).max(100),
	// Bounded by the assignment schema, whose messages name the field (createdAt).
	c: z.number().int().min(0),
	k: z.literal(1).optional(),
	dv: z.number().int().min(1).optional(),
	r: z
		.string()
		.max(MAX_ASSIGNMENT_ITEMS * 6)
		.optional(),
	h: z
		.string()
		.regex(/^[0-9a-f]{8}$/)
		.optional(),
	x: z.array(z.unknown()).max(MAX_ASSIGNMENT_ITEMS).optional(),
	m: z
		.string()
		.regex(/^[rx]*$/)
		.max(MAX_ASSIGNMENT_ITEMS)
		.optional()
});
type Wire = z.infer<typeof wireSchema>;

/** The assignment field each short link key carries, so a refusal names it as the form does. */
const WIRE_NAMES: Readonly<Record<string, string>> = {
	v: 'format version',
	i: 'id',
	t: 'title',
	d: 'deckId',
	dt: 'deckTitle',
	n: 'instructions',
	s: 'shuffle',
	l: 'timeLimitMinutes',
	f: 'feedback',
	p: 'passMark',
	c: 'createdAt',
	k: 'countSelfMarked',
	dv: 'deck version',
	r: 'items (references)',
	h: 'items (checksum)',
	x: 'items',
	m: 'items (order)'
};

/** JSON with object keys sorted, so equal items hash equally whatever their key order. */
function canonical(value: unknown): string {
	if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
	if (typeof value === 'object' && value !== null) {
		const record = value as Record<string, unknown>;
		return `{${Object.keys(record)
			.sort()
			.filter((k) => record[k] !== undefined)
			.map((k) => `${JSON.stringify(k)}:${canonical(record[k])}`)
			.join(',')}}`;
	}
	return JSON.stringify(value) ?? 'null';
}

function idHash(itemId: string): number {
	return parseInt(fnv1a32(itemId), 16);
}

function itemsChecksum(items: readonly Item[]): string {
	return fnv1a32(items.map(canonical).join('\n'));
}

function packHashes(hashes: readonly number[]): string {
	const bytes = new Uint8Array(hashes.length * 4);
	new DataView(bytes.buffer).setUint32(0, 0);
	hashes.forEach((hash, i) => new DataView(bytes.buffer).setUint32(i * 4, hash));
	return toBase64Url(bytes);
}

function unpackHashes(text: string): number[] | null {
	const bytes = fromBase64Url(text);
	if (!bytes || bytes.length % 4 !== 0) return null;
	const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
	return Array.from({ length: bytes.length / 4 }, (_, i) => view.getUint32(i * 4));
}

/**
 * Encodes an assignment for a link (async: compression is streamed). With `deck`, the deck the
 * site serves under the assignment's deck id, every item that is the same in that deck is
 * referred to by its id; the rest ride whole. Without it (a user deck) every item rides.
 */
export async function encodeAssignment(
	assignment: Assignment,
	deck?: Pick<Deck, 'id' | 'version' | 'items'> | null
): Promise<string> {
	const wire: Wire = {
		v: 2,
		i: assignment.id,
		t: assignment.title,
		d: assignment.deckId,
		dt: assignment.deckTitle,
		p: assignment.passMark,
		c: assignment.createdAt
	};
	if (assignment.instructions) wire.n = assignment.instructions;
	if (assignment.shuffle) wire.s = 1;
	if (assignment.timeLimitMinutes) wire.l = assignment.timeLimitMinutes;
	if (assignment.feedback === 'none') wire.f = 'n';
	if (assignment.countSelfMarked) wire.k = 1;

	const usable = new Map<string, string>();
	if (deck && deck.id === assignment.deckId) {
		const hashCount = new Map<number, number>();
		for (const item of deck.items) {
			const hash = idHash(item.id);
			hashCount.set(hash, (hashCount.get(hash) ?? 0) + 1);
		}
		for (const item of deck.items) {
			if (hashCount.get(idHash(item.id)) === 1) usable.set(item.id, canonical(item));
		}
	}
	const referred: Item[] = [];
	const carried: Item[] = [];
	let marks = '';
	for (const item of assignment.items) {
		if (usable.get(item.id) === canonical(item)) {
			referred.push(item);
			marks += 'r';
		} else {
			carried.push(item);
			marks += 'x';
		}
	}
	if (referred.length > 0 && deck) {
		wire.dv = deck.version;
		wire.r = packHashes(referred.map((item) => idHash(item.id)));
		wire.h = itemsChecksum(referred);
	}
	if (carried.length > 0) wire.x = carried;
	if (referred.length > 0 && carried.length > 0) wire.m = marks;
	const json = new TextEncoder().encode(JSON.stringify(wire));
	return encodeBytes('assignment', await deflateRaw(json));
}

/** What decoding a link needs from outside: the site's decks, and the reader's clock. */
export interface AssignmentSources {
	/** The deck the site serves under an id (rejects when it cannot be loaded). */
	loadDeck: (deckId: string) => Promise<Pick<Deck, 'id' | 'title' | 'version' | 'items'>>;
	/**
	 * The items of one released version of a deck, which the site keeps reachable after a new
	 * version (rejects when that version is not kept). Asked only when the deck served now no
	 * longer holds the questions a link names.
	 */
	loadDeckVersion?: (deckId: string, version: number) => Promise<Pick<Deck, 'version' | 'items'>>;
	/** Epoch ms. */
	now: number;
}

/** The items a link names, found by id hash in one deck's items; null unless all match. */
function resolveReferred(
	items: readonly Item[],
	hashes: readonly number[],
	checksum: string | undefined
): Item[] | null {
	const byHash = new Map<number, Item | null>();
	for (const item of items) {
		const hash = idHash(item.id);
		byHash.set(hash, byHash.has(hash) ? null : item);
	}
	const found = hashes.map((hash) => byHash.get(hash));
	if (found.some((item) => !item)) return null;
	return itemsChecksum(found as Item[]) === checksum ? (found as Item[]) : null;
}

function refuse(error: string): Result<Assignment> {
	return { ok: false, error };
}

async function fromWire(wire: Wire, sources: AssignmentSources): Promise<Result<Assignment>> {
	const hashes = wire.r ? unpackHashes(wire.r) : [];
	if (!hashes) {
		return refuse('This link is damaged: its list of questions (items) cannot be read.');
	}
	const carried = wire.x ?? [];
	const marks =
		wire.m ?? (hashes.length > 0 ? 'r'.repeat(hashes.length) : 'x'.repeat(carried.length));
	const referCount = [...marks].filter((mark) => mark === 'r').length;
	if (referCount !== hashes.length || marks.length - referCount !== carried.length) {
		return refuse('This link is damaged: its list of questions (items) does not add up.');
	}
	let referred: Item[] = [];
	if (hashes.length > 0) {
		let deck: Pick<Deck, 'id' | 'title' | 'version' | 'items'>;
		try {
			deck = await sources.loadDeck(wire.d);
		} catch {
			return refuse(
				`The questions of this assignment come from the deck “${wire.dt}”, which could not be loaded. Check your connection and open the link again.`
			);
		}
		let found = resolveReferred(deck.items, hashes, wire.h);
		// A later version changed or dropped a chosen question: the version the link was made
		// from is kept reachable, so the student still gets exactly the teacher's questions.
		if (!found && wire.dv !== undefined && wire.dv !== deck.version && sources.loadDeckVersion) {
			try {
				const released = await sources.loadDeckVersion(wire.d, wire.dv);
				if (released.version === wire.dv) found = resolveReferred(released.items, hashes, wire.h);
			} catch {
				// Not kept (or offline): refused below, as a changed deck.
			}
		}
		if (!found) {
			return refuse(
				`The deck “${wire.dt}” has changed since your teacher made this link` +
					(wire.dv !== undefined && wire.dv !== deck.version
						? ` (it was version ${wire.dv}, it is now version ${deck.version})`
						: '') +
					', and some of its questions are no longer the ones your teacher chose. Ask your teacher for a new link.'
			);
		}
		referred = found;
	}
	let r = 0;
	let x = 0;
	const items = [...marks].map((mark) => (mark === 'r' ? referred[r++] : carried[x++]));
	return {
		ok: true,
		value: {
			v: 1,
			id: wire.i,
			title: wire.t,
			deckId: wire.d,
			deckTitle: wire.dt,
			instructions: wire.n ?? '',
			items: items as Item[],
			shuffle: wire.s === 1,
			timeLimitMinutes: wire.l ?? 0,
			feedback: wire.f === 'n' ? 'none' : 'after',
			passMark: wire.p,
			createdAt: wire.c,
			...(wire.k === 1 ? { countSelfMarked: true } : {})
		}
	};
}

function checked(value: unknown, now: number): Result<Assignment> {
	const parsed = assignmentSchema.safeParse(value);
	if (!parsed.success) {
		return refuse(`This link does not hold a valid assignment (${describeIssues(parsed.error)}).`);
	}
	if (parsed.data.overrides) {
		return refuse('This link does not hold a valid assignment (overrides: not part of a link).');
	}
	if (parsed.data.createdAt > now + CLOCK_SKEW_MS) {
		return refuse('This link does not hold a valid assignment (createdAt: is in the future).');
	}
	return { ok: true, value: parsed.data };
}

/**
 * Decodes and strictly validates an assignment code, link or fragment (either format); items
 * referred to are read from the site's deck and checked against the teacher's. Never throws.
 */
export async function decodeAssignment(
	input: string,
	sources: AssignmentSources
): Promise<Result<Assignment>> {
	const frame = await decodeFrame('assignment', input);
	if (!frame.ok) return frame;
	if (frame.value.version === 1) {
		if (isNewerFormat(frame.value.value, 1)) {
			return refuse('This link was made by a newer version of Factdeck.');
		}
		return checked(frame.value.value, sources.now);
	}
	const json = await inflateJson('assignment', frame.value.bytes);
	if (!json.ok) return json;
	if (isNewerFormat(json.value, 2))
		return refuse('This link was made by a newer version of Factdeck.');
	const wire = wireSchema.safeParse(json.value);
	if (!wire.success) {
		return refuse(
			`This link does not hold a valid assignment (${describeIssues(wire.error, 3, WIRE_NAMES)}).`
		);
	}
	const built = await fromWire(wire.data, sources);
	return built.ok ? checked(built.value, sources.now) : built;
}

/** The link a teacher shares: the whole assignment rides in the fragment, never sent to a server. */
export function assignmentLink(origin: string, encoded: string): string {
	return `${origin.replace(/\/+$/, '')}/assignment#a=${encoded}`;
}

/** The assignment code in a location hash (`#a=...`), or null when there is none. */
export function parseAssignmentFragment(hash: string): string | null {
	const fragment = hash.replace(/^#/, '');
	for (const part of fragment.split('&')) {
		if (part.startsWith('a=')) {
			const code = extractCode(part.slice(2));
			return code.length > 0 ? code : null;
		}
	}
	return null;
}
