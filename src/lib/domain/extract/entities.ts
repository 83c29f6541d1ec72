/**
 * Named entities by rule: runs of capitalised words ("Organisation for Security and Cooperation
 * in Europe"), classified as organisation, person, place, acronym or term from keywords and from
 * how the same document uses them ("in Kosovo" makes Kosovo a place; "with Milošević" alone
 * makes "Slobodan Milošević" a person).
 */
import type { AnswerKind } from '$lib/domain/types';

export type EntityKind = Extract<
	AnswerKind,
	'organisation' | 'person' | 'place' | 'acronym' | 'term'
>;

export interface EntityMention {
	text: string;
	/** Offset in the sentence. */
	index: number;
	kind: EntityKind;
}

/** What the whole document says about names, gathered before classifying any one mention. */
export interface EntityContext {
	/** Words the document also writes in lower case: a capital on them is only sentence position. */
	lowercaseWords: Set<string>;
	/** Names the document uses after a place preposition ("in Kosovo"). */
	places: Set<string>;
	/** Capitalised words the document uses in mid-sentence: names, not capitalised common words. */
	properWords: Set<string>;
	/** Capitalised words the document uses alone that also end a longer name ("Milošević"). */
	singleNames: Set<string>;
	/** Names known to be people or places from elsewhere (an NLP library), if any. */
	knownPeople: Set<string>;
	knownPlaces: Set<string>;
	/** Long forms of acronyms the document defines. */
	longForms: Set<string>;
}

const CONNECTORS = new Set([
	'of',
	'for',
	'and',
	'in',
	'on',
	'the',
	'de',
	'du',
	'des',
	'la',
	'le',
	'van',
	'von',
	'der',
	'al',
	'da',
	'di'
]);

export const ORGANISATION_WORDS = new Set(
	'Nations Organisation Organization Council Union Mission Force Forces Office Administration Agency Committee Commission Court Tribunal Bank Fund Ministry Department Party Army Navy Corps Institute University College Association Assembly Parliament Congress Senate Government Alliance Police Service Services Programme Program Authority Bureau Secretariat Foundation Federation League Coalition Movement Front Group Company Corporation Board Centre Center Society Cross Crescent Church Guard Brigade Battalion Division Command Headquarters Unit Directorate Observatory'.split(
		' '
	)
);
const TERM_FIRST_WORDS = new Set(
	'Operation Treaty Battle Siege Accord Accords Conference Declaration Resolution Convention Summit Protocol Plan Agreement Act Campaign'.split(
		' '
	)
);
const TERM_LAST_WORDS = new Set(
	'War Wars Agreement Accords Accord Treaty Conference Declaration Plan Convention Summit Protocol Act Campaign Crisis Massacre Genocide Revolution Uprising Offensive'.split(
		' '
	)
);
const DIRECTIONS = new Set([
	'Eastern',
	'Western',
	'Northern',
	'Southern',
	'Central',
	'North',
	'South',
	'East',
	'West',
	'Upper',
	'Lower',
	'Greater'
]);
const CALENDAR = new Set(
	'January February March April May June July August September October November December Monday Tuesday Wednesday Thursday Friday Saturday Sunday'.split(
		' '
	)
);
/** Capitalised function words that never start a name. */
const NEVER_NAMES = new Set(
	'The A An This That These Those It Its They Their Them He She His Her We Our You Your I In On At For Of And But Or If As By With From To Since After Before During Although Though While When Where Whereas However Furthermore Moreover Additionally Overall Ultimately Initially Despite Following Over Under Once Also Both Each Every Many Most Some Such There Here Then Thus Hence Yet So Not No'.split(
		' '
	)
);

const PLACE_PREPOSITIONS =
	/\b(?:in|into|from|across|throughout|within|near|to|towards|toward|around|inside|outside)\s+([\p{Lu}][\p{L}\p{M}-]+(?:\s+[\p{Lu}][\p{L}\p{M}-]+)?)/gu;

