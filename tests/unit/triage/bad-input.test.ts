import { classify, URGENCIES } from '../../../src/triage';

describe('classify: bad input never throws and always returns a level', () => {
  const inputs: [string, string][] = [
    ['empty', ''],
    ['whitespace', ' \n\t  \r\n '],
    ['emoji only', '😀😀🙏'],
    ['control characters', '\u0000\u0001chest\u0007 pain\u001b[31m'],
    ['lone surrogates', '\ud800\udfff\ud800 hello'],
    ['html and script', '<script>alert("x")</script><b>please</b> cancel my appt &amp; thanks'],
    ['only punctuation', '?!?!...'],
    ['numbers only', '120/80 98.6 7.2'],
  ];

  it.each(inputs)('%s', (_name, text) => {
    const r = classify(text);
    expect(URGENCIES).toContain(r.urgency);
    expect(r.reasons.length).toBeGreaterThan(0);
    expect(() => JSON.stringify(r)).not.toThrow();
  });

  it('flags an empty message', () => {
    expect(classify('').flags).toContain('empty_message');
    expect(classify('   ').urgency).toBe('non_clinical');
  });

  it('reads words around control characters and markup', () => {
    expect(classify('<p>I have <b>chest</b> pain</p>').urgency).toBe('emergent');
  });

  it('a non-string from a careless caller is treated as empty', () => {
    expect(classify(undefined as unknown as string).flags).toContain('empty_message');
  });

  it('finds a red flag at the end of 1 MB of text, flags the size, in linear time', () => {
    const filler = 'I would like to ask about my billing statement and the parking validation. ';
    const big = filler.repeat(Math.ceil(1_000_000 / filler.length));
    const t0 = performance.now();
    const plain = classify(big);
    const tPlain = performance.now() - t0;
    expect(plain.urgency).toBe('non_clinical');
    expect(plain.flags).toContain('truncated_input');
    const withFlag = classify(`${big} Also, I am having crushing chest pain right now.`);
    expect(withFlag.urgency).toBe('emergent');
    // Linear: a quarter of the text takes clearly less than the whole.
    const t1 = performance.now();
    classify(big.slice(0, big.length / 4));
    const tQuarter = performance.now() - t1;
    expect(tQuarter).toBeLessThan(tPlain * 0.75 + 50);
    expect(tPlain).toBeLessThan(5000);
  });

  it('pathological repetition stays fast', () => {
    const hostile = 'chest '.repeat(50_000) + '<'.repeat(10_000) + 'no '.repeat(20_000);
    const t0 = performance.now();
    classify(hostile);
    expect(performance.now() - t0).toBeLessThan(5000);
  });
});
