// Renders the app icons (PNG, plain and maskable) from the SVG mark with the system Chromium.
// Run once when the mark changes: node scripts/make-icons.js
import { chromium } from '@playwright/test';
import { browserLaunchOptions } from './browser.js';

const mark = (/** @type {number} */ padding) => `
<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 100 100" width="100%" height="100%">
  <rect width="100" height="100" fill="#2b5a86"/>
  <g transform="translate(${padding} ${padding}) scale(${(100 - 2 * padding) / 100})">
    <rect x="16" y="24" width="60" height="60" rx="10" fill="#c9d9ea"/>
    <rect x="26" y="14" width="60" height="60" rx="10" fill="#ffffff"/>
    <path d="M40 34h32M40 45h22M40 56h28" stroke="#2b5a86" stroke-width="6" stroke-linecap="round"/>
  </g>
</svg>`;

const browser = await chromium.launch(browserLaunchOptions());
const page = await browser.newPage();
/** @type {Array<[string, number, number]>} */
const icons = [
	['icon-192.png', 192, 8],
	['icon-512.png', 512, 8],
	['maskable-512.png', 512, 20]
];
for (const [name, size, padding] of icons) {
	await page.setViewportSize({ width: size, height: size });
	await page.setContent(`<style>html,body{margin:0}</style>${mark(padding)}`);
	await page.screenshot({ path: `static/icons/${name}` });
}
await browser.close();
