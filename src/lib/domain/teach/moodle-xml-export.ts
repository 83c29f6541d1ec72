/**
 * An assignment as Moodle XML (`<quiz>`), the richest format Moodle imports.
 *
 * Item types map as in the GIFT export: mcq -> multichoice (one right answer), truefalse ->
 * truefalse, cloze and flashcard -> shortanswer (answer and alternatives all worth 100), match
 * -> matching, order -> matching from position ("1st (earliest)") to event. Rich texts
 * (question, options, feedback, matching left sides) have format "html": the plain text is
 * first HTML-escaped so `<` shows as `<`, then XML-escaped, with no CDATA. Short answers and
 * matching right sides are compared or listed as plain text, so they are only XML-escaped (and
 * a short answer's `*`, Moodle's wildcard, is escaped as `\*`).
 */
import type { Assignment, Item } from '$lib/domain/types';
import { positionLabel } from '$lib/domain/teach/gift-export';

// Characters XML 1.0 forbids anywhere (a stray control code would make the whole file invalid).
const XML_INVALID =
	// eslint-disable-next-line no-control-regex
	/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

/** Text safe inside an XML element or a double-quoted attribute. */
export function escapeXml(text: string): string {
	return text
		.replace(XML_INVALID, '\ufffd')
		.replace(/&/g, '&amp;')
		.replace(/</g, '&lt;')
		.replace(/>/g, '&gt;')
		.replace(/"/g, '&quot;')
		.replace(/'/g, '&apos;');
}

/** Plain text as a small HTML fragment: escaped, line breaks kept. */
export function plainToHtml(text: string): string {
	const html = text
		.trim()
		.replace(/&/g, '&amp;')
		.replace(/</g, '&lt;')
		.replace(/>/g, '&gt;')
		.replace(/"/g, '&quot;')
		.replace(/\r?\n/g, '<br>');
	return html ? `<p>${html}</p>` : '';
}

const pad = (depth: number) => '\t'.repeat(depth);

function textElement(tag: string, text: string, depth: number, format?: string): string {
	const attribute = format ? ` format="${format}"` : '';
	return `${pad(depth)}<${tag}${attribute}>\n${pad(depth + 1)}<text>${escapeXml(text)}</text>\n${pad(depth)}</${tag}>`;
}

function html(tag: string, text: string, depth: number): string {
	return textElement(tag, plainToHtml(text), depth, 'html');
}

function answer(fraction: number, text: string, format: 'html' | 'moodle_auto_format'): string {
	return [
		`\t\t<answer fraction="${fraction}" format="${format}">`,
		`\t\t\t<text>${escapeXml(text)}</text>`,
		`\t\t\t<feedback format="html"><text></text></feedback>`,
		`\t\t</answer>`
	].join('\n');
}

function subquestion(left: string, right: string): string {
	return [
		`\t\t<subquestion format="html">`,
		`\t\t\t<text>${escapeXml(plainToHtml(left))}</text>`,
		`\t\t\t<answer><text>${escapeXml(right)}</text></answer>`,
		`\t\t</subquestion>`
	].join('\n');
}

function moodleType(item: Item): string {
	switch (item.type) {
		case 'mcq':
			return 'multichoice';
		case 'truefalse':
			return 'truefalse';
		case 'cloze':
		case 'flashcard':
			return 'shortanswer';
		case 'match':
		case 'order':
			return 'matching';
	}
}

function typeSpecific(item: Item): string[] {
	switch (item.type) {
		case 'mcq':
			return [
				'\t\t<single>true</single>',
				// The options keep Factdeck's order, which spreads the right answer's position.
				'\t\t<shuffleanswers>false</shuffleanswers>',
				'\t\t<answernumbering>abc</answernumbering>',
				...item.options.map((option) =>
					answer(option === item.answer ? 100 : 0, plainToHtml(option), 'html')
				)
			];
		case 'truefalse':
			return [
				answer(item.answer === 'True' ? 100 : 0, 'true', 'moodle_auto_format'),
				answer(item.answer === 'False' ? 100 : 0, 'false', 'moodle_auto_format')
			];
		case 'cloze':
		case 'flashcard': {
			const answers = [...new Set([item.answer, ...(item.alternatives ?? [])])];
			return [
				'\t\t<usecase>0</usecase>',
				...answers.map((text) => answer(100, text.replace(/\*/g, '\\*'), 'moodle_auto_format'))
			];
		}
		case 'match':
			return [
				'\t\t<shuffleanswers>true</shuffleanswers>',
				...item.answer.map((pair) => subquestion(pair.term, pair.meaning))
			];
		case 'order':
			return [
				// Positions must stay in order to read as a timeline.
				'\t\t<shuffleanswers>false</shuffleanswers>',
				...item.answer.map((event, i) => subquestion(positionLabel(i, item.answer.length), event))
			];
	}
}

function question(item: Item, index: number): string {
	return [
		`\t<question type="${moodleType(item)}">`,
		textElement('name', `Q${index + 1} ${item.id}`, 2),
		html('questiontext', item.prompt, 2),
		html('generalfeedback', item.explanation, 2),
		'\t\t<defaultgrade>1</defaultgrade>',
		`\t\t<penalty>${item.type === 'truefalse' ? 1 : 0.3333333}</penalty>`,
		'\t\t<hidden>0</hidden>',
		...typeSpecific(item),
		'\t</question>'
	].join('\n');
}

/** The assignment as a Moodle XML quiz file: a category named after it, then its questions. */
export function toMoodleXml(assignment: Assignment): string {
	const category = `$course$/top/Factdeck/${assignment.title.replace(/\s+/g, ' ').replace(/\//g, '-').trim()}`;
	return [
		'<?xml version="1.0" encoding="UTF-8"?>',
		'<quiz>',
		'\t<question type="category">',
		textElement('category', category, 2),
		'\t</question>',
		...assignment.items.map(question),
		'</quiz>',
		''
	].join('\n');
}
