/**
 * Keys of settings rows that hold derived caches, not the learner's choices: a backup drops them
 * and an import or an answer that changes the past invalidates them. Kept apart from the
 * repositories that build them, so code that only invalidates a cache does not load its builder.
 */

/** The settings row that holds /progress's saved day totals. */
export const AGGREGATE_CACHE_KEY = 'progress-day-aggregates';
