/**
 * A deck's item bank as CSV for spreadsheets and other quiz tools: one row per item, with its
 * answer and options written as text. Uses the shared RFC 4180 writer (formula-safe).
 */
import { toCsv, type CsvCell } from '$lib/domain/csv';
import type { Item } from '$lib/domain/types';

export const ITEM_BANK_COLUMNS = [
	'Item ID',
	'Type',
	'Topic',
	'Fact ID',
	'Prompt',
	'Answer',
	'Options',
	'Also accepted',
	'Explanation',
	'Source document',
	'Source quote'
] as const;

/** Between list entries in one cell; chosen because it never appears in the answers. */
export const LIST_SEPARATOR = ' | ';

/** The right answer as one line of text: events in order joined by arrows, pairs as term = meaning. */
export function answerText(item: Item): string {
	switch (item.type) {
		case 'order':
			return item.answer.join(' → ');
		case 'match':
			return item.answer.map((pair) => `${pair.term} = ${pair.meaning}`).join(LIST_SEPARATOR);
		default:
			return item.answer;
	}
}

function optionsText(item: Item): string {
	return 'options' in item ? item.options.join(LIST_SEPARATOR) : '';
}

/** Every item as a CSV row under ITEM_BANK_COLUMNS, in the order given, records ended by CRLF. */
export function itemBankCsv(items: readonly Item[]): string {
	const rows: CsvCell[][] = items.map((item) => [
		item.id,
		item.type,
		item.topic,
		item.factId,
		item.prompt,
		answerText(item),
		optionsText(item),
		(item.alternatives ?? []).join(LIST_SEPARATOR),
		item.explanation,
		item.source.document,
		item.source.quote
	]);
	return toCsv([[...ITEM_BANK_COLUMNS], ...rows]);
}

/** The download name of a deck's item bank. */
export function itemBankFileName(deckId: string): string {
	return `factdeck-${deckId}-items.csv`;
}
