export function entries() {
	return [{ deckId: 'kosovo' }];
}
