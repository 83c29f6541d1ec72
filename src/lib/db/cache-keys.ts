/**
 * Keys of settings rows that held derived caches, not the learner's choices. /progress's day
 * totals moved to the `reviewTotals` table in schema version 7, whose upgrade deletes the old
 * row; a backup still drops it and an import still clears it, for files and tabs from before.
 */

/** The settings row that held /progress's saved day totals until schema version 7. */
export const AGGREGATE_CACHE_KEY = 'progress-day-aggregates';
