/**
 * What waits to be studied, deck by deck, and what was answered today: the numbers home shows
 * beside each deck ("Study 12 due"), read by the same functions as the study header, so the two
 * agree at every moment.
 */
import { countToday, getSettings, loadStudyQueue } from '$lib/db/study-repository';
import { studyDayStart } from '$lib/domain/study/study-day';
import { studyFactIds, sumCounts, type QueueCounts } from '$lib/domain/study/study-queue';
import type { TodayCounts } from '$lib/domain/study/today-counts';
import { BROWSER_STUDY_DEPS, type StudyDeps } from '$lib/state/study-session.svelte';

export interface DeckOverview {
	deckId: string;
	title: string;
	/** Cards a study session of this deck would show now, within today's limits. */
	counts: QueueCounts;
	/** What was answered today in this deck. */
	today: TodayCounts;
}

export interface StudyOverview {
	decks: DeckOverview[];
	/** The decks' counts together (what "Study all decks" would show). */
	total: QueueCounts;
	/** What was answered today in every deck (what /progress counts). */
	today: TodayCounts;
}

/** Each deck's counts as of now, and today's answers; rejects when a deck or storage fails. */
export async function loadStudyOverview(
	deckIds: readonly string[],
	deps: Pick<StudyDeps, 'db' | 'now' | 'loadDeck'> = BROWSER_STUDY_DEPS
): Promise<StudyOverview> {
	const db = deps.db();
	const now = deps.now();
	const settings = await getSettings(db);
	const dayStart = studyDayStart(now, settings.dayStartHour);
	const decks = await Promise.all(
		deckIds.map(async (deckId): Promise<DeckOverview> => {
			const deck = await deps.loadDeck(deckId);
			const read = await loadStudyQueue(db, deckId, studyFactIds(deck), now, settings, dayStart);
			return { deckId, title: deck.title, counts: read.queue.counts, today: read.today };
		})
	);
	return {
		decks,
		total: sumCounts(decks.map((deck) => deck.counts)),
		today: await countToday(db, null, dayStart)
	};
}