const TOKEN = /[\p{L}\p{M}\d][\p{L}\p{M}\d’'.&-]*/gu;

function stripToken(raw: string): string {
	let t = raw.replace(/[’']s$/u, '').replace(/[’']$/u, '');
	if (!/^(?:\p{Lu}\.)+$/u.test(t)) t = t.replace(/\.+$/, '');
	return t;
}

function isAllCaps(token: string): boolean {
	return /^[\p{Lu}][\p{Lu}\d&]+$/u.test(token) && /\p{Lu}.*\p{Lu}/u.test(token);
}

function isProperToken(token: string): boolean {
	if (!/^\p{Lu}/u.test(token) || CALENDAR.has(token)) return false;
	// "NATO-led", "self-rule": a lower-case part makes the token an adjective or a common word.
	return token.split('-').every((part) => part === '' || /^[\p{Lu}\d]/u.test(part));
}

/** Facts about names gathered from the whole document (lower-case vocabulary, place uses, single names). */
export function buildEntityContext(
	texts: string[],
	extra: {
		knownPeople?: Iterable<string>;
		knownPlaces?: Iterable<string>;
		longForms?: Iterable<string>;
	} = {}
): EntityContext {
	const lowercaseWords = new Set<string>();
	const places = new Set<string>();
	const singleNames = new Set<string>();
	const properWords = new Set<string>();
	for (const text of texts) {
		const tokens = [...text.matchAll(TOKEN)];
		for (let i = 0; i < tokens.length; i++) {
			const raw = tokens[i][0];
			const t = stripToken(raw);
			if (/^\p{Ll}/u.test(t)) {
				lowercaseWords.add(t.toLowerCase());
				continue;
			}
			const prev = i > 0 ? stripToken(tokens[i - 1][0]) : '';
			const next = i + 1 < tokens.length ? stripToken(tokens[i + 1][0]) : '';
			const gapBefore =
				i > 0
					? text.slice((tokens[i - 1].index ?? 0) + tokens[i - 1][0].length, tokens[i].index)
					: '.';
			const isSentenceStart =
				i === 0 || /[.!?:]\s*$/.test(gapBefore) || /[.!?]$/.test(tokens[i - 1][0]);
			if (!isSentenceStart && isProperToken(t)) properWords.add(t);
			if (
				isProperToken(t) &&
				!isAllCaps(t) &&
				!isSentenceStart &&
				!isProperToken(prev) &&
				!(
					isProperToken(next) &&
					/^\s+$/.test(text.slice((tokens[i].index ?? 0) + raw.length, tokens[i + 1]?.index))
				)
			) {
				singleNames.add(t);
			}
		}
		for (const m of text.matchAll(PLACE_PREPOSITIONS)) {
			const words = m[1].split(/\s+/).map(stripToken);
			if (words.some((w) => ORGANISATION_WORDS.has(w) || CALENDAR.has(w) || NEVER_NAMES.has(w)))
				continue;
			places.add(words[0]);
			if (words.length > 1 && DIRECTIONS.has(words[0])) places.add(words.join(' '));
		}
	}
	return {
		lowercaseWords,
		places,
		singleNames,
		properWords,
		knownPeople: new Set(extra.knownPeople ?? []),
		knownPlaces: new Set(extra.knownPlaces ?? []),
		longForms: new Set(extra.longForms ?? [])
	};
}

/** The kind of a capitalised name, or null when the rules cannot tell (then it is not asked about). */
export function classifyName(name: string, ctx: EntityContext): EntityKind | null {
	const words = name.split(/\s+/);
	const first = words[0];
	const last = words[words.length - 1];
	if (words.length === 1 && isAllCaps(first)) return 'acronym';
	if (ctx.knownPeople.has(name) && !words.some((w) => ORGANISATION_WORDS.has(w))) return 'person';
	if (TERM_FIRST_WORDS.has(first) || TERM_LAST_WORDS.has(last)) return 'term';
	if (ctx.longForms.has(name) || words.some((w) => ORGANISATION_WORDS.has(w)))
		return 'organisation';
	if (words.some((w) => CONNECTORS.has(w))) return null;
	if (ctx.places.has(name) || ctx.knownPlaces.has(name)) return 'place';
	if (
		words.length === 2 &&
		DIRECTIONS.has(first) &&
		(ctx.places.has(last) || ctx.knownPlaces.has(last))
	)
		return 'place';
	if (
		words.length >= 2 &&
		words.length <= 4 &&
		words.every((w) => !isAllCaps(w)) &&
		ctx.singleNames.has(last)
	)
		return 'person';
	return null;
}

/** Capitalised names in one sentence, classified, skipping spans already taken (dates, numbers). */
export function findEntities(
	sentence: string,
	ctx: EntityContext,
	taken: [number, number][] = [],
	fromIndex = 0
): EntityMention[] {
	const tokens = [...sentence.matchAll(TOKEN)]
		.map((m) => ({ raw: m[0], text: stripToken(m[0]), index: m.index ?? 0 }))
		.filter(
			(t) =>
				t.index >= fromIndex && !taken.some(([s, e]) => t.index < e && t.index + t.raw.length > s)
		);
	const out: EntityMention[] = [];
	const isGapSpace = (a: (typeof tokens)[number], b: (typeof tokens)[number]) =>
		a.raw === a.text && /^\s+$/.test(sentence.slice(a.index + a.raw.length, b.index));

	let i = 0;
	while (i < tokens.length) {
		const tok = tokens[i];
		const before = sentence.slice(0, tok.index).trimEnd();
		const isStart = before === '' || /[.!?:"“(]$/.test(before);
		const isCommonAtStart = isStart && ctx.lowercaseWords.has(tok.text.toLowerCase());
		if (!isProperToken(tok.text) || NEVER_NAMES.has(tok.text) || isCommonAtStart) {
			i++;
			continue;
		}
		let j = i;
		const span = [tok];
		let hasConnector = false;
		while (j + 1 < tokens.length && isGapSpace(tokens[j], tokens[j + 1])) {
			const next = tokens[j + 1];
			if (isProperToken(next.text) && !NEVER_NAMES.has(next.text)) {
				span.push(next);
				j++;
				continue;
			}
			// Connectors join two names only when a name follows: "Office of the Special Envoy".
			let k = j + 1;
			const connectors: typeof tokens = [];
			while (
				k < tokens.length &&
				CONNECTORS.has(tokens[k].text) &&
				connectors.length < 2 &&
				isGapSpace(tokens[k - 1], tokens[k])
			) {
				connectors.push(tokens[k]);
				k++;
			}
			if (
				connectors.length === 0 ||
				k >= tokens.length ||
				!isGapSpace(tokens[k - 1], tokens[k]) ||
				!isProperToken(tokens[k].text) ||
				isAllCaps(tokens[k].text)
			) {
				break;
			}
			if (connectors.some((c) => c.text === 'and') && !(span.length >= 2 && hasConnector)) break;
			if (connectors[0].text === 'the' && connectors.length === 1) break;
			span.push(...connectors, tokens[k]);
			hasConnector = true;
			j = k;
		}
		const startIdx = span[0].index;
		const lastTok = span[span.length - 1];
		const text = sentence.slice(startIdx, lastTok.index + lastTok.text.length);
		const kind = classifyName(text, ctx);
		if (kind) out.push({ text, index: startIdx, kind });
		i = j + 1;
	}
	return out;
}
