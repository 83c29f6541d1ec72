/**
 * How a typed answer (cloze, typed flashcard) is judged, the same in study, quiz and
 * assignments: forgive what does not show knowledge (case, punctuation, spacing, accents, quote
 * style, "the" and other linking words, word order in a short answer, a plural ending, one slip
 * of the finger in a long word), never what does (a number, a year, a date, a name, a short word).
 */

export interface TypedMatch {
	isCorrect: boolean;
	/** Accepted only thanks to the one-typo allowance (maps to the FSRS rating Hard). */
	hasTypo: boolean;
}

/** A calendar date at the precision it was written: a year, a month of a year, or a day. */
export interface ParsedDate {
	y: number;
	m?: number;
	d?: number;
}

/** Words must be longer than this for a one-edit typo to be forgiven. */
const TYPO_MIN_LETTERS = 5;

// Letters NFKD does not decompose into a base letter plus a combining mark.
const FOLDED_LETTERS: Record<string, string> = {
	đ: 'd',
	ł: 'l',
	ø: 'o',
	æ: 'ae',
	œ: 'oe',
	ß: 'ss',
	ı: 'i',
	þ: 'th',
	ð: 'd'
};

/** Lower-cases and folds accents; NFKD (not only NFD) also turns no-break spaces into spaces. */
function fold(s: string): string {
	return s
		.normalize('NFKD')
		.replace(/\p{M}+/gu, '')
		.toLowerCase()
		.replace(/[đłøæœßıþð]/g, (c) => FOLDED_LETTERS[c] ?? c);
}

/** Canonical digits: no leading zeros, no trailing decimal zeros ("007" = "7", "2.50" = "2.5"). */
function canonicalNumber(token: string): string {
	if (!/^\d+(\.\d+)?$/.test(token)) return token;
	let [whole, fraction = ''] = token.split('.');
	whole = whole.replace(/^0+(?=\d)/, '');
	fraction = fraction.replace(/0+$/, '');
	return fraction ? `${whole}.${fraction}` : whole;
}

/**
 * The canonical text form of an answer: folded case and accents, punctuation dropped, digit
 * groups joined ("42,000" and "42 000" -> "42000"), single spaces, no leading "the".
 * Thousands separators follow the English reading: a comma or space followed by exactly three
 * digits groups ("4,200" = 4200); any other comma between digits is a decimal comma ("2,5" = 2.5).
 */
