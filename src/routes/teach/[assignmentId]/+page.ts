// A teacher's gradebook lives only in their browser, so there is nothing to prerender: the static
// host serves 200.html for it and the page renders from IndexedDB.
export const prerender = false;
export const ssr = false;

export function load({ params }) {
	return { assignmentId: params.assignmentId };
}
