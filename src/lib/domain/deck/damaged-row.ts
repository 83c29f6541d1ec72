/**
 * Whether a stored row a study page needs can be shown, checked by hand (no schema library, so
 * the study pages stay light): a learner's own deck row and a fact's memory row. A row that
 * fails is left out and named, in the words Settings → Check the data uses ("Your own decks
 * ("my-x"), field "deck.facts": …"), so the page shows the rest and says where to repair it.
 */
import { TABLE_LABELS } from '$lib/domain/backup/table-labels';
import type { TableName } from '$lib/domain/backup/backup-schema';
import { isUserDeckId } from '$lib/domain/deck/source-href';
import { ITEM_TYPES } from '$lib/domain/types';
import { memoryFieldProblem } from '$lib/domain/study/memory';

/** One damaged row: its table, its key, and what is wrong (naming the row and the field). */
export interface DamagedRow {
	table: TableName;
	key: string;
	problem: string;
}

type Fields = Record<string, unknown>;

const isObject = (value: unknown): value is Fields =>
	typeof value === 'object' && value !== null && !Array.isArray(value);
const isText = (value: unknown): value is string => typeof value === 'string';

/** The longest key shown in a notice; a longer one is cut (a damaged key can be anything). */
const MAX_KEY = 80;

function keyOf(value: unknown): string {
	const key = typeof value === 'string' || typeof value === 'number' ? String(value) : '?';
	return key.length > MAX_KEY ? `${key.slice(0, MAX_KEY)}…` : key;
}

function named(table: TableName, key: string, field: string, what: string): DamagedRow {
	return { table, key, problem: `${TABLE_LABELS[table]} ("${key}"), field "${field}": ${what}` };
}

/** The first field of a fact that a study card cannot show, or null. */
function factProblem(fact: unknown): [string, string] | null {
	if (!isObject(fact)) return ['', 'not a fact'];
	for (const field of ['id', 'question', 'answer', 'quote', 'topic', 'document'] as const) {
		if (!isText(fact[field])) return [`.${field}`, 'not text'];
	}
	return null;
}

/** The first field of a question that a study card or quiz cannot show, or null. */
function itemProblem(item: unknown): [string, string] | null {
	if (!isObject(item)) return ['', 'not a question'];
	for (const field of ['id', 'factId', 'prompt'] as const) {
		if (!isText(item[field])) return [`.${field}`, 'not text'];
	}
	if (!(ITEM_TYPES as readonly unknown[]).includes(item.type)) {
		return ['.type', 'not a question type'];
	}
	if ('options' in item && !Array.isArray(item.options)) return ['.options', 'not a list'];
	if (!('answer' in item)) return ['.answer', 'missing'];
	return null;
}

/**
 * What keeps a stored user-deck row from being shown or studied, or null when it can be: an id
 * of the learner's own (`my-…`) that is its deck's id, a title, and lists of topics, sources,
 * facts and questions whose every entry has the fields a page reads.
 */
export function userDeckRowProblem(row: unknown): DamagedRow | null {
	const key = keyOf(isObject(row) ? row.id : undefined);
	const bad = (field: string, what: string) => named('userDecks', key, field, what);
	if (!isObject(row) || !isText(row.id)) return bad('id', 'not text');
	if (!isUserDeckId(row.id)) return bad('id', 'not the id of a deck of your own (“my-…”)');
	const deck = row.deck;
	if (!isObject(deck)) return bad('deck', 'no deck');
	if (deck.id !== row.id) return bad('deck.id', `not the row's id "${key}"`);
	if (!isText(deck.title)) return bad('deck.title', 'not text');
	for (const list of ['topics', 'sources', 'facts', 'items'] as const) {
		if (!Array.isArray(deck[list])) return bad(`deck.${list}`, 'not a list');
	}
	for (const [list, check] of [
		['facts', factProblem],
		['items', itemProblem]
	] as const) {
		const entries = deck[list] as unknown[];
		for (let i = 0; i < entries.length; i++) {
			const problem = check(entries[i]);
			if (problem) return bad(`deck.${list}[${i}]${problem[0]}`, problem[1]);
		}
	}
	return null;
}

/**
 * What keeps a stored memory row (a fact's schedule) from being studied, or null when it can
 * be (domain/study/memory's memoryFieldProblem, in the learner's words).
 */
export function memoryRowProblem(row: unknown): DamagedRow | null {
	const key = keyOf(isObject(row) ? row.key : undefined);
	const problem = memoryFieldProblem(row);
	return problem ? named('memory', key, problem[0], problem[1]) : null;
}
