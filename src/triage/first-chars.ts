/**
 * The set of short prefixes (up to PREFIX_LENGTH characters) a regex source can start a match
 * with, so the matcher tries, at each position, only the lexicon patterns that could begin there.
 * Over-approximates when unsure (lookarounds are skipped, negated classes mean "any"); a superset is
 * always safe. Whitespace is only ' ' or '\n' because folded text has no other.
 */
/** The matcher's scan loop builds keys for exactly three characters; change both together. */
export const PREFIX_LENGTH = 3;
/** The length being computed: PREFIX_LENGTH for the lexicon, longer for the protocol scanner. */
let limit = PREFIX_LENGTH;
export type PrefixSet = Set<string> | 'any';

const WORD = 'abcdefghijklmnopqrstuvwxyz0123456789_';
const MAX_SET = 3000;
const EMPTY_ONLY = (): Set<string> => new Set(['']);

function union(a: PrefixSet, b: PrefixSet): PrefixSet {
  if (a === 'any' || b === 'any') return 'any';
  const out = new Set(a);
  for (const c of b) out.add(c);
  return out;
}

/** Marks a prefix whose continuation is unknown (after ".", a negated class...): never extended. */
const OPEN = '\u0000';

function join(p: string, q: string): string {
  const open = q.endsWith(OPEN);
  const real = p + (open ? q.slice(0, -1) : q);
  if (real.length >= limit) return real.slice(0, limit);
  return open ? real + OPEN : real;
}

function concat(a: PrefixSet, b: PrefixSet): PrefixSet {
  if (a === 'any') return 'any';
  const out = new Set<string>();
  for (const p of a) {
    if (p.endsWith(OPEN) || p.length >= limit) out.add(p);
    else if (b === 'any') {
      if (p.length === 0) return 'any';
      out.add(p + OPEN);
    } else for (const q of b) out.add(join(p, q));
    // Too many to list: stop extending; the shorter prefixes are still true "starts with" facts.
    if (out.size > MAX_SET)
      return a.has('') ? 'any' : new Set([...a].map((x) => (x.endsWith(OPEN) ? x : x + OPEN)));
  }
  return out;
}

export function prefixes(source: string, length = PREFIX_LENGTH): PrefixSet {
  limit = length;
  let parsed: Parsed;
  try {
    parsed = parseAlternation(source, 0);
  } finally {
    limit = PREFIX_LENGTH;
  }
  if (parsed.set === 'any' || parsed.set.has('') || parsed.set.has(OPEN)) return 'any';
  return new Set([...parsed.set].map((p) => (p.endsWith(OPEN) ? p.slice(0, -1) : p)));
}

interface Parsed {
  set: PrefixSet;
  end: number;
}

function parseAlternation(src: string, start: number): Parsed {
  let set: PrefixSet = new Set();
  let i = start;
  for (;;) {
    const seq = parseSequence(src, i);
    set = union(set, seq.set);
    i = seq.end;
    if (src[i] === '|') i++;
    else return { set, end: i };
  }
}

function parseSequence(src: string, start: number): Parsed {
  let set: PrefixSet = EMPTY_ONLY();
  let i = start;
  while (i < src.length && src[i] !== '|' && src[i] !== ')') {
    // Once every prefix is as long as it will be kept, later atoms cannot change the set: skip them
    // without building their sets (long gap patterns would otherwise cost seconds at start-up).
    if (complete(set)) {
      i = parseQuantifier(src, skipAtom(src, i)).end;
      continue;
    }
    const atom = parseAtom(src, i);
    const quant = parseQuantifier(src, atom.end);
    set = concat(set, repeat(atom.set, quant.min, quant.max));
    i = quant.end;
  }
  return { set, end: i };
}

function complete(set: PrefixSet): boolean {
  if (set === 'any') return true;
  for (const p of set) if (!p.endsWith(OPEN) && p.length < limit) return false;
  return true;
}

/** The end of the atom at `i`, without computing its prefixes. */
function skipAtom(src: string, i: number): number {
  const c = src[i];
  if (c === '\\') return src[i + 1] === 'u' ? i + 6 : i + 2;
  if (c === '[') return skipClass(src, i);
  if (c !== '(') return i + 1;
  let depth = 0;
  let j = i;
  while (j < src.length) {
    const d = src[j];
    if (d === '\\') j += 2;
    else if (d === '[') j = skipClass(src, j);
    else {
      if (d === '(') depth++;
      else if (d === ')' && --depth === 0) return j + 1;
      j++;
    }
  }
  return j;
}

