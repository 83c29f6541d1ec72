/**
 * The teacher's "New assignment" form as plain data: every field checked with a message a
 * teacher can act on, then turned into an Assignment. Pure (the id, time and seed come in), so
 * the rules are tested without a browser.
 */
import {
	ITEM_TYPES,
	type Assignment,
	type Deck,
	type Item,
	type ItemType
} from '$lib/domain/types';
import { assembleQuiz, factsOf, MAX_QUIZ_ITEMS } from '$lib/domain/quiz/quiz-assembly';
import { MAX_ASSIGNMENT_ITEMS } from '$lib/domain/teach/assignment-codec';

export const MAX_TITLE_LENGTH = 200;
export const MAX_INSTRUCTIONS_LENGTH = 5000;
/** Minutes; a school day is the longest sensible limit. */
export const MAX_TIME_LIMIT_MINUTES = 600;

/** A number field as the browser gives it: a number, an empty value, or text. */
export type NumberField = number | string | null | undefined;

export interface AssignmentForm {
	title: string;
	deckId: string;
	/** Topic ids to draw from (count mode). */
	topics: string[];
	/** Item types to draw from (count mode). */
	types: ItemType[];
	mode: 'count' | 'pick';
	count: NumberField;
	/** Hand-picked item ids, in the order picked (pick mode). */
	pickedIds: string[];
	order: 'fixed' | 'shuffle';
	/** Minutes; empty or 0 for no limit. */
	timeLimit: NumberField;
	feedback: 'after' | 'none';
	/** Percent. */
	passMark: NumberField;
	instructions: string;
	/** Count self-marked items (flashcards) in the score. */
	countSelfMarked: boolean;
}

/**
 * The types a graded assignment draws by default: every type the app marks itself. A flashcard
 * is marked by the student ("I knew it"), so a teacher adds it on purpose.
 */
export const DEFAULT_ASSIGNMENT_TYPES: ItemType[] = ITEM_TYPES.filter(
	(type) => type !== 'flashcard'
);

/** Fields that can be wrong (a checkbox cannot). */
export type FormField = Exclude<keyof AssignmentForm, 'countSelfMarked'>;
export type FormErrors = Partial<Record<FormField, string>>;

/**
 * A fresh form for a deck: every topic, every type the app marks itself (no flashcards), ten
 * questions, feedback after, pass at 50%.
 */
export function emptyForm(deck?: Pick<Deck, 'id' | 'topics'>): AssignmentForm {
	return {
		title: '',
		deckId: deck?.id ?? '',
		topics: deck ? deck.topics.map((topic) => topic.id) : [],
		types: [...DEFAULT_ASSIGNMENT_TYPES],
		mode: 'count',
		count: 10,
		pickedIds: [],
		order: 'fixed',
		timeLimit: '',
		feedback: 'after',
		passMark: 50,
		instructions: '',
		countSelfMarked: false
	};
}

/** A number field as a number, null when empty, NaN when it is not a number. */
export function parseNumber(value: NumberField): number | null {
	if (value === null || value === undefined) return null;
	if (typeof value === 'number') return value;
	const text = value.trim();
	if (text === '') return null;
	return /^\d+(\.\d+)?$/.test(text) ? Number(text) : Number.NaN;
}

/** The deck items a count-mode assignment may draw from: the chosen topics and types. */
export function candidateItems(deck: Deck, form: Pick<AssignmentForm, 'topics' | 'types'>): Item[] {
	const topics = new Set(form.topics);
	const types = new Set(form.types);
	return deck.items.filter((item) => topics.has(item.topic) && types.has(item.type));
}

/** How many questions can be drawn without asking a fact twice (an upper bound for count). */
export function distinctFactCount(items: readonly Item[]): number {
	const facts = new Set<string>();
	let count = 0;
	for (const item of items) {
		const own = factsOf(item);
		if (own.some((fact) => facts.has(fact))) continue;
		for (const fact of own) facts.add(fact);
		count++;
	}
	return count;
}

