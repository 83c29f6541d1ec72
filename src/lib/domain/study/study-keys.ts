/**
 * The study screen's keyboard shortcuts as one pure mapping from a key press to an action, so the
 * rules (what a key means in each phase, what is left alone while typing) are tested here.
 */
import type { StudyRating } from '$lib/domain/study/fsrs-adapter';
import type { ItemType } from '$lib/domain/types';

/** Where the key was pressed: in a text field, on a button/link/choice, or anywhere else. */
export type KeyTarget = 'text' | 'control' | 'other';

/** No card on screen, a card being asked, or a card answered (feedback shown). */
export type StudyPhase = 'idle' | 'question' | 'answered';

export interface KeyInput {
	key: string;
	target: KeyTarget;
	/** Ctrl, Alt or Meta held: the browser's shortcut, never ours. */
	hasModifier: boolean;
	phase: StudyPhase;
	itemType: ItemType | null;
}

export type KeyAction =
	| { type: 'reveal' }
	| { type: 'submit' }
	/** Records the rating at once (self-graded cards). */
	| { type: 'rate'; rating: StudyRating }
	/** Changes the preselected rating of an auto-graded card. */
	| { type: 'select-rating'; rating: StudyRating }
	| { type: 'continue' }
	| { type: 'undo' }
	| { type: 'source' }
	| { type: 'help' }
	| { type: 'leave-field' };

function ratingOf(key: string): StudyRating | null {
	return key === '1' || key === '2' || key === '3' || key === '4'
		? (Number(key) as StudyRating)
		: null;
}

/** What a key press means on the study screen, or null to leave it to the browser. */
export function studyKeyAction(input: KeyInput): KeyAction | null {
	const { key, target, phase, itemType } = input;
	if (input.hasModifier) return null;
	const isConfirm = key === 'Enter' || key === ' ';
	if (target === 'text') {
		// While typing, every key is text except Enter (answer) and Escape (back to shortcuts).
		if (key === 'Escape') return { type: 'leave-field' };
		if (key !== 'Enter') return null;
	}
	// A focused button or link answers Enter and Space itself; handling them too would act twice.
	if (target === 'control' && isConfirm) return null;
	const lower = key.toLowerCase();
	if (key === '?') return { type: 'help' };
	if (lower === 'u') return { type: 'undo' };
	if (phase === 'idle' || itemType === null) return null;
	if (lower === 's') return { type: 'source' };
	const isSelfGraded = itemType === 'flashcard';
	const rating = ratingOf(key);
	if (phase === 'question') {
		if (isSelfGraded) return isConfirm ? { type: 'reveal' } : null;
		// Option letters (A–D, T/F) belong to the answer controls, which select as a click does.
		return key === 'Enter' ? { type: 'submit' } : null;
	}
	if (rating !== null) {
		return isSelfGraded ? { type: 'rate', rating } : { type: 'select-rating', rating };
	}
	if (!isSelfGraded && isConfirm) return { type: 'continue' };
	return null;
}

/** The grade names shown on the buttons and read out, by FSRS rating. */
export const RATING_LABELS: Record<StudyRating, string> = {
	1: 'Again',
	2: 'Hard',
	3: 'Good',
	4: 'Easy'
};

/** Every shortcut with what it does, for the help dialog and the hints on screen. */
export const SHORTCUTS: readonly { keys: readonly string[]; action: string }[] = [
	{ keys: ['Space', 'Enter'], action: 'Show the answer; after an answer, go on' },
	{ keys: ['A', 'B', 'C', 'D'], action: 'Choose the first, second, third or fourth option' },
	{ keys: ['T', 'F'], action: 'Choose True or False' },
	{ keys: ['Enter'], action: 'Check the chosen or typed answer' },
	{ keys: ['1', '2', '3', '4'], action: 'Grade: Again, Hard, Good, Easy' },
	{ keys: ['U'], action: 'Undo the last answer' },
	{ keys: ['S'], action: 'Show or hide the source sentence (after answering)' },
	{ keys: ['Esc'], action: 'Leave the text box, so the other keys work' },
	{ keys: ['?'], action: 'List these shortcuts' }
];
