/**
 * When the last backup was made, and how much was studied since: small on purpose, so the home
 * page's backup reminder does not pull the backup schemas into its first load.
 */
import type { FactdeckDB } from '$lib/db/schema';

/** The settings row that remembers the last backup; it travels in backups like any setting. */
export const BACKUP_SETTING_KEY = 'backup';

/** Remembers that a backup was saved at `now` (epoch ms), for the backup reminder. */
export async function recordBackupMade(db: FactdeckDB, now: number): Promise<void> {
	await db.settings.put({ key: BACKUP_SETTING_KEY, value: { lastBackupAt: now } });
}

export interface BackupStatus {
	/** Epoch ms, or null when this device never saved a backup. */
	lastBackupAt: number | null;
	/** Reviews recorded after the last backup (all reviews without one). */
	reviewsSince: number;
}

/** When the last backup was made and how many reviews came since. */
export async function readBackupStatus(db: FactdeckDB): Promise<BackupStatus> {
	return db.transaction('r', db.settings, db.reviews, async () => {
		const row = await db.settings.get(BACKUP_SETTING_KEY);
		const stored = (row?.value as { lastBackupAt?: unknown } | undefined)?.lastBackupAt;
		const lastBackupAt = typeof stored === 'number' && Number.isFinite(stored) ? stored : null;
		const reviewsSince =
			lastBackupAt === null
				? await db.reviews.count()
				: await db.reviews.where('reviewedAt').above(lastBackupAt).count();
		return { lastBackupAt, reviewsSince };
	});
}
