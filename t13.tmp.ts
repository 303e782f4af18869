import { CONCEPTS, type ConceptId } from './src/triage/concepts';
import { LANGUAGE_PACKS } from './src/triage/lexicon';
import { expandPattern } from './src/triage/matcher';
import { prefixes } from './src/triage/first-chars';
import { foldText } from './src/triage/normalize';
import * as fs from 'fs';
const sets: Set<string>[] = [];
for (const concept of Object.keys(CONCEPTS) as ConceptId[]) LANGUAGE_PACKS.forEach(pack=>{
  const pats = pack.concepts[concept]; if(!pats) return;
  const f = prefixes(pats.map(p=>expandPattern(p,pack.latin)).join('|'));
  if (f!=='any') sets.push(f);
});
const lines = fs.readFileSync('/work/shared/triage/dev.jsonl','utf8').trim().split('\n').map(l=>foldText(JSON.parse(l).text));
let pos=0, tried=0; const byKey: Record<string, number> = {};
for (const t of lines) for (let i=0;i<t.length;i++){ const w=/[a-z0-9_]/; if (w.test(t[i]) && i>0 && w.test(t[i-1])) continue; const k=t.slice(i,i+2); const n=sets.filter(s=>s.has(k)||s.has(k[0])).length; pos++; tried+=n; byKey[k]=(byKey[k]??0)+n; }
console.log('positions', pos, 'avg entries', tried/pos);
console.log(Object.entries(byKey).sort((a,b)=>b[1]-a[1]).slice(0,15));