function skipClass(src: string, i: number): number {
  let j = i + 1;
  if (src[j] === '^') j++;
  if (src[j] === ']') j++;
  while (j < src.length && src[j] !== ']') j += src[j] === '\\' ? 2 : 1;
  return j + 1;
}

function repeat(s: PrefixSet, min: number, max: number): PrefixSet {
  let out: PrefixSet = EMPTY_ONLY();
  const needed = Math.min(min, limit);
  for (let k = 0; k < needed; k++) out = concat(out, s);
  const optional = Math.min(max - min, limit);
  const maybe = union(s, EMPTY_ONLY());
  for (let k = 0; k < optional; k++) out = concat(out, maybe);
  return out;
}

function parseQuantifier(src: string, i: number): { min: number; max: number; end: number } {
  const c = src[i];
  let min = 1;
  let max = 1;
  let end = i;
  if (c === '?') [min, max, end] = [0, 1, i + 1];
  else if (c === '*') [min, max, end] = [0, Infinity, i + 1];
  else if (c === '+') [min, max, end] = [1, Infinity, i + 1];
  else if (c === '{') {
    const m = /^\{(\d*)(?:(,)(\d*))?\}/.exec(src.slice(i, i + 12));
    if (m) {
      min = Number(m[1] || 0);
      max = m[2] === undefined ? min : m[3] === '' ? Infinity : Number(m[3]);
      end = i + m[0].length;
    }
  }
  if (end > i && src[end] === '?') end++;
  return { min, max, end };
}

function parseAtom(src: string, i: number): Parsed {
  const c = src[i];
  if (c === '(') {
    const head = src.slice(i, i + 4);
    const isLookaround = /^\(\?(?:=|!|<=|<!)/.test(head);
    const bodyStart = head.startsWith('(?:') ? i + 3 : isLookaround ? i + (head[2] === '<' ? 4 : 3) : i + 1;
    const inner = parseAlternation(src, bodyStart);
    return { set: isLookaround ? EMPTY_ONLY() : inner.set, end: inner.end + 1 };
  }
  if (c === '[') return parseClass(src, i);
  if (c === '\\') return parseEscape(src, i);
  if (c === '.') return { set: 'any', end: i + 1 };
  if (c === '^' || c === '$') return { set: EMPTY_ONLY(), end: i + 1 };
  return { set: new Set([c]), end: i + 1 };
}

function escapeSet(letter: string): PrefixSet | 'zero' {
  switch (letter) {
    case 'b':
    case 'B':
      return 'zero';
    case 'w':
      return new Set(WORD);
    case 'd':
      return new Set('0123456789');
    case 's':
      return new Set([' ', '\n']);
    case 'W':
    case 'S':
    case 'D':
      return 'any';
    case 'n':
      return new Set('\n');
    case 't':
    case 'r':
      return new Set(' ');
    default:
      return new Set(letter);
  }
}

function parseEscape(src: string, i: number): Parsed {
  const letter = src[i + 1];
  if (letter === 'u')
    return { set: new Set(String.fromCharCode(parseInt(src.slice(i + 2, i + 6), 16))), end: i + 6 };
  const set = escapeSet(letter);
  return { set: set === 'zero' ? EMPTY_ONLY() : set, end: i + 2 };
}

function parseClass(src: string, start: number): Parsed {
  let i = start + 1;
  const negated = src[i] === '^';
  if (negated) i++;
  const chars = new Set<string>();
  let any = false;
  let prev: string | undefined;
  const readChar = (): string => {
    if (src[i] === '\\' && src[i + 1] === 'u') {
      const ch = String.fromCharCode(parseInt(src.slice(i + 2, i + 6), 16));
      i += 6;
      return ch;
    }
    if (src[i] === '\\') {
      const ch = src[i + 1];
      i += 2;
      return ch;
    }
    return src[i++];
  };
  while (i < src.length && src[i] !== ']') {
    if (src[i] === '\\' && /[wdsWSDbBntr]/.test(src[i + 1])) {
      const set = escapeSet(src[i + 1]);
      i += 2;
      if (set === 'any') any = true;
      else if (set !== 'zero') for (const s of set) chars.add(s);
      prev = undefined;
      continue;
    }
    const ch = readChar();
    if (ch === '-' && prev !== undefined && src[i] !== ']') {
      const to = readChar();
      for (let code = prev.charCodeAt(0); code <= to.charCodeAt(0); code++)
        chars.add(String.fromCharCode(code));
      prev = undefined;
      continue;
    }
    chars.add(ch);
    prev = ch;
  }
  if (negated || any) return { set: 'any', end: i + 1 };
  return { set: chars, end: i + 1 };
}
