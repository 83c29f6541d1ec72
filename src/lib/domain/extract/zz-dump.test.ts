import { it } from 'vitest';
import { readFileSync } from 'node:fs';
import { extractFacts } from './extract-facts.ts';
it('dump', () => {
	for (const f of ['peacekeeping-in-kosovo', 'preventing-a-conflict-relapse-in-kosovo']) {
		const t = readFileSync(`/work/main/questions/kosovo/${f}.txt`, 'utf8');
		const r = extractFacts(t, { documentId: f });
		console.log(f, r.facts.length, r.warnings);
		for (const x of r.facts) console.log(`[${x.answerKind}] ${x.answer} | Q: ${x.question} | D: ${(x.distractors ?? []).join('; ')}${x.when ? ` | WHEN ${x.when}: ${x.event}` : ''}${x.term ? ` | TERM ${x.term} = ${x.meaning}` : ''}${x.alternatives ? ` | ALT ${x.alternatives}` : ''}`);
	}
});
