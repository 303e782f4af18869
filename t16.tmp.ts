import { readFileSync } from 'fs';
import { classify } from './src/triage';
const rows = readFileSync('/work/shared/data/meqsum/meqsum.jsonl','utf8').trim().split('\n').map(l=>JSON.parse(l).CHQ as string);
for (const t of rows) { const r = classify(t); if (r.urgency==='urgent') console.log(r.reasons[0].slice(0,70), '||', t.slice(0,110).replace(/\s+/g,' ')); }
