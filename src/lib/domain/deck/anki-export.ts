/**
 * A deck as an Anki text import: one Basic note per fact (Front: the question, Back: the answer,
 * Source: the verbatim quote), with the file headers that let Anki (2.1.55+) import it without
 * asking: separator, plain text, deck name, note type and column names.
 *
 * Anki reads the body as CSV with a tab separator: a field starting with a quote is read as a
 * quoted field, and a line starting with `#` as a comment. So tabs and line breaks inside a field
 * become spaces, and a field holding a quote or starting with `#` is quoted with quotes doubled.
 */
import type { Deck } from '$lib/domain/types';

/** One field as Anki reads it back: no tab or line break, quoted when a quote or # would bite. */
export function ankiField(text: string): string {
	const flat = text.replace(/\r\n|[\t\r\n]/g, ' ');
	return /"|^#/.test(flat) ? `"${flat.replace(/"/g, '""')}"` : flat;
}

/** The header value of `#deck:`, which cannot be quoted: line breaks and tabs become spaces. */
function headerValue(text: string): string {
	return text.replace(/\r\n|[\t\r\n]/g, ' ').trim();
}

/** The deck as an Anki tab-separated text file, one Basic note per fact, lines ended by LF. */
export function ankiExport(deck: Pick<Deck, 'title' | 'facts'>): string {
	const lines = [
		'#separator:tab',
		'#html:false',
		`#deck:${headerValue(deck.title)}`,
		'#notetype:Basic',
		'#columns:Front\tBack\tSource',
		...deck.facts.map((fact) => [fact.question, fact.answer, fact.quote].map(ankiField).join('\t'))
	];
	return lines.join('\n') + '\n';
}

/** The download name of a deck's Anki file. */
export function ankiFileName(deckId: string): string {
	return `factdeck-${deckId}-anki.txt`;
}