/** Every problem with the form, by field; an empty object means it can be saved. */
export function validateAssignmentForm(form: AssignmentForm, deck: Deck | undefined): FormErrors {
	const errors: FormErrors = {};
	const title = form.title.trim();
	if (!title) errors.title = 'Give the assignment a title, so students know what they are taking.';
	else if (title.length > MAX_TITLE_LENGTH)
		errors.title = `Shorten the title to at most ${MAX_TITLE_LENGTH} characters.`;

	if (!form.deckId) errors.deckId = 'Choose the deck the questions come from.';
	else if (!deck || deck.id !== form.deckId)
		errors.deckId = 'The deck is not loaded yet; wait a moment or choose it again.';

	if (form.mode === 'count') {
		if (form.topics.length === 0) errors.topics = 'Choose at least one topic.';
		if (form.types.length === 0) errors.types = 'Choose at least one question type.';
		const count = parseNumber(form.count);
		if (count === null) errors.count = 'Enter how many questions to ask.';
		else if (!Number.isInteger(count) || count < 1 || count > MAX_QUIZ_ITEMS)
			errors.count = `Enter a whole number of questions from 1 to ${MAX_QUIZ_ITEMS}.`;
		else if (deck && !errors.topics && !errors.types) {
			const available = distinctFactCount(candidateItems(deck, form));
			if (available === 0)
				errors.count = 'No question matches these topics and types. Choose more of them.';
			else if (count > available)
				errors.count = `Only ${available} different questions match these topics and types. Ask for ${available} or fewer, or choose more topics or types.`;
		}
	} else {
		const known = new Set(deck?.items.map((item) => item.id) ?? []);
		const picked = form.pickedIds.filter((id) => known.has(id));
		if (picked.length === 0) errors.pickedIds = 'Pick at least one question from the list.';
		else if (picked.length > MAX_ASSIGNMENT_ITEMS)
			errors.pickedIds = `Pick at most ${MAX_ASSIGNMENT_ITEMS} questions.`;
	}

	const limit = parseNumber(form.timeLimit);
	if (
		limit !== null &&
		limit !== 0 &&
		(!Number.isInteger(limit) || limit < 1 || limit > MAX_TIME_LIMIT_MINUTES)
	)
		errors.timeLimit = `Enter the time limit in whole minutes from 1 to ${MAX_TIME_LIMIT_MINUTES}, or leave it empty for no limit.`;

	const pass = parseNumber(form.passMark);
	if (pass === null) errors.passMark = 'Enter a pass mark from 0 to 100 percent.';
	else if (Number.isNaN(pass) || pass < 0 || pass > 100)
		errors.passMark = 'The pass mark is a percentage from 0 to 100.';

	if (form.instructions.length > MAX_INSTRUCTIONS_LENGTH)
		errors.instructions = `Shorten the instructions to at most ${MAX_INSTRUCTIONS_LENGTH} characters.`;
	return errors;
}

/** What the builder needs from outside: an id, the time (epoch ms) and a seed for the draw. */
export interface BuildContext {
	id: string;
	now: number;
	seed: number;
}

export type BuildOutcome = { ok: true; assignment: Assignment } | { ok: false; errors: FormErrors };

/** Validates the form and builds the assignment: the questions drawn or picked, whole. */
export function buildAssignment(
	form: AssignmentForm,
	deck: Deck | undefined,
	context: BuildContext
): BuildOutcome {
	const errors = validateAssignmentForm(form, deck);
	if (Object.keys(errors).length > 0 || !deck) return { ok: false, errors };

	let items: Item[];
	if (form.mode === 'count') {
		items = assembleQuiz(candidateItems(deck, form), {
			count: parseNumber(form.count) ?? 0,
			types: form.types,
			topics: form.topics,
			seed: context.seed
		});
	} else {
		const byId = new Map(deck.items.map((item) => [item.id, item]));
		items = [...new Set(form.pickedIds)].flatMap((id) => byId.get(id) ?? []);
	}
	return {
		ok: true,
		assignment: {
			v: 1,
			id: context.id,
			title: form.title.trim(),
			deckId: deck.id,
			deckTitle: deck.title,
			instructions: form.instructions.trim(),
			items,
			shuffle: form.order === 'shuffle',
			timeLimitMinutes: parseNumber(form.timeLimit) ?? 0,
			feedback: form.feedback,
			passMark: parseNumber(form.passMark) ?? 0,
			createdAt: context.now,
			...(form.countSelfMarked && items.some((item) => item.type === 'flashcard')
				? { countSelfMarked: true }
				: {})
		}
	};
}

/** A short random assignment id (10 base-36 characters), safe in a URL path. */
export function newAssignmentId(randomValues: Uint32Array): string {
	return Array.from(randomValues.slice(0, 2), (n) => n.toString(36).padStart(7, '0'))
		.join('')
		.slice(-10);
}
