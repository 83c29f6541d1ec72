/**
 * What the quiz page needs from the data layer, in one module the page imports after first
 * paint: Dexie, the attempts and the scheduler a wrong answer reaches are not needed to paint
 * the setup form, so they stay off the quiz page's first load (tests/budget.spec.ts).
 */
export { getDb } from '$lib/db/database';
export { discardAttempt, findUnfinished } from '$lib/db/attempts-repository';
export { QuizRun } from '$lib/state/quiz-run.svelte';
