import { readFileSync } from 'fs';
import { classify } from './src/triage';
const rows = readFileSync('/work/shared/data/meqsum/meqsum.jsonl','utf8').trim().split('\n').map(l=>JSON.parse(l).CHQ as string);
const c: Record<string, number> = {};
const ex: string[] = [];
for (const t of rows) { const r = classify(t); c[r.urgency]=(c[r.urgency]??0)+1; if (r.urgency==='emergent' && ex.length<40) ex.push(r.reasons[0]+' || '+t.slice(0,140).replace(/\s+/g,' ')); }
console.log(c); console.log(ex.join('\n'));
