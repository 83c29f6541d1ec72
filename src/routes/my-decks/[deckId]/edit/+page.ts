// A learner's own deck lives only in this browser's IndexedDB: there is nothing to prerender,
// so the static host serves 200.html and the page renders in the browser.
export const prerender = false;
export const ssr = false;
