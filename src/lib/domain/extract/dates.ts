/**
 * Date mentions in one sentence: full dates, month + year, yearless days and months pinned to a
 * year from the same or the previous sentence, years, decades, and relative dates ("two days
 * later") resolved against an earlier date of the same sentence. `when` is sortable ISO text.
 */

export type DateSubkind =
	'full' | 'month-year' | 'day-month' | 'part-month' | 'month' | 'year' | 'decade' | 'relative';

export interface DateMention {
	/** The verbatim span in the sentence. */
	text: string;
	/** Offset of `text` in the sentence. */
	index: number;
	subkind: DateSubkind;
	/** YYYY, YYYY-MM or YYYY-MM-DD when the text states or pins it down. */
	when?: string;
	/** The year stated or pinned, when known. */
	year?: number;
}

const MONTHS = [
	'january',
	'february',
	'march',
	'april',
	'may',
	'june',
	'july',
	'august',
	'september',
	'october',
	'november',
	'december'
];
const MONTH =
	'(January|February|March|April|May|June|July|August|September|October|November|December|Jan\\.?|Feb\\.?|Mar\\.?|Apr\\.?|Jun\\.?|Jul\\.?|Aug\\.?|Sept?\\.?|Oct\\.?|Nov\\.?|Dec\\.?)';
const YEAR = '(1\\d{3}|20\\d{2}|2100)';
const DAY = '(\\d{1,2})(?:st|nd|rd|th)?';
const PART = '(early|mid|late|the end of|the beginning of|the start of|the middle of)';

/** Before these a four-digit number is a year even when a plural noun follows ("in 1999 troops ..."). */
const STRONG_YEAR_PREPOSITIONS = new Set([
	'in',
	'since',
	'by',
	'until',
	'till',
	'from',
	'between',
	'during',
	'before',
	'after',
	'around',
	'circa'
]);

const NUMBER_WORDS: Record<string, number> = {
	a: 1,
	an: 1,
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
	twelve: 12
};

function monthNumber(name: string): number {
	const key = name.toLowerCase().replace('.', '').slice(0, 3);
	return MONTHS.findIndex((m) => m.startsWith(key)) + 1;
}

function pad(n: number): string {
	return String(n).padStart(2, '0');
}

