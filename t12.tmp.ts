import { CONCEPTS, type ConceptId } from './src/triage/concepts';
import { LANGUAGE_PACKS } from './src/triage/lexicon';
import { expandPattern } from './src/triage/matcher';
import { prefixes } from './src/triage/first-chars';
let anyN=0, short=0;
for (const concept of Object.keys(CONCEPTS) as ConceptId[]) LANGUAGE_PACKS.forEach(pack=>{
  const pats = pack.concepts[concept]; if(!pats) return;
  const src = pats.map(p=>expandPattern(p,pack.latin)).join('|');
  const f = prefixes(src);
  if (f==='any') { anyN++; console.log('ANY', pack.code, concept); }
  else { const sh=[...f].filter(x=>x.length<2); if (sh.length) { short++; console.log('SHORT', pack.code, concept, sh.join(',')); } }
});
console.log(anyN, short);
