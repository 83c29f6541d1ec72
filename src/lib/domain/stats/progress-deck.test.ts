import { describe, expect, it } from 'vitest';
import { progressDeck } from '$lib/domain/stats/progress-deck';

describe('progressDeck', () => {
	it('groups fact ids under their topics, both in deck order, and drops everything else', () => {
		const deck = {
			id: 'my-notes-1',
			title: 'Notes',
			topics: [
				{ id: 'b', title: 'Second' },
				{ id: 'a', title: 'First' },
				{ id: 'empty', title: 'Nothing yet' }
			],
			facts: [
				{ id: 'f1', topic: 'a' },
				{ id: 'f2', topic: 'b' },
				{ id: 'f3', topic: 'a' },
				{ id: 'stray', topic: 'gone' }
			]
		} as unknown as Parameters<typeof progressDeck>[0];
		expect(progressDeck(deck)).toEqual({
			id: 'my-notes-1',
			title: 'Notes',
			topics: [
				{ id: 'b', title: 'Second', factIds: ['f2'] },
				{ id: 'a', title: 'First', factIds: ['f1', 'f3'] },
				{ id: 'empty', title: 'Nothing yet', factIds: [] }
			]
		});
	});
});
