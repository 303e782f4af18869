import { readFileSync } from 'fs';
import { classify } from './src/triage';
for (const l of readFileSync(process.argv[2],'utf8').trim().split('\n')) { const [g,t] = l.split('\t'); const r = classify(t); if (r.urgency !== g) console.log(g.padEnd(12), r.urgency.padEnd(12), t, '|', r.reasons.slice(0,2).join(' ; ')); }
