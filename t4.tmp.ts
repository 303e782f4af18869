import * as fs from 'fs';
import { foldText } from './src/triage/normalize';
import * as M from './src/triage/matcher';
const lines = fs.readFileSync('/work/shared/triage/dev.jsonl','utf8').trim().split('\n').map(l=>foldText(JSON.parse(l).text));
// access internal
const mod: any = M;
for (const x of lines) M.findConcepts(x);
const t=process.hrtime.bigint();
let n=0;
for (let k=0;k<10;k++) for (const x of lines) n+=M.findConcepts(x).length;
console.log(Number(process.hrtime.bigint()-t)/10e6/lines.length, n);
