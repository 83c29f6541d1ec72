// Every page is prerendered: content pages paint without JavaScript, and pages whose data
// lives in IndexedDB prerender their shell and load that data in the browser.
export const prerender = true;
export const trailingSlash = 'never';
