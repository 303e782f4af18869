import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { classify } from '../../../src/triage';
import {
  loadCatalogue,
  ProtocolFileError,
  readProtocols,
  shippedCatalogue,
} from '../../../src/triage/protocols';
import { spellingIndexFor } from '../../../src/triage/protocols/evaluate';
import { describeProtocol, relevantProtocols } from '../../../src/triage/protocols/retrieve';
import { AREAS } from '../../../src/triage/protocols/schema';
import { correctSpelling } from '../../../src/triage/protocols/spelling';
import { foldText } from '../../../src/triage/normalize';

const MINI = path.join(__dirname, '../../fixtures/triage/protocols-mini');
const mini = loadCatalogue(MINI);
const read = (text: string, facts: { youngestDays?: number } = {}) => {
  const folded = foldText(text);
  return readProtocols(mini, text, folded, folded, { pregnant: false, onThinner: false, ...facts });
};
const firedIds = (text: string, facts: { youngestDays?: number } = {}) =>
  read(text, facts).fired.map((f) => `${f.protocol.id}:${f.criterion.id}`);

describe('protocol files', () => {
  let dir: string;
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'protocols-'));
    fs.cpSync(MINI, dir, { recursive: true });
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));
  const chestFile = () => path.join(dir, 'chest', 'chest-test.yaml');
  const edit = (from: string, to: string) =>
    fs.writeFileSync(chestFile(), fs.readFileSync(chestFile(), 'utf8').replace(from, to));

  it('loads a valid folder', () => {
    expect(loadCatalogue(dir).protocols.map((p) => p.id)).toEqual(['chest-test', 'infant-fever-test']);
  });

  it.each([
    ['invalid YAML', 'title: Chest pain (test)', 'title: [unclosed', /chest-test.yaml: not valid YAML/],
    [
      'a criterion without a source',
      '    source:\n      title: NHS — Chest pain\n      url: https://www.nhs.uk/conditions/chest-pain/\nurgent',
      'urgent',
      /emergent\.1\.source/,
    ],
    ['an http source', 'https://medlineplus.gov', 'http://medlineplus.gov', /https address/],
    ['an unknown vocabulary group', 'ref: sweating', 'ref: sweaty', /no vocabulary group "sweaty"/],
    ['a pattern that does not compile', '(?:to|into)', '(?:to|into', /does not compile/],
    [
      'an id that is not the file name',
      'id: chest-test',
      'id: chest-other',
      /file name must be the protocol id/,
    ],
    ['an unknown field', 'population: adult', 'population: adult\nseverity: high', /Unrecognized key/],
    ['a repeated criterion id', 'id: spreading-jaw', 'id: with-sweat', /criterion id with-sweat repeats/],
  ])('refuses %s, naming the file', (_what, from, to, message) => {
    edit(from, to);
    expect(() => loadCatalogue(dir)).toThrow(ProtocolFileError);
    expect(() => loadCatalogue(dir)).toThrow(message);
  });

  it('refuses a protocol outside the folder of its area', () => {
    fs.renameSync(chestFile(), path.join(dir, 'paediatric', 'chest-test.yaml'));
    expect(() => loadCatalogue(dir)).toThrow(/folder of its area "chest"/);
  });
});

describe('reading a message against protocols', () => {
  it('meets a criterion only when the complaint is reported now', () => {
    expect(firedIds('my chest pain is bad and I am clammy')).toContain('chest-test:with-sweat');
    expect(firedIds('no chest pain, I am just sweaty from the gym')).toEqual([]);
    expect(firedIds('my dad had chest pain with sweating before his heart attack')).toEqual([]);
    expect(firedIds('I am sweating a lot at night')).toEqual([]);
  });

  it('reads Spanish as fully as English', () => {
    expect(firedIds('tengo dolor de pecho y estoy sudando')).toContain('chest-test:with-sweat');
  });

  it('keeps a criterion to words near the complaint, not another part of a long story', () => {
    const far = `chest pain last night. ${'We talked about the weather and the garden for a while. '.repeat(8)} Then I went to the gym and got sweaty.`;
    expect(firedIds(far)).not.toContain('chest-test:with-sweat');
  });

  it('applies age bounds from the message and the chart, and child protocols only to children', () => {
    expect(firedIds('my baby has a fever', { youngestDays: 40 })).toContain(
      'infant-fever-test:under-3-months',
    );
    expect(firedIds('my baby has a fever', { youngestDays: 200 })).toEqual([
      'infant-fever-test:any-child-fever',
    ]);
    expect(firedIds('I have a fever and chills')).toEqual([]);
  });

  it('lets a standalone criterion fire on its own words', () => {
    expect(firedIds('my son has purple spots that do not fade')).toContain('infant-fever-test:purple-spots');
  });

  it('reports complaints, acute markers and children for the rule of doubt', () => {
    // An adult protocol still applies to a child of unknown age: nothing is left unread.
    const r = read('my daughter has sudden chest tightness');
    expect(r.complaints.map((c) => c.protocol.id)).toEqual(['chest-test']);
    expect(r.child).toBe(true);
    expect(read('sudden chest tightness').acute.length).toBe(1);
  });
});

describe('classify with a catalogue', () => {
  it('cites the protocol and criterion that set the level', () => {
    const r = classify('Hi, I have chest pain going up into my jaw', {}, mini);
    expect(r.urgency).toBe('emergent');
    expect(r.reasons.join('\n')).toMatch(/\[protocol chest-test: spreading-jaw\]/);
  });

  it('escalates a current complaint it cannot place when an acute marker comes with it', () => {
    const r = classify('I have a sudden weird tightness in my chest, what should I do', {}, mini);
    expect(['urgent', 'emergent']).toContain(r.urgency);
  });
});

describe('tolerant spelling', () => {
  const index = spellingIndexFor(mini);
  it('puts a misspelt protocol word right', () => {
    expect(correctSpelling('I am sweatting a lot', index)?.fixes).toEqual([
      { from: 'sweatting', to: 'sweating' },
    ]);
    expect(classify('chest pain and im sweatting', {}, mini).urgency).toBe('emergent');
  });
  it('never changes a real word or a name', () => {
    expect(correctSpelling('I was told it might be cancer, can we cancel?', index)).toBeUndefined();
    expect(correctSpelling('Sweaty says hello', index)).toBeUndefined();
  });
});

describe('retrieval for the model', () => {
  it('puts protocols the rules used first, then the nearest by words', () => {
    const found = relevantProtocols(mini, 'baby has fever', [
      'emergent: x [protocol chest-test: with-sweat]',
    ]);
    expect(found.map((p) => p.id)).toEqual(['chest-test', 'infant-fever-test']);
  });
  it('describes each criterion with its source', () => {
    const text = describeProtocol(mini.protocols[0]);
    expect(text).toContain('emergent: chest pain with sweating (source: MedlinePlus — Chest pain');
  });
});

describe('the shipped catalogue', () => {
  const shipped = shippedCatalogue();
  it('covers every area with cited criteria', () => {
    const areas = new Set(shipped.protocols.map((p) => p.area));
    expect(AREAS.filter((a) => !areas.has(a))).toEqual([]);
    for (const p of shipped.protocols)
      for (const c of [...p.emergent, ...p.urgent, ...p.routine]) expect(c.source.url).toMatch(/^https:\/\//);
  });
  it('holds at least 150 protocols, adult and paediatric', () => {
    expect(shipped.protocols.length).toBeGreaterThanOrEqual(150);
    expect(shipped.protocols.some((p) => p.population === 'child' || p.population === 'infant')).toBe(true);
  });
});
