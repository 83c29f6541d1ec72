/**
 * The study settings form's rules: text from the fields in, either valid settings or a plain
 * message per field out. The scheduler's validateSettings stays the one authority on ranges.
 */
import { type StudySettings, validateSettings } from '$lib/domain/study/study-settings';

/**
 * The fields the form edits (fitted parameters are the optimiser's; the maximum interval, load
 * balancing and the decks' own retentions are Settings → Scheduling's).
 */
export type SettingsField = 'newPerDay' | 'reviewsPerDay' | 'desiredRetention' | 'dayStartHour';

/** What the form saves. */
export type SettingsFormValue = Pick<StudySettings, SettingsField>;

/** The form's raw text, one entry per field. */
export type SettingsFormText = Record<SettingsField, string>;

export type SettingsFormResult =
	| { ok: true; value: SettingsFormValue }
	| { ok: false; errors: Partial<Record<SettingsField, string>> };

const MESSAGES: Record<SettingsField, string> = {
	newPerDay: 'New facts per day must be a whole number from 0 to 9999.',
	reviewsPerDay: 'Reviews per day must be a whole number from 0 to 9999.',
	desiredRetention: 'Desired retention must be a number from 0.80 to 0.97.',
	dayStartHour: 'The study day must start at a whole hour from 0 to 23.'
};

const FIELDS = Object.keys(MESSAGES) as SettingsField[];

/** Settings as the form's text: retention with two decimals ("0.90"). */
export function settingsToText(settings: SettingsFormValue): SettingsFormText {
	return {
		newPerDay: String(settings.newPerDay),
		reviewsPerDay: String(settings.reviewsPerDay),
		desiredRetention: settings.desiredRetention.toFixed(2),
		dayStartHour: String(settings.dayStartHour)
	};
}

function toNumber(text: string): number {
	const trimmed = text.trim();
	// Number('') is 0, which would quietly turn an emptied field into a valid setting.
	if (!/^-?\d+(\.\d+)?$/.test(trimmed)) return Number.NaN;
	return Number(trimmed);
}

/** Reads the form's text into settings, or a message for each field that is wrong. */
export function parseSettingsForm(text: SettingsFormText): SettingsFormResult {
	const candidate = Object.fromEntries(FIELDS.map((field) => [field, toNumber(text[field])]));
	const result = validateSettings(candidate);
	if (result.ok) {
		const { newPerDay, reviewsPerDay, desiredRetention, dayStartHour } = result.value;
		return { ok: true, value: { newPerDay, reviewsPerDay, desiredRetention, dayStartHour } };
	}
	const errors: Partial<Record<SettingsField, string>> = {};
	for (const field of FIELDS) {
		if (result.errors.some((error) => error.startsWith(field))) errors[field] = MESSAGES[field];
	}
	return { ok: false, errors };
}
