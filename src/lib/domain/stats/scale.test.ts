import { describe, it, expect } from 'vitest';
import type { AttemptRow, MemoryRow, MemorySnapshot, ReviewRow } from '$lib/domain/types';
import { aggregatesFromReviews } from '$lib/domain/stats/aggregate';
import { forecast } from '$lib/domain/stats/forecast';
import { heatmap, heatmapFromAggregates } from '$lib/domain/stats/heatmap';
import { masteryBySentence, masteryByTopic } from '$lib/domain/stats/mastery';
import { quizHistory } from '$lib/domain/stats/quiz-history';
import {
	retentionByMonth,
	retentionByMonthFromAggregates,
	retentionByWeek,
	retentionByWeekFromAggregates
} from '$lib/domain/stats/retention';
import { factStates } from '$lib/domain/stats/states';
import { todayStats, todayStatsFromAggregates } from '$lib/domain/stats/today';

const DAY_MS = 86_400_000;
const REVIEWS = 50_000;
const FACTS = 2000;
const SENTENCES = 600;
const TOPICS = ['history', 'mandate', 'units', 'places', 'people', 'law', 'dates', 'terms'];

function mulberry32(seed: number): () => number {
	let state = seed >>> 0;
	return () => {
		state = (state + 0x6d2b79f5) >>> 0;
		let t = state;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
}

/** A seeded year of study: reviews in time order, each fact's memory following its reviews. */
function simulate(now: number) {
	const random = mulberry32(2026);
	const pick = (n: number) => Math.floor(random() * n);
	const start = now - 300 * DAY_MS;
	const times = Array.from({ length: REVIEWS }, () => start + pick(300 * DAY_MS)).sort(
		(a, b) => a - b
	);
	const memory = new Map<string, MemorySnapshot>();
	const expected = { newLearned: 0, reviewAnswers: 0, passed: 0, durationMs: 0 };
	const reviews: ReviewRow[] = times.map((reviewedAt) => {
		// Favour a subset so some facts stay unseen.
		const factId = `f${pick(pick(2) === 0 ? FACTS : FACTS * 0.6)}`;
		const before = memory.get(factId) ?? null;
		const rating = (1 + pick(4)) as ReviewRow['rating'];
		const state = (before === null ? 1 : 1 + pick(3)) as MemorySnapshot['state'];
		const stability = state === 2 ? random() * 120 : random() * 2;
		const after: MemorySnapshot = {
			dueAt: reviewedAt + Math.round(stability * DAY_MS),
			stability,
			difficulty: 1 + random() * 9,
			scheduledDays: Math.round(stability),
			learningSteps: 0,
			reps: (before?.reps ?? 0) + 1,
			lapses: (before?.lapses ?? 0) + (rating === 1 ? 1 : 0),
			state,
			lastReviewAt: reviewedAt
		};
		memory.set(factId, after);
		const durationMs = 1000 + pick(20_000);
		if (before === null) expected.newLearned += 1;
		if (before?.state === 2) {
			expected.reviewAnswers += 1;
			if (rating >= 2) expected.passed += 1;
		}
		expected.durationMs += durationMs;
		return {
			id: 0,
			deckId: 'kosovo',
			factId,
			itemId: `${factId}-card`,
			rating,
			reviewedAt,
			elapsedDays: before?.lastReviewAt ? (reviewedAt - before.lastReviewAt) / DAY_MS : 0,
			durationMs,
			before,
			after,
			origin: pick(10) === 0 ? 'quiz' : 'study'
		};
	});
	const memories: MemoryRow[] = [...memory].map(([factId, snapshot]) => ({
		...snapshot,
		key: `kosovo/${factId}`,
		deckId: 'kosovo',
		factId,
		suspended: pick(40) === 0 ? 1 : 0,
		leech: snapshot.lapses >= 8 ? 1 : 0
	}));
	const facts = Array.from({ length: FACTS }, (_, i) => ({
		id: `f${i}`,
		topic: TOPICS[i % TOPICS.length],
		quote: `Sentence ${i % SENTENCES}.`
	}));
	const attempts: AttemptRow[] = Array.from({ length: 300 }, (_, i) => {
		const startedAt = start + pick(300 * DAY_MS);
		const isSubmitted = i % 6 !== 0;
		return {
			id: `a${i}`,
			deckId: 'kosovo',
			kind: 'self',
			itemIds: ['x', 'y', 'z'],
			answers: {},
			config: {},
			startedAt,
			submittedAt: isSubmitted ? startedAt + 300_000 : null,
			score: isSubmitted ? pick(4) / 3 : null,
			durationMs: isSubmitted ? 300_000 : null
		};
	});
	return { reviews, memories, facts, attempts, expected };
}

describe('all statistics over 50,000 reviews', () => {
	it('completes and the totals add up', { timeout: 120_000 }, () => {
		const zone = 'America/New_York';
		const hour = 4;
		const now = Date.parse('2026-04-10T16:00:00Z');
		const { reviews, memories, facts, attempts, expected } = simulate(now);
		expect(reviews).toHaveLength(REVIEWS);

		const aggregates = aggregatesFromReviews(reviews, hour, zone);
		const sum = (key: 'reviews' | 'newLearned' | 'passed' | 'reviewAnswers' | 'durationMs') =>
			[...aggregates.values()].reduce((total, day) => total + day[key], 0);
		expect(sum('reviews')).toBe(REVIEWS);
		expect(sum('newLearned')).toBe(expected.newLearned);
		expect(sum('reviewAnswers')).toBe(expected.reviewAnswers);
		expect(sum('passed')).toBe(expected.passed);
		expect(sum('durationMs')).toBe(expected.durationMs);
		// Each fact is new exactly once.
		expect(expected.newLearned).toBe(memories.length);

		const today = todayStats(reviews, now, hour, zone);
		expect(todayStatsFromAggregates(aggregates, now, hour, zone)).toEqual(today);
		expect(today.reviews).toBe(aggregates.get(today.day)?.reviews ?? 0);
		expect(today.reviews).toBeGreaterThan(0);
		expect(today.streak).toBeGreaterThan(0);

		// The log spans 300 days, all inside the 365-day heatmap.
		const map = heatmap(reviews, now, hour, zone);
		expect(heatmapFromAggregates(aggregates, now, hour, zone)).toEqual(map);
		expect(map.total).toBe(REVIEWS);
		expect(map.days.reduce((total, day) => total + day.count, 0)).toBe(REVIEWS);
		expect(map.days.some((day) => day.level === 4)).toBe(true);

		const weeks = retentionByWeek(reviews, now, hour, zone, 45);
		const months = retentionByMonth(reviews, now, hour, zone, 12);
		expect(retentionByWeekFromAggregates(aggregates, now, hour, zone, 45)).toEqual(weeks);
		expect(retentionByMonthFromAggregates(aggregates, now, hour, zone, 12)).toEqual(months);
		for (const periods of [weeks, months]) {
			expect(periods.reduce((total, p) => total + p.n, 0)).toBe(expected.reviewAnswers);
			expect(periods.reduce((total, p) => total + p.passed, 0)).toBe(expected.passed);
		}

		const schedulable = memories.filter((m) => m.suspended === 0 && m.state !== 0).length;
		const month = forecast(memories, now, hour, zone);
		const all = forecast(memories, now, hour, zone, 1000);
		expect(all.total).toBe(schedulable);
		expect(month.overdue).toBe(all.overdue);
		expect(month.total).toBeLessThanOrEqual(schedulable);
		expect(month.days.reduce((total, day) => total + day.count, 0)).toBe(month.total);

		const states = factStates(
			facts.map((fact) => fact.id),
			memories
		);
		const { total, ...groups } = states.counts;
		expect(total).toBe(FACTS);
		expect(Object.values(groups).reduce((a, b) => a + b, 0)).toBe(FACTS);
		expect(groups.new).toBe(FACTS - memories.length);
		expect(states.difficulty.reduce((a, b) => a + b.count, 0)).toBe(memories.length);
		expect(states.stability.reduce((a, b) => a + b.count, 0)).toBe(memories.length);

		const memoryByFact = new Map(memories.map((m) => [m.factId, m]));
		const topics = masteryByTopic(facts, memoryByFact);
		const sentences = masteryBySentence(facts, memoryByFact);
		expect(topics.reduce((a, t) => a + t.total, 0)).toBe(FACTS);
		expect(topics.reduce((a, t) => a + t.unseen, 0)).toBe(FACTS - memories.length);
		expect(sentences.size).toBe(SENTENCES);
		const bySentence = [...sentences.values()];
		expect(bySentence.reduce((a, s) => a + s.factIds.length, 0)).toBe(FACTS);
		expect(bySentence.reduce((a, s) => a + s.known, 0)).toBe(
			topics.reduce((a, t) => a + t.known, 0)
		);

		const quizzes = quizHistory(attempts, hour, zone);
		expect(quizzes.count).toBe(250);
		expect(quizzes.byDay.reduce((a, d) => a + d.quizzes, 0)).toBe(250);
	});
});
