import { en } from './src/triage/lexicon/en';
import { expandPattern } from './src/triage/matcher';
import { prefixes } from './src/triage/first-chars';
const src = en.concepts.bleeding_heavy!.map(p=>expandPattern(p,true)).join('|');
const t = "i have a nosebleed that won't stop";
console.log(new RegExp(src).exec(t));
const p = prefixes(src); console.log(p==='any'?p:[...p].join(','));
const one = expandPattern(en.concepts.bleeding_heavy![0], true); console.log(one.slice(0,300)); console.log(new RegExp(one).exec(t));
