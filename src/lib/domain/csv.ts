/**
 * RFC 4180 CSV: fields separated by commas, records by CRLF, a field quoted when it holds a
 * comma, a quote or a line break, quotes doubled inside quotes.
 *
 * Text that a spreadsheet would run as a formula gets a leading single quote, because a student
 * names themselves and a name like `=HYPERLINK(...)` must stay a name: text starting with
 * = + - @ or their full-width forms (＝ ＋ － ＠, which some spreadsheets fold to ASCII), also
 * after leading spaces, line breaks or control characters (which some spreadsheets skip before
 * looking), and any text starting with a tab, carriage return or line feed. Numbers are written
 * as numbers, so a negative number is left alone.
 */

export type CsvCell = string | number | boolean | null | undefined;

/** A byte-order mark: prepend it to a downloaded file so Excel reads the file as UTF-8. */
export const CSV_BOM = '\uFEFF';

/**
 * Text a spreadsheet might read as a formula (see the module comment). Control characters are
 * matched on purpose: some spreadsheets skip them before looking for a formula sign.
 */
/* eslint-disable no-control-regex */
const FORMULA_START =
	/^(?:[\t\r\n]|[\s\u0000-\u001f\u007f-\u009f\u200b-\u200d\u2060\ufeff]*[=+\-@\uff1d\uff0b\uff0d\uff20])/u;
/* eslint-enable no-control-regex */

/** Whether a text cell would be defused. */
export function isFormulaLike(text: string): boolean {
	return FORMULA_START.test(text);
}

/** One cell as CSV text: defused if it looks like a formula, quoted if it must be. */
export function csvCell(value: CsvCell): string {
	if (value === null || value === undefined) return '';
	let text: string;
	if (typeof value === 'number') {
		text = Number.isFinite(value) ? String(value) : '';
	} else if (typeof value === 'boolean') {
		text = value ? 'TRUE' : 'FALSE';
	} else {
		text = isFormulaLike(value) ? `'${value}` : value;
	}
	return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** Rows to a CSV document, each record ended by CRLF. */
export function toCsv(rows: readonly (readonly CsvCell[])[]): string {
	return rows.map((row) => row.map(csvCell).join(',') + '\r\n').join('');
}
