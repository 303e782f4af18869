import { meaningfulPart, sentencesOf, SNIPPET_CHARS, snippetOf } from '../../../src/inbox/list/snippet';

describe('snippetOf: the first sentence that says something', () => {
  it.each([
    [
      'Hi,\nMy knee is still swollen after the injection. Should I ice it?',
      'My knee is still swollen after the injection.',
    ],
    [
      'Hola doctora,\n¿Puedo tomar ibuprofeno con la metformina?',
      '¿Puedo tomar ibuprofeno con la metformina?',
    ],
    ['Hi Dr. Lee, my rash is spreading to my arms.', 'my rash is spreading to my arms.'],
    ['Good morning! Hope you are well. I need a refill of Lantus.', 'I need a refill of Lantus.'],
    ['Question for my doctor\nCan I stop the antibiotic early?', 'Can I stop the antibiotic early?'],
    ['Hello, this is Maria. I have had a fever since Monday.', 'I have had a fever since Monday.'],
    ['Buenos días, tengo una pregunta. Me duele la cabeza desde ayer.', 'Me duele la cabeza desde ayer.'],
    ['Dear Dr. Smith,\n\nThanks!\nWhen is my next appointment?', 'When is my next appointment?'],
    ['Hey there —\nblood sugar was 320 this morning', 'blood sugar was 320 this morning'],
  ])('%j → %j', (body, expected) => {
    expect(snippetOf(null, body)).toBe(expected);
  });

  it('skips a generic subject in favour of the body, and uses a subject that says something when the body does not', () => {
    expect(snippetOf('Question for my doctor', 'Hi,\nIs the clinic open Saturday?')).toBe(
      'Is the clinic open Saturday?',
    );
    expect(snippetOf('Refill Lantus', 'Hi,\nThanks')).toBe('Refill Lantus');
  });

  it('falls back to whatever text there is, and says so when there is none', () => {
    expect(snippetOf(null, 'Hi,')).toBe('Hi,');
    expect(snippetOf('Question for my doctor', '')).toBe('Question for my doctor');
    expect(snippetOf(null, '   \n ')).toBe('(no text)');
  });

  it('does not mistake words that merely start like a greeting for one', () => {
    expect(snippetOf(null, 'Hives all over my chest since lunch.')).toBe(
      'Hives all over my chest since lunch.',
    );
    expect(snippetOf(null, 'Holding my breath hurts.')).toBe('Holding my breath hurts.');
  });

  it('cuts long sentences by code point, never splitting an emoji', () => {
    const long = `Hi, ${'😀'.repeat(150)}`;
    const snippet = snippetOf(null, long);
    expect(Array.from(snippet)).toHaveLength(SNIPPET_CHARS);
    expect(snippet.endsWith('…')).toBe(true);
    expect(snippet).not.toMatch(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])/);
  });

  it('keeps markup-looking text as text (the row escapes it)', () => {
    expect(snippetOf(null, 'Hi,\n<script>alert(1)</script> is what the portal showed me')).toBe(
      '<script>alert(1)</script> is what the portal showed me',
    );
  });
});

describe('sentencesOf and meaningfulPart', () => {
  it('splits at stops and line breaks but not after titles', () => {
    expect(sentencesOf('Hi Dr. Lee. My arm hurts!\nCall me?')).toEqual([
      'Hi Dr. Lee.',
      'My arm hurts!',
      'Call me?',
    ]);
  });

  it('treats greetings, thanks and empty openers as saying nothing', () => {
    for (const s of [
      'Hi,',
      'Hola doctora,',
      'Question for my doctor',
      'Thank you',
      'Hope you are doing well.',
      'Gracias!',
    ]) {
      expect(meaningfulPart(s)).toBe('');
    }
    expect(meaningfulPart('Hola, me duele el pecho')).toBe('me duele el pecho');
  });
});
