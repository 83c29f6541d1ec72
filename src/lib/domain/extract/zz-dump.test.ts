import { it } from 'vitest';
import { readFileSync } from 'node:fs';
import { parseDocument } from '/work/main/src/lib/domain/extract/sentences.ts';
it('dump', () => {
	for (const f of ['peacekeeping-in-kosovo', 'preventing-a-conflict-relapse-in-kosovo']) {
		const t = readFileSync(`/work/main/questions/kosovo/${f}.txt`, 'utf8');
		const d = parseDocument(t);
		console.log(d.headings.map((h) => h.slug).join('\n'));
		for (const s of d.sentences) console.log(s.index, s.topic.slice(0, 12), s.isSectionStart ? 'S' : ' ', s.isFragment ? 'F' : ' ', JSON.stringify(s.text), t.slice(s.start, s.start + s.text.length) === s.text);
	}
});
