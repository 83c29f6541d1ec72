import { chromium } from '@playwright/test';
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox'] });
const base = 'http://localhost:4303';
const only = process.argv[2]?.split(',');
const setup = await browser.newContext({ baseURL: base });
const p = await setup.newPage();
await p.goto('/teach/new');
await p.getByLabel('Title').fill('Kosovo peacekeeping: week 3 check');
await p.waitForTimeout(1000);
await p.getByLabel('Number of questions', { exact: true }).fill('6');
await p.getByLabel('Time limit in minutes').fill('20');
await p.getByLabel('Instructions').fill('Work alone. You may not use notes.');
await p.getByRole('button', { name: 'Save and get the link' }).click();
await p.waitForURL(/teach\/[0-9a-z]{10}$/);
const gradebookUrl = p.url();
const link = await p.getByLabel('Link for students').inputValue();
const codes = [];
for (const name of ['Ana Student', 'Ben', 'Chloé Dupont-Marchand']) {
  const s = await (await browser.newContext({ baseURL: base })).newPage();
  await s.goto(link);
  await s.getByLabel('Your name').fill(name);
  await s.getByRole('button', { name: 'Start' }).click();
  await s.waitForTimeout(300);
  const radios = s.getByRole('radio');
  if (await radios.count()) await radios.first().check();
  await s.getByRole('button', { name: 'Submit answers…' }).click();
  await s.getByRole('button', { name: 'Submit now' }).click();
  codes.push(await s.getByLabel('Result code').inputValue());
}
await p.getByLabel('Paste result codes or result links').fill(codes.join('\n') + '\nFD1.r.broken');
await p.getByRole('button', { name: 'Add results' }).click();
await p.waitForTimeout(1000);
const storage = await setup.storageState({ indexedDB: true });
const shots = [
  ['teach', '/teach'],
  ['new', '/teach/new'],
  ['gradebook', gradebookUrl.replace(base, '')],
  ['print', '/teach/print#a=' + link.split('#a=')[1]],
  ['intro', '/assignment#a=' + link.split('#a=')[1]],
  ['error', '/assignment#a=' + link.split('#a=')[1].slice(0, 200)],
].filter(([n]) => !only || only.includes(n));
for (const scheme of ['light', 'dark']) {
  for (const [w, h] of [[360, 800], [1280, 900]]) {
    const ctx = await browser.newContext({ baseURL: base, viewport: { width: w, height: h }, colorScheme: scheme, storageState: storage });
    for (const [name, url] of shots) {
      const page = await ctx.newPage();
      await page.goto(url);
      await page.waitForTimeout(1200);
      if (name === 'gradebook') {
        await page.getByLabel('Paste result codes or result links').fill(codes[0] + '\nFD1.r.broken');
        await page.getByRole('button', { name: 'Add results' }).click();
        await page.waitForTimeout(800);
      }
      if (name === 'new' && w === 360) {
        await page.getByRole('button', { name: 'Save and get the link' }).click();
        await page.waitForTimeout(500);
        await page.screenshot({ path: `/tmp/shot-newerr-${scheme}-${w}.png`, fullPage: true });
        await page.getByLabel('Pick the questions by hand').check();
        await page.waitForTimeout(300);
      }
      if (name === 'intro' && w === 360) {
        await page.getByLabel('Your name').fill('Bo ' + scheme);
        await page.getByRole('button', { name: 'Start' }).click();
        await page.waitForTimeout(500);
        await page.screenshot({ path: `/tmp/shot-run-${scheme}-${w}.png`, fullPage: true });
        await page.getByRole('button', { name: 'Submit answers…' }).click();
        await page.getByRole('button', { name: 'Submit now' }).click();
        await page.waitForTimeout(800);
        await page.screenshot({ path: `/tmp/shot-done-${scheme}-${w}.png`, fullPage: true });
        await page.goto(url); await page.waitForTimeout(800);
      }
      if (name === 'gradebook') { await page.getByRole('heading', { name: /^Results/ }).scrollIntoViewIfNeeded(); await page.evaluate(() => window.scrollBy(0, -20)); await page.screenshot({ path: `/tmp/shot-gbtable-${scheme}-${w}.png` }); } await page.screenshot({ path: `/tmp/shot-${name}-${scheme}-${w}.png`, fullPage: true });
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      if (overflow > 0) console.log('OVERFLOW', name, scheme, w, overflow);
      await page.close();
    }
    await ctx.close();
  }
}
await browser.close();
