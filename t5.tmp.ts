import * as fs from 'fs';
import { classify } from './src/triage';
const lines = fs.readFileSync('/work/shared/triage/dev.jsonl','utf8').trim().split('\n').map(l=>JSON.parse(l).text);
for (let k=0;k<150;k++) for (const x of lines) classify(x);
