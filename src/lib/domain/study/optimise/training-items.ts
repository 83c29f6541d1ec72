/**
 * The review log as fsrs-rs training data. fsrs-rs learns from "items": one per review after a
 * fact's first, each holding the fact's reviews up to and including that one as (rating,
 * delta_t in days), the last being the answer to predict. Items whose last review came the same
 * study day as the one before (delta_t 0) are left out, as fsrs-rs's own Anki converter does;
 * those same-day reviews still appear inside later items' histories.
 */

/** The part of a stored review the optimiser needs (a schema ReviewRow fits). */
export interface LoggedReview {
	deckId: string;
	factId: string;
	/** 1 Again, 2 Hard, 3 Good, 4 Easy */
	rating: 1 | 2 | 3 | 4;
	/** Epoch ms. */
	reviewedAt: number;
	/** Study days since the fact's previous review (0 for the first and for same-day reviews). */
	elapsedDays: number;
	/** The memory before the answer: null (or state 0) when the fact was new. */
	before: { state: 0 | 1 | 2 | 3 } | null;
}

/** One review as FSRS sees it. */
export interface FsrsReview {
	rating: 1 | 2 | 3 | 4;
	/** Whole study days since the previous review; 0 for the first. */
	deltaT: number;
}

/** One fact's reviews since it was last new, oldest first. */
export interface CardHistory {
	key: string;
	reviews: FsrsReview[];
	/** Epoch ms of each review, parallel to `reviews`. */
	reviewedAt: number[];
}

/** One training item: a fact's reviews up to the one to predict (the last). */
export interface TrainingItem {
	reviews: FsrsReview[];
	/** Epoch ms of the last review; fsrs-rs weights recent items more and expects this order. */
	reviewedAt: number;
}

/** Items in the flat form fsrs-browser's computeParameters takes. */
export interface FlatItems {
	ratings: Uint32Array;
	deltaTs: Uint32Array;
	/** Reviews per item. */
	lengths: Uint32Array;
}

const isNewBefore = (review: LoggedReview) => review.before === null || review.before.state === 0;

/**
 * Each fact's history, from its last review as a new fact (older reviews belong to a memory
 * that was reset), in review order. Facts never seen as new in the log are left out, since
 * their first review's memory is unknown. Histories come back sorted by key.
 */
export function buildCardHistories(reviews: Iterable<LoggedReview>): CardHistory[] {
	const byFact = new Map<string, LoggedReview[]>();
	for (const review of reviews) {
		const key = `${review.deckId}/${review.factId}`;
		const list = byFact.get(key);
		if (list) list.push(review);
		else byFact.set(key, [review]);
	}
	const histories: CardHistory[] = [];
	for (const [key, list] of byFact) {
		list.sort((a, b) => a.reviewedAt - b.reviewedAt);
		let start = -1;
		for (let i = list.length - 1; i >= 0; i--) {
			if (isNewBefore(list[i])) {
				start = i;
				break;
			}
		}
		if (start < 0) continue;
		const kept = list.slice(start);
		histories.push({
			key,
			reviews: kept.map((review, i) => ({
				rating: review.rating,
				deltaT: i === 0 ? 0 : Math.max(0, Math.floor(review.elapsedDays))
			})),
			reviewedAt: kept.map((review) => review.reviewedAt)
		});
	}
	return histories.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
}

/** Training items of the histories, oldest last review first. */
export function toTrainingItems(histories: readonly CardHistory[]): TrainingItem[] {
	const items: TrainingItem[] = [];
	for (const history of histories) {
		for (let i = 1; i < history.reviews.length; i++) {
			if (history.reviews[i].deltaT === 0) continue;
			items.push({ reviews: history.reviews.slice(0, i + 1), reviewedAt: history.reviewedAt[i] });
		}
	}
	return items.sort((a, b) => a.reviewedAt - b.reviewedAt);
}

/** How many training items the histories make, without building them. */
export function countTrainingItems(histories: readonly CardHistory[]): number {
	let count = 0;
	for (const history of histories) {
		for (let i = 1; i < history.reviews.length; i++) if (history.reviews[i].deltaT > 0) count++;
	}
	return count;
}

/** The items as three flat arrays (ratings, delta_ts, lengths) for fsrs-browser. */
export function flattenItems(items: readonly TrainingItem[]): FlatItems {
	let total = 0;
	for (const item of items) total += item.reviews.length;
	const ratings = new Uint32Array(total);
	const deltaTs = new Uint32Array(total);
	const lengths = new Uint32Array(items.length);
	let at = 0;
	items.forEach((item, index) => {
		lengths[index] = item.reviews.length;
		for (const review of item.reviews) {
			ratings[at] = review.rating;
			deltaTs[at] = review.deltaT;
			at++;
		}
	});
	return { ratings, deltaTs, lengths };
}
