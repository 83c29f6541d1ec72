import { describe, expect, it } from 'vitest';
import { shouldRemindBackup } from '$lib/domain/backup/backup-reminder';

const DAY = 24 * 60 * 60 * 1000;
const now = Date.UTC(2025, 5, 1, 12);

describe('shouldRemindBackup', () => {
	it('reminds when the backup is older than 30 days and more than 100 reviews came since', () => {
		expect(shouldRemindBackup({ lastBackupAt: now - 31 * DAY, reviewsSince: 101, now })).toBe(true);
	});

	it('stays quiet at exactly 30 days or exactly 100 reviews', () => {
		expect(shouldRemindBackup({ lastBackupAt: now - 30 * DAY, reviewsSince: 500, now })).toBe(
			false
		);
		expect(shouldRemindBackup({ lastBackupAt: now - 90 * DAY, reviewsSince: 100, now })).toBe(
			false
		);
	});

	it('stays quiet after a recent backup, however much was studied', () => {
		expect(shouldRemindBackup({ lastBackupAt: now - DAY, reviewsSince: 5000, now })).toBe(false);
	});

	it('treats a learner who never backed up as having a stale backup', () => {
		expect(shouldRemindBackup({ lastBackupAt: null, reviewsSince: 101, now })).toBe(true);
		expect(shouldRemindBackup({ lastBackupAt: null, reviewsSince: 40, now })).toBe(false);
	});

	it('stays quiet when an old backup has little new progress to lose', () => {
		expect(shouldRemindBackup({ lastBackupAt: now - 365 * DAY, reviewsSince: 3, now })).toBe(false);
	});
});
