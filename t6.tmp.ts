import * as fs from 'fs';
import { classify } from './src/triage';
const lines = fs.readFileSync('/work/shared/triage/dev.jsonl','utf8').trim().split('\n').map(l=>JSON.parse(l).text);
for (const x of lines) classify(x);
const t=process.hrtime.bigint(); let n=0;
for (let k=0;k<50;k++) for (const x of lines) { classify(x); n++; }
console.log((n/(Number(process.hrtime.bigint()-t)/1e9)).toFixed(0),'msg/s');
