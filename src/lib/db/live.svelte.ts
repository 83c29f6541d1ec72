/**
 * The one adapter from Dexie live queries to Svelte reactivity. The query runs while some
 * effect or template reads the result, and stops when the last reader is destroyed:
 *
 *   const due = $derived(new LiveQuery(() => loadDueRows(getDb(), deckId, now)));
 *   {#if due.error}…{:else if due.isLoading}…{:else}{due.value.length}{/if}
 */
import { liveQuery } from 'dexie';
import { createSubscriber } from 'svelte/reactivity';

export class LiveQuery<T> {
	#value = $state<T | undefined>(undefined);
	#error = $state<unknown>(undefined);
	#isLoading = $state(true);
	#subscribe: () => void;

	constructor(query: () => T | Promise<T>) {
		this.#subscribe = createSubscriber(() => {
			const subscription = liveQuery(query).subscribe({
				next: (value) => {
					this.#value = value;
					this.#error = undefined;
					this.#isLoading = false;
				},
				error: (error: unknown) => {
					this.#error = error;
					this.#isLoading = false;
				}
			});
			return () => subscription.unsubscribe();
		});
	}

	/** The latest result; undefined until the first one arrives. */
	get value(): T | undefined {
		this.#subscribe();
		return this.#value;
	}

	/** The query's error, if its last run failed. */
	get error(): unknown {
		this.#subscribe();
		return this.#error;
	}

	/** True until the first result or error arrives. */
	get isLoading(): boolean {
		this.#subscribe();
		return this.#isLoading;
	}
}
