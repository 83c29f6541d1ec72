import { browser } from '$app/environment';
import { startStudyReads } from '$lib/state/study-session.svelte';
import type { PageLoad } from './$types';

export function entries() {
	return [{ deckId: 'kosovo' }];
}

/** Starts the first card's reads (the deck, the database) before the page hydrates. */
export const load: PageLoad = ({ params }) => {
	if (browser) startStudyReads([params.deckId]);
	return {};
};