export function normalizeAnswer(s: string): string {
	let t = fold(String(s));
	t = t
		.replace(/&/g, ' and ')
		.replace(/%/g, ' percent ')
		.replace(/\bper cent\b/g, 'percent')
		// Apostrophes vanish rather than split a word: "O’Brien" = "O'Brien" = "OBrien".
		.replace(/['‘’‚‛ʼ`´]/g, '')
		.replace(/(\d)[, \u2009\u202f](?=\d{3}(?!\d))/g, '$1')
		.replace(/(\d),(?=\d)/g, '$1.')
		// A dot survives only as a decimal point.
		.replace(/(?<!\d)\.|\.(?!\d)/g, ' ')
		.replace(/[^\p{L}\p{N}.]+/gu, ' ')
		.trim()
		.replace(/^the (?=.)/, '');
	return t.split(' ').filter(Boolean).map(canonicalNumber).join(' ');
}

/** Spaces dropped except between two numbers, so "U.N." = "UN" and "K-FOR" = "KFOR". */
function compact(normalized: string): string {
	return normalized.replace(/ (?!\d)|(?<!\d) /g, '');
}

const MONTHS: Record<string, number> = {
	january: 1,
	february: 2,
	march: 3,
	april: 4,
	may: 5,
	june: 6,
	july: 7,
	august: 8,
	september: 9,
	october: 10,
	november: 11,
	december: 12,
	jan: 1,
	feb: 2,
	mar: 3,
	apr: 4,
	jun: 6,
	jul: 7,
	aug: 8,
	sep: 9,
	sept: 9,
	oct: 10,
	nov: 11,
	dec: 12
};

const WEEKDAYS =
	/^(monday|tuesday|wednesday|thursday|friday|saturday|sunday|mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)$/;

function daysInMonth(y: number, m: number): number {
	return new Date(Date.UTC(y, m, 0)).getUTCDate();
}

function makeDate(y: number, m?: number, d?: number): ParsedDate | null {
	if (y < 1000 || y > 2999) return null;
	if (m === undefined) return { y };
	if (m < 1 || m > 12) return null;
	if (d === undefined) return { y, m };
	if (d < 1 || d > daysInMonth(y, m)) return null;
	return { y, m, d };
}

/**
 * Reads a written date at the precision given: "1999", "June 1999", "06/1999", "1999-06",
 * "12 June 1999", "12th of June, 1999", "June 12, 1999", "1999-06-12" or "12/06/1999".
 * All-numeric day/month/year is read the European way (day first): the app's sources are
 * European documents, and an ISO "1999-06-12" is there for anyone who means otherwise.
 * Returns null for anything else, including two-digit years and impossible days.
 */
export function parseDate(s: string): ParsedDate | null {
	const text = fold(String(s))
		.trim()
		.replace(/^(on|in) /, '')
		.replace(/(\d)(st|nd|rd|th)\b/g, '$1')
		.replace(/\bof\b/g, ' ');
	const tokens = text.split(/[\s,./-]+/).filter(Boolean);
	if (tokens.length > 0 && WEEKDAYS.test(tokens[0])) tokens.shift();
	if (tokens.length === 0 || tokens.length > 3) return null;

	// Classify each token: Y = four-digit year, N = one- or two-digit number, M = month name.
	const shape = tokens
		.map((t) => (/^\d{4}$/.test(t) ? 'Y' : /^\d{1,2}$/.test(t) ? 'N' : t in MONTHS ? 'M' : '?'))
		.join('');
	const n = tokens.map((t) => (t in MONTHS ? MONTHS[t] : Number(t)));
	switch (shape) {
		case 'Y':
			return makeDate(n[0]);
		case 'MY':
		case 'NY':
			return makeDate(n[1], n[0]);
		case 'YN':
		case 'YM':
			return makeDate(n[0], n[1]);
		case 'NMY':
		case 'NNY':
			return makeDate(n[2], n[1], n[0]);
		case 'MNY':
			return makeDate(n[2], n[0], n[1]);
		case 'YNN':
		case 'YMN':
			return makeDate(n[0], n[1], n[2]);
		default:
			return null;
	}
}

/** Optimal-string-alignment (restricted Damerau–Levenshtein) edit distance. */
function editDistance(a: string, b: string): number {
	const rows = a.length + 1;
	const cols = b.length + 1;
	const d: number[][] = Array.from({ length: rows }, (_, i) =>
		Array.from({ length: cols }, (_, j) => (i === 0 ? j : j === 0 ? i : 0))
	);
	for (let i = 1; i < rows; i++) {
		for (let j = 1; j < cols; j++) {
			const cost = a[i - 1] === b[j - 1] ? 0 : 1;
			d[i][j] = Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost);
			if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) {
				d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
			}
		}
	}
	return d[rows - 1][cols - 1];
}

const NO_MATCH: TypedMatch = { isCorrect: false, hasTypo: false };

/** Words that link others without carrying the answer: "the institutions for self-rule". */
const LINKING_WORDS = new Set([
	'the',
	'a',
	'an',
	'of',
	'for',
	'to',
	'in',
	'on',
	'at',
	'by',
	'with'
]);
/** Past this many content words, order may carry meaning ("A defeated B"), so it must match. */
const MAX_REORDERED_WORDS = 5;

/** One plural ending off a common noun: "institutions" -> "institution", "forces" -> "force". */
function singular(word: string): string {
	if (word.length > 4 && word.endsWith('ies')) return word.slice(0, -3) + 'y';
	if (word.length > 4 && /(?:ch|sh|ss|x|z)es$/.test(word)) return word.slice(0, -2);
	if (word.length > 3 && word.endsWith('s') && !/(?:ss|us|is)$/.test(word))
		return word.slice(0, -1);
	return word;
}

/**
 * Words written with a capital (not only as the first word) or in capitals are names and
 * acronyms: they must be given exactly, never "de-pluralised" ("Thomas" is not "Thoma").
 */
