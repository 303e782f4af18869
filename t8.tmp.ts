import { findConcepts } from './src/triage/matcher';
import { foldText } from './src/triage/normalize';
import { LANGUAGE_PACKS } from './src/triage/lexicon';
const t = process.argv[2];
for (const m of findConcepts(foldText(t))) console.log(m.concept, LANGUAGE_PACKS[m.pack].code, JSON.stringify(t.slice(m.start,m.end)));
