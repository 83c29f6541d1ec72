/**
 * The two steps of a destructive action: a first press asks, a second one does it. Focus moves
 * to the confirming control and back, so a keyboard user never loses their place.
 */
import { tick } from 'svelte';
import { describeError } from '$lib/domain/errors';

export class ConfirmStep {
	isConfirming = $state(false);
	isBusy = $state(false);
	error = $state('');

	/** Shows the confirmation, then focuses what `focus` returns once it is on screen. */
	async ask(focus: () => HTMLElement | undefined): Promise<void> {
		this.isConfirming = true;
		this.error = '';
		await tick();
		focus()?.focus();
	}

	/** Backs out, then focuses the control that asked. */
	async cancel(focus: () => HTMLElement | undefined): Promise<void> {
		this.isConfirming = false;
		await tick();
		focus()?.focus();
	}

	/** Runs the action; on failure keeps everything, and says why after `failure`. */
	async confirm(action: () => Promise<void>, failure: string): Promise<void> {
		this.isBusy = true;
		this.error = '';
		try {
			await action();
		} catch (caught) {
			this.error = `${failure}: ${describeError(caught)}`;
			this.isBusy = false;
		}
	}
}
