import { classify } from './src/triage';
import * as fs from 'fs';
const lines = fs.readFileSync('/work/shared/triage/dev.jsonl','utf8').trim().split('\n').map(l=>JSON.parse(l));
let t=Date.now();
for (const l of lines) { const r = classify(l.text); const ok = r.urgency===l.gold || (l.accept??[]).includes(r.urgency); if(!ok) console.log(l.id, 'gold', l.gold, 'got', r.urgency, JSON.stringify(r.reasons)); }
console.log('ms', Date.now()-t);
