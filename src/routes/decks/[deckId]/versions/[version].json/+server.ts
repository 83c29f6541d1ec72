import { error, json } from '@sveltejs/kit';
import { getReleasedItems, releasedVersions } from '$lib/content/decks.server';

// The items of each released version of a deck, prerendered to
// build/decks/<id>/versions/<version>.json: an assignment link names its questions by deck
// version, so a link made before a new version still opens with the teacher's questions.
export const prerender = true;

export function entries() {
	return releasedVersions().map(({ deckId, version }) => ({ deckId, version: String(version) }));
}

export function GET({ params }) {
	const version = /^[1-9]\d{0,5}$/.test(params.version) ? Number(params.version) : NaN;
	const released = Number.isFinite(version) ? getReleasedItems(params.deckId, version) : undefined;
	if (!released) error(404, 'No such deck version');
	return json(released);
}
