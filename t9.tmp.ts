import { en } from './src/triage/lexicon/en';
import { expandPattern } from './src/triage/matcher';
const src = en.concepts.mild_symptom![0];
const parts = src.split('|');
for (const p of parts) { try { if (new RegExp('^(?:'+expandPattern(p,true)+')').test('number')) console.log('HIT', p); } catch {} }
