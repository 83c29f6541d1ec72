/**
 * The backup screen's flow: export a file; import one in three steps (choose a file, which is
 * validated whole; see what it will change; confirm, which writes in one transaction). Every
 * import first keeps an automatic backup of this device, which `chooseAutoBackup` brings back
 * through the same three steps.
 */
import type { FactdeckDB } from '$lib/db/schema';
import {
	applyImport,
	checkData,
	createBackup,
	listAutoBackups,
	previewImport,
	readAutoBackup,
	recordBackupMade,
	repairData,
	type AutoBackupInfo
} from '$lib/db/backup-repository';
import { describeError } from '$lib/domain/errors';
import {
	MAX_BACKUP_CHARS,
	backupFileName,
	parseBackup,
	type BackupFile
} from '$lib/domain/backup/backup-schema';
import type { ImportMode, ImportSummary } from '$lib/domain/backup/backup-merge';
import type { DataFix } from '$lib/domain/backup/data-check';

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

	/** The automatic backups on this device, newest first (null until first read). */
	autoBackups = $state.raw<AutoBackupInfo[] | null>(null);

	#backup: BackupFile | null = null;
	#db: () => FactdeckDB;
	#now: () => number;

	/**
	 * `db` is asked for when first needed (the page is prerendered, and IndexedDB exists only
	 * in the browser); `now` is the clock, epoch ms.
	 */
	constructor(db: () => FactdeckDB, now: () => number) {
		this.#db = db;
		this.#now = now;
	}

	/** Reads the list of automatic backups. */
	async loadAutoBackups(): Promise<void> {
		try {
			this.autoBackups = await listAutoBackups(this.#db());
		} catch (error) {
			this.importError = describeError(error);
		}
	}

	/** Downloads every table as one JSON file and remembers when. */
	async exportNow(save: SaveFile): Promise<void> {
		this.isExporting = true;
		this.exportError = null;
		this.exportMessage = null;
		try {
			const db = this.#db();
			const now = this.#now();
			const { file, problem } = await createBackup(db, now);
			const name = backupFileName(now);
			save(name, JSON.stringify(file), 'application/json');
			await recordBackupMade(db, now);
			const reviews = file.tables.reviews.length;
			this.exportMessage = `Saved ${name} with ${reviews} ${reviews === 1 ? 'review' : 'reviews'}.`;
			if (problem) {
				this.exportError = `The backup was saved, but Factdeck would refuse to import part of it (${problem}). Use “Check the data” below to repair it, then download a new backup.`;
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
		this.#read(text);
		await this.#refreshPreview();
	}

	/** Brings back an automatic backup: replace is chosen, and the preview shows what it does. */
	async chooseAutoBackup(backup: AutoBackupInfo, label: string): Promise<void> {
		this.reset();
		this.fileName = label;
		this.mode = 'replace';
		this.phase = 'reading';
		try {
			const text = await readAutoBackup(this.#db(), backup.id);
			if (text === undefined) {
				this.phase = 'idle';
				this.importError = 'This automatic backup is no longer on this device.';
				return;
			}
			this.#read(text);
		} catch (error) {
			this.phase = 'idle';
			this.importError = describeError(error);
			return;
		}
		await this.#refreshPreview();
	}

	#read(text: string): void {
		const parsed = parseBackup(text, this.#now());
		if (!parsed.ok) {
			this.phase = 'idle';
			this.importError = parsed.error;
			return;
		}
		this.#backup = parsed.value;
	}

	async setMode(mode: ImportMode): Promise<void> {
		this.mode = mode;
		if (this.#backup && this.phase === 'preview') await this.#refreshPreview();
	}

	async #refreshPreview(): Promise<void> {
		if (!this.#backup) return;
		try {
			this.preview = await previewImport(this.#db(), this.#backup, this.mode, this.#now());
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
			const reason = `Before ${this.mode === 'replace' ? 'restoring' : 'merging'} ${this.fileName ?? 'a backup'}`;
			this.result = await applyImport(this.#db(), this.#backup, this.mode, this.#now(), reason);
			this.phase = 'done';
			this.#backup = null;
			await this.loadAutoBackups();
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

export type DataCheckPhase = 'idle' | 'checking' | 'found' | 'repairing' | 'done';

/**
 * "Check the data": find the rows a page or a backup cannot take, list them, and on request
 * repair or remove them in one transaction (after an automatic backup).
 */
export class DataCheckFlow {
	phase = $state<DataCheckPhase>('idle');
	fixes = $state.raw<DataFix[]>([]);
	error = $state<string | null>(null);

	#db: () => FactdeckDB;
	#now: () => number;

	constructor(db: () => FactdeckDB, now: () => number) {
		this.#db = db;
		this.#now = now;
	}

	/** Looks at every row; writes nothing. */
	async check(): Promise<void> {
		this.phase = 'checking';
		this.error = null;
		try {
			this.fixes = await checkData(this.#db(), this.#now());
			this.phase = this.fixes.length === 0 ? 'done' : 'found';
		} catch (error) {
			this.phase = 'idle';
			this.error = describeError(error);
		}
	}

	/** Repairs or removes what `check` found (found again, inside the write). */
	async repair(): Promise<void> {
		if (this.phase !== 'found') return;
		this.phase = 'repairing';
		this.error = null;
		try {
			this.fixes = await repairData(this.#db(), this.#now());
			this.phase = 'done';
		} catch (error) {
			this.phase = 'found';
			this.error = `Nothing was changed. ${describeError(error)}`;
		}
	}
}
