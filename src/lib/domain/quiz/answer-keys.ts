/**
 * The letters that pick an option, the same in study, quiz and assignments: A–F for the options
 * of a multiple-choice item in the order shown, T and F for true/false. A key press and a click
 * do the same thing: they select the option; Enter (or Check) answers.
 */

/** Letters for multiple-choice options: A for the first, B for the second… */
export const OPTION_KEYS = ['A', 'B', 'C', 'D', 'E', 'F'] as const;

/** The letters of a true/false item, for True and False. */
export const TRUE_FALSE_KEYS = ['T', 'F'] as const;

/** The shortcut letters for `count` options (as many as there are letters). */
export function optionKeys(count: number): string[] {
	return OPTION_KEYS.slice(0, Math.max(0, count));
}

/**
 * Which option a key selects, given the letters on screen; -1 for none. Case does not matter;
 * a key with Ctrl, Alt or Meta held is the browser's, never an option's.
 */
export function shortcutIndex(key: string, keys: readonly string[], hasModifier = false): number {
	if (hasModifier || key.length !== 1) return -1;
	const upper = key.toUpperCase();
	return keys.findIndex((letter) => letter.toUpperCase() === upper);
}
