/**
 * How a link becomes a QR code that scans from a printed sheet: medium error correction (a
 * crease or a smudge still reads) and a length limit past which the code gets too dense to print
 * at a useful size, so the share panel offers the paper and the link instead.
 */

/** Longest link drawn as a QR code (characters); about a version-20 code at level M. */
export const QR_MAX_LINK_LENGTH = 800;
export const QR_ERROR_CORRECTION = 'M' as const;
/** Light modules around the code, as the standard asks. */
export const QR_QUIET_ZONE = 4;

/** The module matrix as the qrcode package gives it: `size` × `size`, row by row. */
export interface QrModules {
	size: number;
	data: ArrayLike<boolean | number>;
}

/** One SVG path for the dark modules, one horizontal run per subpath (short even for big codes). */
export function qrPath(modules: QrModules, quiet = QR_QUIET_ZONE): { size: number; path: string } {
	const { size, data } = modules;
	let path = '';
	for (let row = 0; row < size; row++) {
		let col = 0;
		while (col < size) {
			if (!data[row * size + col]) {
				col++;
				continue;
			}
			const start = col;
			while (col < size && data[row * size + col]) col++;
			path += `M${start + quiet} ${row + quiet}h${col - start}v1h-${col - start}z`;
		}
	}
	return { size: size + quiet * 2, path };
}

/** Dark and light pixels of a drawn code (`scale` pixels per module), as RGBA, for readers. */
export function qrPixels(
	modules: QrModules,
	scale = 4,
	quiet = QR_QUIET_ZONE
): {
	width: number;
	data: Uint8ClampedArray;
} {
	const width = (modules.size + quiet * 2) * scale;
	const data = new Uint8ClampedArray(width * width * 4).fill(255);
	for (let y = 0; y < width; y++) {
		for (let x = 0; x < width; x++) {
			const row = Math.floor(y / scale) - quiet;
			const col = Math.floor(x / scale) - quiet;
			const inside = row >= 0 && col >= 0 && row < modules.size && col < modules.size;
			if (inside && modules.data[row * modules.size + col]) {
				const at = (y * width + x) * 4;
				data[at] = data[at + 1] = data[at + 2] = 0;
			}
		}
	}
	return { width, data };
}