function namesIn(text: string): Set<string> {
	const names = new Set<string>();
	const words = String(text)
		.split(/[^\p{L}\p{N}'’]+/u)
		.filter(Boolean);
	words.forEach((word, i) => {
		const isCapitalised = /^\p{Lu}/u.test(word);
		const isAcronym = word.length > 1 && word === word.toUpperCase() && /\p{L}/u.test(word);
		if (isAcronym || (isCapitalised && i > 0)) {
			for (const part of normalizeAnswer(word).split(' ')) names.add(part);
		}
	});
	return names;
}

/** The words that carry an answer, plural endings off common nouns, in a fixed order. */
function contentWords(normalized: string, names: ReadonlySet<string>): string[] {
	return normalized
		.split(' ')
		.filter((word) => word && !LINKING_WORDS.has(word))
		.map((word) => (names.has(word) || /\d/.test(word) ? word : singular(word)))
		.sort();
}

/**
 * The same content words in any order, with or without linking words and plural endings:
 * "self-rule institutions" = "the institutions for self-rule". Numbers and names must match
 * exactly, and every content word must be there: nothing missing, nothing extra.
 */
function sameContent(given: string, expected: string, g: string, e: string): boolean {
	const names = namesIn(expected);
	const a = contentWords(g, names);
	const b = contentWords(e, names);
	if (b.length === 0 || b.length > MAX_REORDERED_WORDS || a.length !== b.length) return false;
	// A name the student wrote with a plural ending is not the name.
	for (const name of namesIn(given)) if (!names.has(name) && !b.includes(name)) return false;
	return a.every((word, i) => word === b[i]);
}

function matchOne(given: string, expected: string): TypedMatch {
	const g = normalizeAnswer(given);
	const e = normalizeAnswer(expected);
	if (!g || !e) return NO_MATCH;

	const expectedDate = parseDate(expected);
	const givenDate = parseDate(given);
	if (expectedDate && givenDate) {
		const same =
			expectedDate.y === givenDate.y &&
			expectedDate.m === givenDate.m &&
			expectedDate.d === givenDate.d;
		return { isCorrect: same, hasTypo: false };
	}

	if (g === e || compact(g) === compact(e)) return { isCorrect: true, hasTypo: false };
	const typo = matchWithTypos(g, e);
	if (typo.isCorrect) return typo;
	return sameContent(given, expected, g, e) ? { isCorrect: true, hasTypo: false } : NO_MATCH;
}

/** Word by word, each long word allowed one edit (flagged as a typo). */
function matchWithTypos(g: string, e: string): TypedMatch {
	const gWords = g.split(' ');
	const eWords = e.split(' ');
	if (gWords.length !== eWords.length) return NO_MATCH;
	let hasTypo = false;
	for (let i = 0; i < eWords.length; i++) {
		const gw = gWords[i];
		const ew = eWords[i];
		if (gw === ew) continue;
		// Numbers, years and codes with digits are knowledge, not spelling.
		if (/\d/.test(gw) || /\d/.test(ew)) return NO_MATCH;
		if (ew.length < TYPO_MIN_LETTERS || Math.abs(gw.length - ew.length) > 1) return NO_MATCH;
		if (editDistance(gw, ew) !== 1) return NO_MATCH;
		hasTypo = true;
	}
	return { isCorrect: true, hasTypo };
}

/**
 * Judges a typed answer against the expected one and its accepted alternatives. Each word longer
 * than 4 letters may carry one typo (insertion, deletion, substitution or swap), flagged hasTypo;
 * an exact match with any candidate wins over a typo match.
 */
export function matchTyped(
	given: string,
	expected: string,
	alternatives?: string[],
	prompt?: string
): TypedMatch {
	if (typeof given !== 'string') return NO_MATCH;
	const candidates = [expected, ...(Array.isArray(alternatives) ? alternatives : [])].filter(
		(c): c is string => typeof c === 'string'
	);
	let best = NO_MATCH;
	for (const candidate of candidates) {
		const result = matchOne(given, candidate);
		if (result.isCorrect && !result.hasTypo) return result;
		if (result.isCorrect) best = result;
	}
	if (best.isCorrect || typeof prompt !== 'string') return best;
	for (const candidate of candidates) {
		const result = matchHead(given, candidate, prompt);
		if (result.isCorrect) return result;
	}
	return best;
}

/** Words that carry no knowledge of their own inside an answer. */
const LINKING = new Set([
	'a',
	'an',
	'the',
	'of',
	'and',
	'or',
	'in',
	'on',
	'to',
	'for',
	'by',
	'with'
]);

/**
 * The part of an answer that the prompt does not already give: "delta" for "high amplitude
 * delta waves" when "high amplitude" and "waves" stand in the prompt. The words typed must be a
 * run of the answer's words (one typo each in a long word), at least one of them missing from
 * the prompt, and every other word of the answer present in the prompt.
 */
function matchHead(given: string, expected: string, prompt: string): TypedMatch {
	const g = normalizeAnswer(given).split(' ').filter(Boolean);
	const e = normalizeAnswer(expected).split(' ').filter(Boolean);
	if (g.length === 0 || g.length >= e.length) return NO_MATCH;
	const inPrompt = new Set(normalizeAnswer(prompt).split(' '));
	if (g.every((word) => inPrompt.has(word) || LINKING.has(word))) return NO_MATCH;
	for (let start = 0; start + g.length <= e.length; start++) {
		const run = e.slice(start, start + g.length);
		const typed = matchWithTypos(g.join(' '), run.join(' '));
		if (!typed.isCorrect) continue;
		const rest = [...e.slice(0, start), ...e.slice(start + g.length)];
		if (rest.every((word) => LINKING.has(word) || inPrompt.has(word))) return typed;
	}
	return NO_MATCH;
}
