import { z } from 'zod';
import type { Assignment, Deck, Item } from '$lib/domain/types';
import { deckMetaSchema, factSchema } from '$lib/domain/deck/deck-schema';
import { decode, encode, extractCode, type Result } from '$lib/domain/codec';

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

/** A whole assignment as carried in a share link; item ids must be unique. */
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
		createdAt: z.number().int().min(0)
	})
	.superRefine((assignment, ctx) =>
		uniqueItemIds(assignment.items, ctx)
	) satisfies z.ZodType<Assignment>;

/** Words for the first few schema issues, e.g. `items 3 → prompt: Too big ...`. */
export function describeIssues(error: z.ZodError, limit = 3): string {
	const parts = error.issues.slice(0, limit).map((issue) => {
		const where = issue.path.map(String).join(' → ');
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

/** Encodes an assignment as a URL-safe code (async: compression is streamed). */
export async function encodeAssignment(assignment: Assignment): Promise<string> {
	return encode('assignment', assignment);
}

/** Decodes and strictly validates an assignment code, link or fragment; never throws. */
export async function decodeAssignment(input: string): Promise<Result<Assignment>> {
	const decoded = await decode('assignment', input);
	if (!decoded.ok) return decoded;
	if (isNewerFormat(decoded.value, 1)) {
		return { ok: false, error: 'This link was made by a newer version of Factdeck.' };
	}
	const parsed = assignmentSchema.safeParse(decoded.value);
	if (!parsed.success) {
		return {
			ok: false,
			error: `This link does not hold a valid assignment (${describeIssues(parsed.error)}).`
		};
	}
	return { ok: true, value: parsed.data };
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
