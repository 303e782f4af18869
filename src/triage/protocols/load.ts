import fs from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { expandPattern } from '../matcher';
import {
  ProtocolSchema,
  VocabularySchema,
  type CriterionInput,
  type GroupInput,
  type ProtocolInput,
  type TermsInput,
  type VocabularyInput,
} from './schema';

/** A loaded, validated catalogue: every protocol with its named vocabulary groups resolved. */
export interface Catalogue {
  protocols: ProtocolInput[];
  vocabulary: VocabularyInput;
  /** Where it was read from, for error messages and the README's "how to review". */
  dir: string;
}

export class ProtocolFileError extends Error {}

const VOCABULARY_FILE = 'vocabulary.yaml';

/**
 * Reads every `<area>/<id>.yaml` under `dir` and `dir/vocabulary.yaml`, validates each with zod and
 * checks what zod cannot: the file name is the id, ids are unique, every `ref` names a vocabulary
 * group, and every pattern compiles and cannot match empty text. Any fault stops start-up with the file
 * named: a clinic must never run on a protocol it believes is active but is not.
 */
export function loadCatalogue(dir: string): Catalogue {
  const vocabulary = readVocabulary(path.join(dir, VOCABULARY_FILE));
  const protocols: ProtocolInput[] = [];
  const seen = new Map<string, string>();
  for (const file of yamlFiles(dir)) {
    const where = path.relative(dir, file);
    const protocol = parseFile(file, where, (data) => ProtocolSchema.parse(data));
    if (path.basename(file, '.yaml') !== protocol.id)
      throw new ProtocolFileError(`${where}: file name must be the protocol id "${protocol.id}"`);
    if (path.basename(path.dirname(file)) !== protocol.area)
      throw new ProtocolFileError(`${where}: must sit in the folder of its area "${protocol.area}"`);
    const other = seen.get(protocol.id);
    if (other) throw new ProtocolFileError(`${where}: id "${protocol.id}" is also used by ${other}`);
    seen.set(protocol.id, where);
    checkPatterns(protocol.complaint, `${where} complaint`);
    const ids = new Set<string>();
    for (const criterion of allCriteria(protocol)) {
      if (ids.has(criterion.id))
        throw new ProtocolFileError(`${where}: criterion id ${criterion.id} repeats`);
      ids.add(criterion.id);
      for (const group of criterion.with) {
        if ('ref' in group && !vocabulary[group.ref])
          throw new ProtocolFileError(`${where} ${criterion.id}: no vocabulary group "${group.ref}"`);
        if (!('ref' in group)) checkPatterns(group, `${where} ${criterion.id}`);
      }
    }
    protocols.push(protocol);
  }
  for (const [name, terms] of Object.entries(vocabulary)) checkPatterns(terms, `${VOCABULARY_FILE} ${name}`);
  protocols.sort((a, b) => a.id.localeCompare(b.id));
  return { protocols, vocabulary, dir };
}

export function allCriteria(p: ProtocolInput): CriterionInput[] {
  return [...p.emergent, ...p.urgent, ...p.routine];
}

/** The patterns of a group, with a `ref` resolved through the vocabulary. */
export function termsOf(group: GroupInput, vocabulary: VocabularyInput): TermsInput {
  return 'ref' in group ? vocabulary[group.ref] : group;
}

function readVocabulary(file: string): VocabularyInput {
  if (!fs.existsSync(file)) throw new ProtocolFileError(`${file}: the vocabulary file is missing`);
  return parseFile(file, VOCABULARY_FILE, (data) => VocabularySchema.parse(data));
}

function parseFile<T>(file: string, where: string, validate: (data: unknown) => T): T {
  let data: unknown;
  try {
    data = parse(fs.readFileSync(file, 'utf8'));
  } catch (err) {
    throw new ProtocolFileError(`${where}: not valid YAML (${(err as Error).message.split('\n')[0]})`);
  }
  try {
    return validate(data);
  } catch (err) {
    const issues = (err as { issues?: { path: PropertyKey[]; message: string }[] }).issues;
    const detail = issues
      ? issues.map((i) => `${i.path.map(String).join('.') || '(file)'}: ${i.message}`).join('; ')
      : (err as Error).message;
    throw new ProtocolFileError(`${where}: ${detail}`);
  }
}

function yamlFiles(dir: string): string[] {
  const out: string[] = [];
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    if (!entry.isDirectory()) continue;
    const sub = path.join(dir, entry.name);
    for (const f of fs.readdirSync(sub)) if (f.endsWith('.yaml')) out.push(path.join(sub, f));
  }
  return out.sort();
}

function checkPatterns(terms: TermsInput, where: string): void {
  for (const p of [...terms.en, ...terms.es]) {
    let rx: RegExp;
    try {
      rx = new RegExp(expandPattern(p, true));
    } catch (err) {
      throw new ProtocolFileError(`${where}: pattern "${p}" does not compile (${(err as Error).message})`);
    }
    if (rx.test('')) throw new ProtocolFileError(`${where}: pattern "${p}" matches empty text`);
  }
}
