/**
 * Student names as people see them. A name arrives from a form or from a result code someone
 * may have forged, so both go through `normaliseName`: NFC, invisible and control characters
 * removed, direction overrides and isolates removed (so "Ana" cannot show reversed), spaces
 * collapsed. `nameSkeleton` folds what looks alike, so the gradebook can flag two names that a
 * teacher would read as one.
 */

/** Longest name a student may give (characters, after normalising). */
export const MAX_NAME_LENGTH = 100;

// Zero-width and invisible formatting characters, bidi marks, overrides and isolates, controls.
// (Cc: controls; Cf: zero-width characters, bidi marks, overrides and isolates, soft hyphen, BOM.)
const INVISIBLE = /\p{Cc}|\p{Cf}|[\u115f\u3164\uffa0]|\u1160/gu;
const SPACES = /[\s\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]+/g;

/** The name as stored and shown: NFC, no invisible or control characters, single spaces. */
export function normaliseName(name: string): string {
	// Spaces first, so a tab or a line break still separates words before controls go.
	return name
		.normalize('NFC')
		.replace(SPACES, ' ')
		.replace(INVISIBLE, '')
		.replace(SPACES, ' ')
		.trim();
}

/** Why a name cannot be used (after normalising), or null when it can. */
export function nameProblem(name: string): string | null {
	const clean = normaliseName(name);
	if (!clean) return 'Enter your name, so your teacher knows whose answers these are.';
	if (clean.length > MAX_NAME_LENGTH)
		return `Shorten your name to at most ${MAX_NAME_LENGTH} characters.`;
	if (!/[\p{L}\p{N}]/u.test(clean)) return 'Your name needs at least one letter or digit.';
	return null;
}

// Letters from other scripts that are drawn like Latin ones, and digits drawn like letters.
const CONFUSABLE: Record<string, string> = {
	а: 'a',
	в: 'b',
	е: 'e',
	ё: 'e',
	к: 'k',
	м: 'm',
	н: 'h',
	о: 'o',
	р: 'p',
	с: 'c',
	т: 't',
	у: 'y',
	х: 'x',
	і: 'i',
	ї: 'i',
	ј: 'j',
	ѕ: 's',
	ԁ: 'd',
	ԛ: 'q',
	ԝ: 'w',
	һ: 'h',
	α: 'a',
	β: 'b',
	ε: 'e',
	η: 'n',
	ι: 'i',
	κ: 'k',
	ν: 'v',
	ο: 'o',
	ρ: 'p',
	τ: 't',
	υ: 'u',
	χ: 'x',
	'0': 'o',
	'1': 'l',
	'|': 'l',
	ı: 'i',
	ł: 'l',
	đ: 'd',
	ð: 'd',
	ø: 'o',
	ß: 'ss'
};

/** What a name looks like: compatibility forms folded, accents dropped, look-alike letters merged. */
export function nameSkeleton(name: string): string {
	const folded = normaliseName(name)
		.normalize('NFKD')
		// A capital I and a small l are one shape in many fonts.
		.replace(/I/g, 'l')
		.replace(/\p{M}/gu, '')
		.toLowerCase();
	let out = '';
	for (const char of folded) out += Object.hasOwn(CONFUSABLE, char) ? CONFUSABLE[char] : char;
	// "rn" reads as "m" at a glance.
	return out.replace(/rn/g, 'm').replace(/[^\p{L}\p{N}]+/gu, '');
}

/**
 * Groups of different names that look alike, each sorted; a name given twice exactly is the
 * same student (a resubmission) and is not flagged.
 */
export function lookAlikeNames(names: readonly string[]): string[][] {
	const bySkeleton = new Map<string, Set<string>>();
	for (const name of names) {
		const skeleton = nameSkeleton(name);
		if (!skeleton) continue;
		let group = bySkeleton.get(skeleton);
		if (!group) bySkeleton.set(skeleton, (group = new Set()));
		group.add(name);
	}
	return [...bySkeleton.values()]
		.filter((group) => group.size > 1)
		.map((group) => [...group].sort());
}
