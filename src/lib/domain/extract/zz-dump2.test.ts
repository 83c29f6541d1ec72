import { it } from 'vitest';
import { readFileSync } from 'node:fs';
import { extractFacts } from './extract-facts.ts';
import { loadNlp } from './nlp.ts';
it('perf', async () => {
	const base = readFileSync('/work/main/questions/kosovo/preventing-a-conflict-relapse-in-kosovo.txt', 'utf8') + '\n' + readFileSync('/work/main/questions/kosovo/peacekeeping-in-kosovo.txt', 'utf8');
	let text = '';
	let i = 0;
	while (text.split(/\s+/).length < 50000) { text += `\n## Part ${i}\n` + base.replace(/\d{4}/g, (y) => String(Number(y) + (i % 50))).replace(/42,000/g, `${40 + i},000`); i++; }
	let t0 = performance.now();
	const r = extractFacts(text, { documentId: 'big' });
	console.log('words', text.split(/\s+/).length, 'facts', r.facts.length, 'ms', performance.now() - t0);
	const nlp = await loadNlp();
	t0 = performance.now();
	const r2 = extractFacts(text, { documentId: 'big', nlp });
	console.log('nlp facts', r2.facts.length, 'ms', performance.now() - t0);
}, 120000);