function daysInMonth(year: number, month: number): number {
	return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

function isoDay(year: number, month: number, day: number): string | undefined {
	if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return undefined;
	return `${year}-${pad(month)}-${pad(day)}`;
}

interface Raw {
	index: number;
	end: number;
	text: string;
	subkind: DateSubkind;
	year?: number;
	month?: number;
	day?: number;
	/** For decades: the first year and the qualifier. */
	decadeOffset?: number;
	/** For relative dates: the shift. */
	shift?: { amount: number; unit: 'day' | 'week' | 'month' | 'year' };
}

const PATTERNS: {
	re: RegExp;
	make: (m: RegExpExecArray) => Omit<Raw, 'index' | 'end' | 'text'> | null;
}[] = [
	{
		re: new RegExp(`\\b(\\d{4})-(\\d{2})-(\\d{2})\\b`, 'g'),
		make: (m) => ({ subkind: 'full', year: +m[1], month: +m[2], day: +m[3] })
	},
	{
		re: new RegExp(`\\b${DAY}\\s+(?:of\\s+)?${MONTH},?\\s+${YEAR}\\b`, 'g'),
		make: (m) => ({ subkind: 'full', day: +m[1], month: monthNumber(m[2]), year: +m[3] })
	},
	{
		re: new RegExp(`\\b${MONTH}\\s+${DAY},?\\s+${YEAR}\\b`, 'g'),
		make: (m) => ({ subkind: 'full', month: monthNumber(m[1]), day: +m[2], year: +m[3] })
	},
	{
		re: new RegExp(`\\b${PART}[\\s-]+${MONTH}(?:,?\\s+${YEAR})?\\b`, 'g'),
		make: (m) => ({
			subkind: 'part-month',
			month: monthNumber(m[2]),
			year: m[3] ? +m[3] : undefined
		})
	},
	{
		re: new RegExp(`\\b${MONTH},?\\s+(?:of\\s+)?${YEAR}\\b`, 'g'),
		make: (m) => ({ subkind: 'month-year', month: monthNumber(m[1]), year: +m[2] })
	},
	{
		re: new RegExp(`\\b${DAY}\\s+(?:of\\s+)?${MONTH}(?![\\w])`, 'g'),
		make: (m) => ({ subkind: 'day-month', day: +m[1], month: monthNumber(m[2]) })
	},
	{
		re: new RegExp(`\\b${MONTH}\\s+${DAY}(?![\\d,.]\\d|\\w)`, 'g'),
		make: (m) =>
			+m[2] > 31 ? null : { subkind: 'day-month', month: monthNumber(m[1]), day: +m[2] }
	},
	{
		re: new RegExp(
			`(?<=\\b(?:[Ii]n|during|by|until|till|since|from|before|after|through|throughout)\\s+)${MONTH}(?![\\w])`,
			'g'
		),
		make: (m) => ({ subkind: 'month', month: monthNumber(m[1]) })
	},
	{
		re: /\b(?:(early|mid|late)[\s-]+)?(1\d{2}0|20\d0)s\b/g,
		make: (m) => ({
			subkind: 'decade',
			year: +m[2],
			decadeOffset: m[1] === 'early' ? 2 : m[1] === 'mid' ? 5 : m[1] === 'late' ? 8 : 0
		})
	},
	{
		re: /(?<![\d,./£$€#]|\d[,.])\b(1\d{3}|20\d{2}|2100)\b(?![,.]\d|\d|\/|s\b|-\d{2}\b)/g,
		make: (m) => ({ subkind: 'year', year: +m[1] })
	},
	{
		re: /\b([Aa]n?|[Oo]ne|[Tt]wo|[Tt]hree|[Ff]our|[Ff]ive|[Ss]ix|[Ss]even|[Ee]ight|[Nn]ine|[Tt]en|[Ee]leven|[Tt]welve|\d{1,2})\s+(day|week|month|year)s?\s+(later|afterwards|after|earlier|before)\b(?!\s+(?:the|a|an|this|that|his|her|its|their|\p{Lu}))/gu,
		make: (m) => {
			const amount = NUMBER_WORDS[m[1].toLowerCase()] ?? Number(m[1]);
			const sign = /^(earlier|before)$/i.test(m[3]) ? -1 : 1;
			return {
				subkind: 'relative',
				shift: {
					amount: sign * amount,
					unit: m[2].toLowerCase() as 'day' | 'week' | 'month' | 'year'
				}
			};
		}
	},
	{
		re: /\b(?:the\s+(?:next|following)\s+(day|week|month|year)|the\s+(day|week|month|year)\s+after(?=[\s,.;]*(?:$|[,.;])))/gi,
		make: (m) => ({
			subkind: 'relative',
			shift: { amount: 1, unit: (m[1] ?? m[2]).toLowerCase() as 'day' | 'week' | 'month' | 'year' }
		})
	}
];

const LABELS_BEFORE_NUMBERS =
	/(?:Resolution|Resolutions|No\.?|Nos\.?|Number|Article|Chapter|Section|Paragraph|Route|Flight|Room|page|pages|p\.|pp\.|#|Protocol|Regulation|Directive|Act|Law|Decree|Rule|Item|Case|Code)\s*$/;

/** Whether a four-digit number is a count ("1500 troops") rather than a year. */
function isCountNotYear(sentence: string, index: number, end: number): boolean {
	if (LABELS_BEFORE_NUMBERS.test(sentence.slice(0, index))) return true;
	const next = sentence.slice(end).match(/^\s+([\p{L}]+)/u)?.[1];
	const prev = sentence
		.slice(0, index)
		.match(/([\p{L}.–-]+)\s*$/u)?.[1]
		?.toLowerCase();
	if (!next || (prev && STRONG_YEAR_PREPOSITIONS.has(prev))) return false;
	return /^(?:[a-z]+s|people|personnel|staff|police|infantry|cavalry)$/.test(next);
}

function shiftDate(
	base: Raw & { when: string },
	shift: NonNullable<Raw['shift']>
): string | undefined {
	const [y, m, d] = base.when.split('-').map(Number);
	const precision = base.when.length === 10 ? 'day' : base.when.length === 7 ? 'month' : 'year';
	if ((shift.unit === 'day' || shift.unit === 'week') && precision !== 'day') return undefined;
	if (shift.unit === 'month' && precision === 'year') return undefined;
	if (shift.unit === 'year') {
		const year = y + shift.amount;
		return base.when.replace(/^\d{4}/, String(year));
	}
	if (shift.unit === 'month') {
		const total = y * 12 + (m - 1) + shift.amount;
		const year = Math.floor(total / 12);
		const month = (total % 12) + 1;
		if (precision === 'month') return `${year}-${pad(month)}`;
		return isoDay(year, month, Math.min(d, daysInMonth(year, month)));
	}
	const days = shift.unit === 'week' ? shift.amount * 7 : shift.amount;
	const t = new Date(Date.UTC(y, m - 1, d) + days * 86_400_000);
	return `${t.getUTCFullYear()}-${pad(t.getUTCMonth() + 1)}-${pad(t.getUTCDate())}`;
}

/** Date mentions of one sentence, in order; `contextYear` (from the previous sentence) pins yearless ones. */
export function findDates(sentence: string, contextYear?: number): DateMention[] {
	const taken: Raw[] = [];
	const overlaps = (a: number, b: number) => taken.some((r) => a < r.end && b > r.index);
	for (const { re, make } of PATTERNS) {
		re.lastIndex = 0;
		let m: RegExpExecArray | null;
		while ((m = re.exec(sentence))) {
			const index = m.index;
			const end = index + m[0].length;
			if (overlaps(index, end)) continue;
			const raw = make(m);
			if (!raw) continue;
			if (raw.subkind === 'year' && isCountNotYear(sentence, index, end)) continue;
			taken.push({ ...raw, index, end, text: m[0] });
		}
	}
	taken.sort((a, b) => a.index - b.index);

	const statedYears = taken.filter((r) => r.year !== undefined && r.subkind !== 'decade');
	const out: DateMention[] = [];
	const resolved: (Raw & { when: string })[] = [];
	for (const r of taken) {
		let year = r.year;
		if (
			year === undefined &&
			(r.subkind === 'day-month' || r.subkind === 'part-month' || r.subkind === 'month')
		) {
			let best: Raw | undefined;
			for (const s of statedYears) {
				if (!best || Math.abs(s.index - r.index) < Math.abs(best.index - r.index)) best = s;
			}
			year = best?.year ?? contextYear;
		}
		let when: string | undefined;
		if (r.subkind === 'relative' && r.shift) {
			const base = resolved.filter((b) => b.index < r.index).pop();
			when = base ? shiftDate(base, r.shift) : undefined;
			if (!when) continue;
			year = Number(when.slice(0, 4));
		} else if (r.subkind === 'decade') {
			when = String((r.year ?? 0) + (r.decadeOffset ?? 0));
		} else if (year !== undefined) {
			if (r.day !== undefined && r.month) when = isoDay(year, r.month, r.day);
			else if (r.month) when = `${year}-${pad(r.month)}`;
			else when = String(year);
			if (r.day !== undefined && !when) continue;
		} else if (r.day !== undefined && r.month && r.day > daysInMonth(2000, r.month)) {
			continue;
		}
		if (when) resolved.push({ ...r, when });
		out.push({
			text: r.text,
			index: r.index,
			subkind: r.subkind,
			...(when ? { when } : {}),
			...(year !== undefined && r.subkind !== 'decade' ? { year } : {})
		});
	}
	return out;
}

/** The year the last dated mention of a sentence states or is pinned to: context for the next sentence. */
export function lastYear(mentions: DateMention[]): number | undefined {
	for (let i = mentions.length - 1; i >= 0; i--) {
		if (mentions[i].year !== undefined) return mentions[i].year;
	}
	return undefined;
}
