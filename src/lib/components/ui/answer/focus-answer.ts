/**
 * Puts focus where a learner answers a new question: the first text box, else the chosen (or
 * first) option, else the given fallback (the card or heading). The same in study, quiz and
 * assignments, so typing or arrows work at once and a screen reader starts at the question.
 */
export function focusAnswer(container: HTMLElement | undefined, fallback?: HTMLElement): void {
	if (!container) return fallback?.focus();
	// A new question starts at its top, even when the last one left the page scrolled down.
	if (container.getBoundingClientRect().top < 0) container.scrollIntoView({ block: 'start' });
	const text = container.querySelector<HTMLInputElement>(
		'input[type="text"]:not(:disabled), textarea:not(:disabled)'
	);
	const radio =
		container.querySelector<HTMLInputElement>('input[type="radio"]:checked:not(:disabled)') ??
		container.querySelector<HTMLInputElement>('input[type="radio"]:not(:disabled)');
	const target = text ?? radio ?? fallback ?? container;
	// Focus never scrolls the question away: the answer may sit below the fold on a phone.
	target.focus({ preventScroll: true });
}
