/**
 * People and places a text marks as such by its own wording: a role before a name ("French
 * chemist Joseph Proust", "Emir Ibrahim"), a life span after it ("Jean Piaget (1896–1980)"),
 * "led by X"; "the island of X", "what is now X", "the governor of X". Fed to the entity
 * classifier as known names, with whatever an NLP library adds.
 */

const NAME =
	"\\p{Lu}[\\p{L}’'-]+(?:\\s+(?:(?:da|de|del|di|van|von|ibn|bin|al-?)\\s+)?\\p{Lu}[\\p{L}’'-]+){0,3}";
const ROLE =
	'psychologist|psychoanalyst|sociologist|philosopher|chemist|physicist|biologist|scientist|economist|historian|explorer|schoolteacher|teacher|writer|author|poet|king|queen|emperor|empress|sultan|emir|sheikh|prince|princess|president|general|admiral|governor|pope|bishop|merchant|aristocrat|ruler|noble|leader|minister|senator|judge';
/** The role words with a capital or a small first letter (no /i flag: it would let \p{Lu} match "of"). */
const ROLES = ROLE.split('|')
	.flatMap((word) => [word, word.charAt(0).toUpperCase() + word.slice(1)])
	.join('|');
const PERSON_CUES = [
	new RegExp(`\\b(?:${ROLES})\\s+(${NAME})`, 'gu'),
	new RegExp(
		`\\b(?:led|founded|written|proposed|developed|headed|ruled|invented|discovered)\\s+by\\s+(${NAME})`,
		'gu'
	),
	new RegExp(`(${NAME})\\s*\\(\\d{3,4}\\s*[–-]\\s*(?:\\d{3,4})?\\)`, 'gu'),
	new RegExp(`(${NAME}),\\s+(?:a|an|the)\\s+(?:[\\p{Ll}-]+\\s+)?(?:${ROLE})\\b(?!\\s+of)`, 'gu')
];
const PLACE_CUES = [
	new RegExp(
		`\\b(?:island|islands|coast|city|port city|port|state|kingdom|region|province|colony|colonies|governor|coast)\\s+of\\s+(${NAME})`,
		'gu'
	),
	new RegExp(
		`\\b(?:states|countries|cities|colonies|islands|kingdoms|nations),\\s+(${NAME}),`,
		'gu'
	),
	new RegExp(`\\b(?:what is now|today’s|today's|present-day)\\s+(${NAME})`, 'gu')
];
/** Capitalised words that a cue may catch but are not names. */
const NOT_NAMES =
	/^(?:The|A|An|In|On|At|This|That|These|Those|It|He|She|They|We|His|Her|Their|Its)$/;

function collect(texts: string[], patterns: RegExp[]): Set<string> {
	const out = new Set<string>();
	for (const text of texts) {
		for (const pattern of patterns) {
			for (const m of text.matchAll(pattern)) {
				const name = m[1].replace(/[’']s$/u, '');
				if (!NOT_NAMES.test(name.split(/\s+/)[0])) out.add(name);
			}
		}
	}
	return out;
}

/** People and places named with a cue somewhere in the texts. */
export function findNameCues(texts: string[]): { people: Set<string>; places: Set<string> } {
	const people = collect(texts, PERSON_CUES);
	// A person's surname alone ("Freud", "Erikson") is a person too.
	for (const name of [...people]) {
		const parts = name.split(/\s+/);
		if (parts.length > 1) people.add(parts[parts.length - 1]);
	}
	const places = collect(texts, PLACE_CUES);
	for (const name of people) places.delete(name);
	return { people, places };
}
