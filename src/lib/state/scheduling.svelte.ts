/**
 * Settings → Scheduling's limits and rescheduling: the maximum interval, load balancing and each
 * deck's own desired retention (Anki keeps these in deck option presets; here a deck either
 * uses the global retention or names its own), and rescheduling the facts in review, told in
 * plain words before it is done.
 */
import type { FactdeckDB } from '$lib/db/schema';
import { getSettings, updateSettings } from '$lib/db/study-repository';
import { listUserDecks } from '$lib/db/user-decks-repository';
import { previewReschedule, rescheduleReviews } from '$lib/db/reschedule-repository';
import { describeError } from '$lib/domain/errors';
import { describeReschedule, type ReschedulePlan } from '$lib/domain/study/reschedule';
import {
	deckChoices,
	overridesFromChoices,
	parseMaximumInterval,
	type DeckRetentionChoice
} from '$lib/domain/study/scheduling-form';
import type { DeckRetention } from '$lib/domain/study/study-settings';

export interface DeckTitle {
	id: string;
	title: string;
}

export class SchedulingLimits {
	status = $state<'loading' | 'ready' | 'failed'>('loading');
	maximumIntervalText = $state('');
	loadBalance = $state(true);
	/** The global desired retention, shown beside "use the global retention". */
	globalRetention = $state(0.9);
	decks = $state<DeckRetentionChoice[]>([]);
	maximumIntervalError = $state('');
	message = $state('');
	isSaving = $state(false);

	#db: FactdeckDB;
	#saved: readonly DeckRetention[] = [];

	constructor(db: FactdeckDB) {
		this.#db = db;
	}

	/** Reads the saved settings and the decks: the built-in ones given, then your own. */
	async load(builtIn: readonly DeckTitle[]): Promise<void> {
		try {
			const [settings, own] = await Promise.all([getSettings(this.#db), listUserDecks(this.#db)]);
			this.#saved = settings.deckRetention;
			this.maximumIntervalText = String(settings.maximumInterval);
			this.loadBalance = settings.loadBalance;
			this.globalRetention = settings.desiredRetention;
			const ownDecks = own.filter((deck) => !builtIn.some((b) => b.id === deck.id));
			this.decks = deckChoices([...builtIn, ...ownDecks], settings.deckRetention);
			this.status = 'ready';
		} catch (error) {
			this.status = 'failed';
			this.message = describeError(error);
		}
	}

	/** Saves the limits; applies to answers from now on (rescheduling is a separate step). */
	async save(): Promise<boolean> {
		this.message = '';
		const maximum = parseMaximumInterval(this.maximumIntervalText);
		this.maximumIntervalError = maximum.ok ? '' : maximum.error;
		if (!maximum.ok) {
			this.message = 'Not saved: please correct the field marked below.';
			return false;
		}
		this.isSaving = true;
		try {
			const deckRetention = overridesFromChoices(this.decks, this.#saved);
			const result = await updateSettings(this.#db, {
				maximumInterval: maximum.value,
				loadBalance: this.loadBalance,
				deckRetention
			});
			if (!result.ok) {
				this.message = `Not saved: ${result.errors.join('; ')}.`;
				return false;
			}
			this.#saved = result.value.deckRetention;
			this.globalRetention = result.value.desiredRetention;
			this.message =
				'Scheduling saved. It applies to your next answers; reschedule below to move facts already scheduled.';
			return true;
		} catch (error) {
			this.message = `Not saved: ${describeError(error)}`;
			return false;
		} finally {
			this.isSaving = false;
		}
	}
}

export class Rescheduling {
	/** The plan read before asking, null until asked. */
	plan = $state.raw<ReschedulePlan | null>(null);
	message = $state('');

	readonly planText = $derived(this.plan ? describeReschedule(this.plan) : '');
	readonly hasChanges = $derived((this.plan?.moved.length ?? 0) > 0);

	#db: FactdeckDB;
	#now: () => number;

	constructor(db: FactdeckDB, now: () => number) {
		this.#db = db;
		this.#now = now;
	}

	/** Reads what rescheduling with the saved settings would move; writes nothing. */
	async preview(): Promise<void> {
		this.message = '';
		this.plan = await previewReschedule(this.#db, this.#now());
	}

	/** Reschedules in one transaction and says what moved. */
	async apply(): Promise<void> {
		const done = await rescheduleReviews(this.#db, this.#now());
		this.plan = null;
		const n = done.moved.length;
		this.message =
			n === 0
				? 'Nothing needed rescheduling.'
				: `Rescheduled ${n === 1 ? '1 fact' : `${n} facts`}: ${done.sooner} sooner, ${done.later} later.`;
	}

	cancel(): void {
		this.plan = null;
	}
}
