/**
 * Numbers that carry a unit or a label: "42,000 troops", "3,800 personnel", "12%",
 * "$5 million", "Resolution 1244". A bare number without either is too vague to ask about.
 */

export type NumberSubkind = 'count' | 'percent' | 'money' | 'label' | 'measure';

export interface NumberMention {
	/** The verbatim span to ask for: the number itself ("42,000"), or label and number ("Resolution 1244"). */
	text: string;
	/** Offset of `text` in the sentence. */
	index: number;
	/** The whole verbatim span with its unit ("42,000 troops"). */
	span: string;
	spanIndex: number;
	subkind: NumberSubkind;
	/** The unit word ("troops") or the label ("Resolution"). */
	unit: string;
	/** The numeric value, for ranking distractors by closeness. */
	value: number;
}

const NOT_UNITS = new Set(
	'a an the and or of to in on at by for from with as is was are were be been has have had will would can could may might than that this these those which who when where while per its their his her our your my after before since until during into over under about against between through also only both each other such more most less few many much some any all no not'.split(
		' '
	)
);

const SCALE: Record<string, number> = { thousand: 1e3, million: 1e6, billion: 1e9, trillion: 1e12 };
const LABEL =
	'(Resolution|Resolutions|Article|Chapter|Section|Paragraph|Protocol|Regulation|Directive|Amendment|Phase|Route|Highway|Flight|Brigade|Division|Battalion|Corps|Army|Fleet|Squadron|Rule|Principle)';

function parseNumber(digits: string, scale?: string): number {
	const value = Number(digits.replace(/,/g, ''));
	return scale ? value * (SCALE[scale.toLowerCase()] ?? 1) : value;
}

/** Numbers with a unit or label in one sentence, in order, skipping spans taken by dates. */
export function findNumbers(sentence: string, taken: [number, number][] = []): NumberMention[] {
	const out: NumberMention[] = [];
	const overlaps = (a: number, b: number) =>
		taken.some(([s, e]) => a < e && b > s) ||
		out.some((n) => a < n.spanIndex + n.span.length && b > n.spanIndex);
	const add = (n: NumberMention) => {
		if (!overlaps(n.spanIndex, n.spanIndex + n.span.length)) out.push(n);
	};

	for (const m of sentence.matchAll(
		new RegExp(`\\b${LABEL}\\s+(\\d+[A-Za-z]?(?:[/-]\\d+)?|[IVXLC]{1,6})\\b`, 'g')
	)) {
		const index = m.index ?? 0;
		add({
			text: m[0],
			index,
			span: m[0],
			spanIndex: index,
			subkind: 'label',
			unit: m[1],
			value: /^\d/.test(m[2]) ? parseInt(m[2], 10) : 0
		});
	}
	const money =
		/([$€£¥])\s?(\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?)(?:\s+(thousand|million|billion|trillion))?\b/g;
	for (const m of sentence.matchAll(money)) {
		const index = m.index ?? 0;
		add({
			text: m[0],
			index,
			span: m[0],
			spanIndex: index,
			subkind: 'money',
			unit: m[1],
			value: parseNumber(m[2], m[3])
		});
	}
	const percent = /(?<![\w.,])(\d+(?:\.\d+)?)(\s?%|\s+per\s?cent\b|\s+percent\b)/g;
	for (const m of sentence.matchAll(percent)) {
		const index = m.index ?? 0;
		add({
			text: m[0],
			index,
			span: m[0],
			spanIndex: index,
			subkind: 'percent',
			unit: '%',
			value: Number(m[1])
		});
	}
	const count =
		/(?<![\w.,/-])(\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?)(?:\s+(thousand|million|billion|trillion))?(?![\w,.]\d)\s+((?:[\p{Ll}][\p{Ll}-]*))/gu;
	for (const m of sentence.matchAll(count)) {
		const unit = m[3];
		if (NOT_UNITS.has(unit) || unit.length < 2) continue;
		const index = m.index ?? 0;
		const text = m[2] ? `${m[1]} ${m[2]}` : m[1];
		const exact = sentence.slice(index, index + m[0].length - unit.length).trimEnd();
		add({
			text: exact.length === text.length ? exact : text,
			index,
			span: m[0],
			spanIndex: index,
			subkind: 'count',
			unit,
			value: parseNumber(m[1], m[2])
		});
	}
	// Measurements: "37°C", "5.33 g", "1 g copper".
	const measure =
		/(?<![\w.,])(\d+(?:\.\d+)?)\s?(°C|°F|°|K|kg|mg|g|cm|mm|km|m|mL|L|s|ms)(?![\p{L}\d])/gu;
	for (const m of sentence.matchAll(measure)) {
		const index = m.index ?? 0;
		add({
			text: m[0],
			index,
			span: m[0],
			spanIndex: index,
			subkind: 'measure',
			unit: m[2],
			value: Number(m[1])
		});
	}
	// Counts in words: "three consecutive years", "Nine votes", "eight stages", "one vote".
	const words = new RegExp(
		`\\b(${Object.keys(WORD_NUMBERS).join('|')})\\s+(?:([\\p{Ll}][\\p{Ll}-]+)\\s+)?([\\p{Ll}][\\p{Ll}-]+)\\b`,
		'giu'
	);
	for (const m of sentence.matchAll(words)) {
		const value = WORD_NUMBERS[m[1].toLowerCase()];
		let unit = m[3];
		let adjective: string | undefined = m[2];
		// "two years" (no adjective) reads the second word as the unit.
		if (adjective && !/s$/.test(unit) && /s$/.test(adjective)) {
			unit = adjective;
			adjective = undefined;
		}
		if (NOT_UNITS.has(unit) || (adjective && NOT_UNITS.has(adjective))) continue;
		if (adjective && (SCALE[adjective.toLowerCase()] || adjective === 'hundred')) continue;
		if (value !== 1 && !/s$/.test(unit)) continue;
		// "two elements", "one kind": small counts in words are asked only when the text stresses them.
		if (
			value <= 2 &&
			!/\b(?:only|just|exactly|no more than|at most|at least)\s+$/i.test(sentence.slice(0, m.index))
		)
			continue;
		if (value === 1 && /s$/.test(unit)) continue;
		const index = m.index ?? 0;
		const span = adjective ? `${m[1]} ${adjective} ${unit}` : `${m[1]} ${unit}`;
		if (!sentence.startsWith(span, index)) continue;
		add({
			text: m[1],
			index,
			span,
			spanIndex: index,
			subkind: 'count',
			unit: adjective ? `${adjective} ${unit}` : unit,
			value
		});
	}
	return out.sort((a, b) => a.index - b.index);
}

/** Number words a count may be written in. */
export const WORD_NUMBERS: Record<string, number> = {
	one: 1,
	two: 2,
	three: 3,
	four: 4,
	five: 5,
	six: 6,
	seven: 7,
	eight: 8,
	nine: 9,
	ten: 10,
	eleven: 11,
	twelve: 12,
	fifteen: 15,
	twenty: 20,
	thirty: 30,
	forty: 40,
	fifty: 50,
	hundred: 100
};
