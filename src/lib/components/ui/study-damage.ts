/**
 * The damaged-rows notice of the study pages with the cheap check they run, imported after
 * first paint: a study page's first load carries neither (its budget has no room for them).
 */
export { default as DamagedRows } from './DamagedRows.svelte';
export { findStudyDamage } from '$lib/state/damaged-rows';
