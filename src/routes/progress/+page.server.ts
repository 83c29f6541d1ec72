import { allDecks } from '$lib/content/decks.server';
import { progressDeck, type ProgressDeck } from '$lib/domain/stats/progress-deck';

// Each deck's fact ids by topic, prerendered into the page (a few kilobytes), so counting new
// facts and mastery needs no download of the whole deck. The learner's own decks are added
// in the browser.
export function load(): { decks: ProgressDeck[] } {
	return { decks: allDecks().map(progressDeck) };
}
