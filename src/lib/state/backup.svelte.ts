/**
 * The backup screen's flow: export a file; import one in three steps (choose a file, which is
 * validated whole; see what it will change; confirm, which writes in one transaction).
 */
import { getDb } from '$lib/db/database';
import {
	applyImport,
	createBackup,
	previewImport,
	recordBackupMade
} from '$lib/db/backup-repository';
import { describeError } from '$lib/domain/errors';
import {
	MAX_BACKUP_CHARS,
	backupFileName,
	parseBackup,
	type BackupFile
} from '$lib/domain/backup/backup-schema';
import type { ImportMode, ImportSummary } from '$lib/domain/backup/backup-merge';

/** Hands a finished file to the browser (the component passes its download helper). */
export type SaveFile = (fileName: string, text: string, mimeType: string) => void;

export type ImportPhase = 'idle' | 'reading' | 'preview' | 'importing' | 'done';

export class BackupFlow {
	isExporting = $state(false);
	exportMessage = $state<string | null>(null);
	exportError = $state<string | null>(null);

	phase = $state<ImportPhase>('idle');
	mode = $state<ImportMode>('merge');
	fileName = $state<string | null>(null);
	importError = $state<string | null>(null);
	preview = $state.raw<ImportSummary | null>(null);
	result = $state.raw<ImportSummary | null>(null);

	#backup: BackupFile | null = null;

	/** Downloads every table as one JSON file and remembers when. */
	async exportNow(save: SaveFile, now = Date.now()): Promise<void> {
		this.isExporting = true;
		this.exportError = null;
		this.exportMessage = null;
		try {
			const db = getDb();
			const { file, problem } = await createBackup(db, now);
			const name = backupFileName(now);
			save(name, JSON.stringify(file), 'application/json');
			await recordBackupMade(db, now);
			const reviews = file.tables.reviews.length;
			this.exportMessage = `Saved ${name} with ${reviews} ${reviews === 1 ? 'review' : 'reviews'}.`;
			if (problem) {
				this.exportError = `The backup was saved, but Factdeck would refuse to import part of it (${problem}). Please report this.`;
			}
		} catch (error) {
			this.exportError = describeError(error);
		} finally {
			this.isExporting = false;
		}
	}

	/** Reads and validates the whole file; nothing is written, and a bad file changes nothing. */
	async chooseFile(file: File): Promise<void> {
		this.reset();
		this.fileName = file.name;
		if (file.size > MAX_BACKUP_CHARS) {
			this.importError = 'This file is too large to be a Factdeck backup.';
			return;
		}
		this.phase = 'reading';
		let text: string;
		try {
			text = await file.text();
		} catch {
			this.phase = 'idle';
			this.importError = 'This file could not be read. Choose it again.';
			return;
		}
		const parsed = parseBackup(text);
		if (!parsed.ok) {
			this.phase = 'idle';
			this.importError = parsed.error;
			return;
		}
		this.#backup = parsed.value;
		await this.#refreshPreview();
	}

	async setMode(mode: ImportMode): Promise<void> {
		this.mode = mode;
		if (this.#backup && this.phase === 'preview') await this.#refreshPreview();
	}

	async #refreshPreview(): Promise<void> {
		if (!this.#backup) return;
		try {
			this.preview = await previewImport(getDb(), this.#backup, this.mode);
			this.phase = 'preview';
		} catch (error) {
			this.phase = 'idle';
			this.importError = describeError(error);
		}
	}

	/** Writes the previewed import in one transaction; on failure nothing was written. */
	async confirm(): Promise<void> {
		if (!this.#backup || this.phase !== 'preview') return;
		this.phase = 'importing';
		this.importError = null;
		try {
			this.result = await applyImport(getDb(), this.#backup, this.mode);
			this.phase = 'done';
			this.#backup = null;
		} catch (error) {
			this.phase = 'preview';
			this.importError = `Nothing was imported. ${describeError(error)}`;
		}
	}

	reset(): void {
		this.#backup = null;
		this.phase = 'idle';
		this.fileName = null;
		this.importError = null;
		this.preview = null;
		this.result = null;
	}
}
