import { readFileSync } from 'fs';
import { classify } from './src/triage';
for (const t of readFileSync(process.argv[2],'utf8').trim().split('\n')) { const r = classify(t); if (r.urgency !== process.argv[3]) console.log(r.urgency.padEnd(12), t, '|', r.reasons.slice(0,2).join(' ; ')); }
