/**
 * When to remind the learner to back up: progress lives only in this browser, and clearing site
 * data or losing the device loses it. The rule nags only when there is something real to lose.
 */

const DAY_MS = 24 * 60 * 60 * 1000;

/** A backup older than this many days counts as stale. */
export const BACKUP_STALE_DAYS = 30;
/** More reviews than this since the last backup make a stale backup worth renewing. */
export const BACKUP_REVIEW_THRESHOLD = 100;

export interface BackupReminderInput {
	/** Epoch ms of the last backup export, or null when there never was one. */
	lastBackupAt: number | null;
	/** Reviews recorded since the last backup (all reviews when there was none). */
	reviewsSince: number;
	/** Epoch ms. */
	now: number;
}

/** True when the last backup is older than 30 days (or missing) and over 100 reviews came since. */
export function shouldRemindBackup({
	lastBackupAt,
	reviewsSince,
	now
}: BackupReminderInput): boolean {
	const isStale = lastBackupAt === null || now - lastBackupAt > BACKUP_STALE_DAYS * DAY_MS;
	return isStale && reviewsSince > BACKUP_REVIEW_THRESHOLD;
}
