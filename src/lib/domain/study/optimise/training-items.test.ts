import { describe, expect, it } from 'vitest';
import {
	buildCardHistories,
	countTrainingItems,
	flattenItems,
	toTrainingItems,
	type LoggedReview
} from './training-items';

const DAY = 86_400_000;
const T0 = Date.UTC(2025, 0, 1, 10);

function review(
	factId: string,
	day: number,
	rating: LoggedReview['rating'],
	elapsedDays: number,
	isNew = false,
	minutes = 0
): LoggedReview {
	return {
		deckId: 'd',
		factId,
		rating,
		reviewedAt: T0 + day * DAY + minutes * 60_000,
		elapsedDays,
		before: isNew ? null : { state: 2 }
	};
}

describe('buildCardHistories', () => {
	it('groups by fact, orders by time and keeps elapsed days, the first as 0', () => {
		const log = [
			review('b', 3, 3, 3),
			review('a', 0, 3, 0, true),
			review('b', 0, 1, 0, true),
			review('a', 2, 4, 2)
		];
		const histories = buildCardHistories(log);
		expect(histories.map((h) => h.key)).toEqual(['d/a', 'd/b']);
		expect(histories[0].reviews).toEqual([
			{ rating: 3, deltaT: 0 },
			{ rating: 4, deltaT: 2 }
		]);
		expect(histories[1].reviews).toEqual([
			{ rating: 1, deltaT: 0 },
			{ rating: 3, deltaT: 3 }
		]);
	});

	it('starts at the last time the fact was new and drops facts never seen new', () => {
		const log = [
			review('a', 0, 3, 0, true),
			review('a', 5, 3, 5),
			review('a', 9, 2, 0, true),
			review('a', 12, 3, 3),
			review('orphan', 4, 3, 4)
		];
		const [history, ...rest] = buildCardHistories(log);
		expect(rest).toEqual([]);
		expect(history.reviews.map((r) => r.deltaT)).toEqual([0, 3]);
		expect(history.reviewedAt).toEqual([T0 + 9 * DAY, T0 + 12 * DAY]);
	});
});

describe('toTrainingItems', () => {
	it('makes one item per later-day review, holding the reviews up to it, oldest first', () => {
		const log = [
			review('a', 0, 3, 0, true),
			review('a', 0, 3, 0, false, 10), // same day: only history
			review('a', 1, 3, 1),
			review('a', 4, 1, 3),
			review('b', 0, 3, 0, true),
			review('b', 2, 3, 2)
		];
		const histories = buildCardHistories(log);
		const items = toTrainingItems(histories);
		expect(countTrainingItems(histories)).toBe(3);
		expect(items.map((item) => item.reviews.length)).toEqual([3, 2, 4]);
		expect(items.map((item) => item.reviewedAt)).toEqual([T0 + DAY, T0 + 2 * DAY, T0 + 4 * DAY]);
		expect(items[2].reviews).toEqual([
			{ rating: 3, deltaT: 0 },
			{ rating: 3, deltaT: 0 },
			{ rating: 3, deltaT: 1 },
			{ rating: 1, deltaT: 3 }
		]);
	});
});

describe('flattenItems', () => {
	it('lays items end to end with their lengths, as fsrs-browser reads them', () => {
		const flat = flattenItems([
			{
				reviews: [
					{ rating: 3, deltaT: 0 },
					{ rating: 2, deltaT: 2 }
				],
				reviewedAt: 1
			},
			{
				reviews: [
					{ rating: 1, deltaT: 0 },
					{ rating: 3, deltaT: 1 },
					{ rating: 4, deltaT: 5 }
				],
				reviewedAt: 2
			}
		]);
		expect(Array.from(flat.ratings)).toEqual([3, 2, 1, 3, 4]);
		expect(Array.from(flat.deltaTs)).toEqual([0, 2, 0, 1, 5]);
		expect(Array.from(flat.lengths)).toEqual([2, 3]);
	});
});
