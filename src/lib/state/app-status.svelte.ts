/**
 * What the app shell shows about itself: online or not, ready to work offline, a new version
 * waiting, and whether another tab took the database away. Each `watch*` method wires the
 * browser events once and returns its cleanup, for a component's $effect.
 */
import { onClosedByOtherTab } from '$lib/db/database';

class AppStatus {
	/** navigator.onLine: false means surely offline; true only means a network exists. */
	isOnline = $state(true);
	/** The service worker is active, so every page and deck is cached. */
	isOfflineReady = $state(false);
	/** A new version finished installing and waits for the learner to reload. */
	waitingWorker = $state.raw<ServiceWorker | null>(null);
	/** Another tab activated a new version; this page still runs the old code. */
	isReloadNeeded = $state(false);
	/** Another tab upgraded or deleted the database; this tab no longer writes. */
	isDatabaseClosed = $state(false);

	#isUpdating = false;

	watchConnectivity(): () => void {
		const update = () => (this.isOnline = navigator.onLine);
		update();
		addEventListener('online', update);
		addEventListener('offline', update);
		return () => {
			removeEventListener('online', update);
			removeEventListener('offline', update);
		};
	}

	watchServiceWorker(): () => void {
		if (!('serviceWorker' in navigator)) return () => {};
		const container = navigator.serviceWorker;
		let isActive = true;
		// A page that had no controller is being claimed by the first install: nothing to reload.
		const hadController = container.controller !== null;
		const onControllerChange = () => {
			if (this.#isUpdating) location.reload();
			else if (hadController) this.isReloadNeeded = true;
		};
		container.addEventListener('controllerchange', onControllerChange);
		void container.ready.then((registration) => {
			if (!isActive) return;
			this.isOfflineReady = registration.active !== null;
			this.#trackWaiting(registration);
		});
		return () => {
			isActive = false;
			container.removeEventListener('controllerchange', onControllerChange);
		};
	}

	#trackWaiting(registration: ServiceWorkerRegistration): void {
		const offer = () => {
			// Only an update waits while a controller exists; a first install activates at once.
			if (registration.waiting && navigator.serviceWorker.controller) {
				this.waitingWorker = registration.waiting;
			}
		};
		offer();
		registration.addEventListener('updatefound', () => {
			const installing = registration.installing;
			installing?.addEventListener('statechange', () => {
				if (installing.state === 'installed') offer();
			});
		});
	}

	/** Lets the waiting version take over; the page reloads when it does. */
	applyUpdate(): void {
		if (!this.waitingWorker) {
			location.reload();
			return;
		}
		this.#isUpdating = true;
		this.waitingWorker.postMessage({ type: 'SKIP_WAITING' });
	}

	watchDatabase(): () => void {
		return onClosedByOtherTab(() => (this.isDatabaseClosed = true));
	}
}

/** The one app status, shared by the shell's banners. */
export const appStatus = new AppStatus();
