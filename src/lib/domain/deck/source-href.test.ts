import { describe, expect, it } from 'vitest';
import { deckHref, sourceHref } from '$lib/domain/deck/source-href';

describe('sourceHref', () => {
	it('links a built-in deck to its prerendered source page, at the fact', () => {
		expect(sourceHref('kosovo', 'peacekeeping-in-kosovo', 'unmik-1999')).toBe(
			'/decks/kosovo/sources/peacekeeping-in-kosovo#f-unmik-1999'
		);
	});

	it('links a user deck (my-…) to its one client-only source reader, whatever the document id', () => {
		expect(sourceHref('my-river-notes-abc123', 'river', 'river-1856-x1')).toBe(
			'/my-decks/my-river-notes-abc123/source#f-river-1856-x1'
		);
	});

	it('never lets an odd id break out of its path segment', () => {
		expect(sourceHref('kosovo', 'a/b', 'f 1')).toBe('/decks/kosovo/sources/a%2Fb#f-f%201');
	});
});

describe('deckHref', () => {
	it('sends built-in decks to /decks and user decks to /my-decks', () => {
		expect(deckHref('kosovo')).toBe('/decks/kosovo');
		expect(deckHref('my-notes-1')).toBe('/my-decks/my-notes-1');
	});
});
