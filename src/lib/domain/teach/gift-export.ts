/**
 * An assignment as Moodle GIFT, so a teacher can move the questions into an LMS.
 *
 * How each item type is written:
 * - mcq: `{=right ~wrong ~wrong}` in the item's option order.
 * - truefalse: `{T}` or `{F}`.
 * - cloze: short answer embedded where the blank was (`... {=answer =alternative} ...`).
 * - flashcard: short answer `{=answer =alternative}` after the question.
 * - match: matching `{=term -> meaning ...}`.
 * - order: matching from position to event (`=1st (earliest) -> event`), because GIFT has no
 *   ordering type and a matching question keeps it auto-graded with partial credit.
 * Every question text and its general feedback carry the `[plain]` format marker, so Moodle shows
 * them as text and never as markup (a prompt quoting `<img onerror=…>` stays those characters);
 * answers take the question's format. The explanation becomes general feedback (`####`). Text is flattened to one line (a blank line
 * would end the question), `\ ~ = # { } :` are escaped with a backslash, and `->` inside a
 * matching left side becomes `→` because GIFT cannot escape it.
 */
import type { Assignment, Item } from '$lib/domain/types';

/** One line of GIFT text with every special character escaped. */
export function escapeGift(text: string): string {
	return text
		.replace(/\s+/g, ' ')
		.trim()
		.replace(/[\\~=#{}:]/g, (c) => `\\${c}`);
}

/** `1st`, `2nd`, `3rd`, `4th`, ... `11th`, `21st`. */
export function ordinal(n: number): string {
	const teen = n % 100 >= 11 && n % 100 <= 13;
	const suffix = teen
		? 'th'
		: (({ 1: 'st', 2: 'nd', 3: 'rd' } as Record<number, string>)[n % 10] ?? 'th');
	return `${n}${suffix}`;
}

/** The label of position `index` (0-based) of `count` in an order item exported as matching. */
export function positionLabel(index: number, count: number): string {
	const n = ordinal(index + 1);
	if (index === 0) return `${n} (earliest)`;
	if (index === count - 1) return `${n} (latest)`;
	return n;
}

const BLANK = /_{3,}/;
/** GIFT's format marker for plain text: Moodle escapes the text instead of reading it as HTML. */
const PLAIN = '[plain]';

function matchLeft(text: string): string {
	return escapeGift(text.replace(/->/g, '→'));
}

function feedback(item: Item): string[] {
	const text = escapeGift(item.explanation);
	return text ? [`\t####${text}`] : [];
}

function shortAnswers(item: Item & { answer: string }): string[] {
	const answers = [item.answer, ...(item.alternatives ?? [])].map(escapeGift).filter(Boolean);
	return [...new Set(answers)].map((answer) => `\t=${answer}`);
}

function block(lines: string[]): string {
	return `{\n${lines.join('\n')}\n}`;
}

function questionBody(item: Item): string {
	const prompt = escapeGift(item.prompt);
	switch (item.type) {
		case 'mcq':
			return `${prompt} ${block([
				...item.options.map(
					(option) => `\t${option === item.answer ? '=' : '~'}${escapeGift(option)}`
				),
				...feedback(item)
			])}`;
		case 'truefalse':
			return `${prompt} ${block([`\t${item.answer === 'True' ? 'T' : 'F'}`, ...feedback(item)])}`;
		case 'flashcard':
			return `${prompt} ${block([...shortAnswers(item), ...feedback(item)])}`;
		case 'cloze': {
			const answers = block([...shortAnswers(item), ...feedback(item)]);
			const parts = item.prompt.split(BLANK);
			const before = escapeGift(parts[0]);
			// A question text cannot open with its answers once it opens with a format marker.
			if (parts.length < 2 || !before) return `${prompt} ${answers}`;
			const after = escapeGift(parts.slice(1).join('_____'));
			return `${before} ${answers}${after ? ' ' : ''}${after}`;
		}
		case 'match':
			return `${prompt} ${block([
				...item.answer.map((pair) => `\t=${matchLeft(pair.term)} -> ${escapeGift(pair.meaning)}`),
				...feedback(item)
			])}`;
		case 'order':
			return `${prompt} ${block([
				...item.answer.map(
					(event, i) => `\t=${positionLabel(i, item.answer.length)} -> ${escapeGift(event)}`
				),
				...feedback(item)
			])}`;
	}
}

/** The assignment as a GIFT file: a category named after it, then one question per item. */
export function toGift(assignment: Assignment): string {
	// Moodle reads `/` in a category as a subcategory, so the title's slashes are softened.
	const category = `Factdeck/${assignment.title.replace(/\s+/g, ' ').replace(/\//g, '-').trim()}`;
	const header = [
		`// ${assignment.title.replace(/\s+/g, ' ').trim()} (Factdeck assignment ${assignment.id.replace(/\s+/g, ' ')})`,
		`$CATEGORY: ${category}`
	].join('\n');
	const questions = assignment.items.map(
		(item, index) => `::${escapeGift(`Q${index + 1} ${item.id}`)}:: ${PLAIN}${questionBody(item)}`
	);
	return [header, ...questions].join('\n\n') + '\n';
}
