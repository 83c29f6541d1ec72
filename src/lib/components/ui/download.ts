/**
 * Saves text as a file the browser downloads: a Blob URL clicked through a temporary link.
 * Works offline and under the strict CSP (blob: is allowed), with no server round trip.
 */
export function downloadText(fileName: string, text: string, mimeType: string): void {
	const url = URL.createObjectURL(new Blob([text], { type: mimeType }));
	const link = document.createElement('a');
	link.href = url;
	link.download = fileName;
	link.rel = 'noopener';
	link.style.display = 'none';
	document.body.append(link);
	link.click();
	link.remove();
	// Revoked later, not at once: some browsers start reading the Blob after click() returns.
	setTimeout(() => URL.revokeObjectURL(url), 60_000);
}
