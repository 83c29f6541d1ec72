/**
 * Acronyms the text defines ("United Nations Interim Administration Mission in Kosovo (UNMIK)"),
 * found with the Schwartz–Hearst long-form match, and names the text introduces with
 * "known as" ("NATO’s peacekeeping operation, known as KFOR").
 */

export interface AcronymDefinition {
	short: string;
	long: string;
	/** Offsets in the sentence. */
	shortIndex: number;
	longIndex: number;
}

export interface NamedTerm {
	/** The name introduced ("KFOR"). */
	term: string;
	termIndex: number;
	/** What it names, as the text puts it ("NATO’s peacekeeping operation"). */
	meaning: string;
	meaningIndex: number;
}

/** Schwartz–Hearst: the shortest tail of `text` whose letters spell `short` in order, first at a word start. */
function longFormFor(short: string, text: string): string | null {
	let l = text.length - 1;
	for (let s = short.length - 1; s >= 0; s--) {
		const c = short[s].toLowerCase();
		if (!/[\p{L}\d]/u.test(c)) continue;
		while (
			l >= 0 &&
			(text[l].toLowerCase() !== c || (s === 0 && l > 0 && /[\p{L}\d]/u.test(text[l - 1])))
		) {
			l--;
		}
		if (l < 0) return null;
		l--;
	}
	const start = text.lastIndexOf(' ', l) + 1;
	return text.slice(start);
}

function isAcronymToken(token: string): boolean {
	const capitals = token.replace(/[^\p{Lu}]/gu, '').length;
	return token.length >= 2 && token.length <= 10 && capitals >= 2 && /^\p{Lu}/u.test(token);
}

function wordsOf(text: string): number {
	return text.trim().split(/\s+/).length;
}

/** Acronym definitions in one sentence: "Long Form (LF)" and "LF (Long Form)". */
export function findAcronymDefinitions(sentence: string): AcronymDefinition[] {
	const out: AcronymDefinition[] = [];
	for (const m of sentence.matchAll(/\(\s*([\p{Lu}][\p{L}\d&.-]{1,9}?)s?\s*\)/gu)) {
		const short = m[1];
		if (!isAcronymToken(short)) continue;
		const open = m.index ?? 0;
		const before = sentence.slice(0, open).replace(/\s+$/, '');
		const words = before.split(/(?<=\s)/);
		const window = Math.min(short.length + 5, short.length * 2);
		const candidate = words.slice(Math.max(0, words.length - window)).join('');
		const long = longFormFor(short, candidate.replace(/^[\s,;(]+/, ''));
		if (!long || !/^[\p{Lu}]/u.test(long) || long.includes(short) || wordsOf(long) < 2) continue;
		const cleanLong = long.replace(/[\s,;:]+$/, '');
		out.push({
			short,
			long: cleanLong,
			shortIndex: open + m[0].indexOf(short),
			longIndex: before.length - long.length
		});
	}
	for (const m of sentence.matchAll(
		/\b([\p{Lu}][\p{Lu}\d&]{1,9})\s+\(([\p{Lu}][^()]{3,100})\)/gu
	)) {
		const [, short, long] = m;
		if (!isAcronymToken(short)) continue;
		const found = longFormFor(short, long);
		if (!found || found !== long || wordsOf(long) < 2) continue;
		const index = m.index ?? 0;
		out.push({ short, long, shortIndex: index, longIndex: index + m[0].indexOf('(') + 1 });
	}
	return out;
}

const NAME = "[\\p{Lu}][\\p{L}\\p{M}\\d’'&.-]*";
const KNOWN_AS = new RegExp(
	`\\b(?:also known as|known as|referred to as|called|named|dubbed)\\s+(?:the\\s+)?(${NAME}(?:\\s+(?:(?:of|for|and|the|in|de)\\s+)*${NAME})*)`,
	'gu'
);
const DETERMINERS = new Set(['the', 'a', 'an', 'this', 'its', 'their', 'his', 'her']);

/** Names the text introduces with "known as" / "called", with the phrase they name. */
export function findNamedTerms(sentence: string): NamedTerm[] {
	const out: NamedTerm[] = [];
	for (const m of sentence.matchAll(KNOWN_AS)) {
		const term = m[1].replace(/[’']s$|[.,]$/u, '');
		const index = m.index ?? 0;
		const termIndex = index + m[0].lastIndexOf(m[1]);
		const before = sentence.slice(0, index).replace(/[\s,]+$/, '');
		const tokens = [...before.matchAll(/[^\s,;:()]+/g)];
		let first = -1;
		for (let i = tokens.length - 1; i >= 0 && tokens.length - i <= 8; i--) {
			const gap = before.slice(
				(tokens[i].index ?? 0) + tokens[i][0].length,
				i + 1 < tokens.length ? tokens[i + 1].index : before.length
			);
			if (/[,;:()]/.test(gap)) break;
			first = i;
			const word = tokens[i][0];
			if (DETERMINERS.has(word.toLowerCase()) || /[’']s$/.test(word)) break;
		}
		if (first === -1 || tokens.length - first < 2) continue;
		const meaningIndex = tokens[first].index ?? 0;
		const meaning = before.slice(meaningIndex);
		if (/^(?:is|was|are|were|be|been|being)$/i.test(tokens[tokens.length - 1][0])) continue;
		out.push({ term, termIndex, meaning, meaningIndex });
	}
	return out;
}
