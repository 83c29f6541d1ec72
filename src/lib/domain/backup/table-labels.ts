import type { TableName } from '$lib/domain/backup/backup-schema';

/** Each table in the learner's words, for counts and import previews. */
export const TABLE_LABELS: Record<TableName, string> = {
	memory: 'Facts studied',
	reviews: 'Reviews',
	settings: 'Settings',
	attempts: 'Quiz attempts',
	assignments: 'Assignments',
	results: 'Student results',
	userDecks: 'Your own decks'
};
