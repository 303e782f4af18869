import type { PatientIdentifiers, Pseudonymizer } from './types';
import { assertScannable } from './detect-identifiers';
import { compileKnownIdentifiers, type KnownValue } from './known-identifiers';
import { nameLexicon } from './detectors/name-lexicon';
import { planReplacements, type KeyedSpan } from './replacement-plan';
import {
  PLACEHOLDER_LOOKALIKE,
  PLACEHOLDER_TOKEN,
  PLACEHOLDER_WORD,
  UPPERCASE_SPACED_PLACEHOLDER,
  formatPlaceholder,
} from './placeholders';
import { patientIdentifiersSchema } from './patient-identifiers-schema';

export function createPseudonymizer(known: PatientIdentifiers): Pseudonymizer {
  const patient = patientIdentifiersSchema.parse(known);
  const finder = compileKnownIdentifiers(patient, nameLexicon());
  const labelByKey = new Map<string, string>();
  const valueByLabel = new Map<string, string>();
  const counters = new Map<string, number>();
  const issued = new Set<string>();

  const assignLabel = (key: string, base: string, numbered: boolean, fallbackValue: string): string => {
    const existing = labelByKey.get(key);
    if (existing) return existing;
    const n = (counters.get(base) ?? 0) + 1;
    counters.set(base, n);
    const label = numbered ? `${base}_${n}` : n === 1 ? base : `${base}_${n}`;
    labelByKey.set(key, label);
    valueByLabel.set(label, fallbackValue);
    return label;
  };
  // The chart's identifiers get their placeholders first, so [PATIENT_FIRST] or [DOB] always mean the
  // patient, and the model's use of them can be resolved even if the message never contained them.
  const register = (v: KnownValue) =>
    v.role
      ? assignLabel(v.key, v.role, false, v.chartValue)
      : v.type === 'DOB'
        ? assignLabel(v.key, 'DOB', false, v.chartValue)
        : assignLabel(v.key, PLACEHOLDER_WORD[v.type], true, v.chartValue);
  finder.values.forEach(register);
  const surfaceSeen = new Set<string>();

  const labelFor = (span: KeyedSpan): string => {
    const known = labelByKey.get(span.key);
    const label = known ?? assignLabel(span.key, PLACEHOLDER_WORD[span.type], true, span.value);
    if (!surfaceSeen.has(label)) {
      // Putting back the first spelling seen makes pseudonymize -> reidentify a round trip.
      surfaceSeen.add(label);
      valueByLabel.set(label, span.value);
    }
    return label;
  };

  const spansToReplace = (text: string): KeyedSpan[] => planReplacements(text, finder);

  return {
    pseudonymize(text: string): string {
      assertScannable(text, 'pseudonymize');
      let out = '';
      let cursor = 0;
      for (const span of spansToReplace(text)) {
        const label = span.label === 'LITERAL' ? assignLiteral(span) : labelFor(span);
        issued.add(label);
        out += text.slice(cursor, span.start) + formatPlaceholder(label);
        cursor = span.end;
      }
      return out + text.slice(cursor);

      function assignLiteral(span: KeyedSpan): string {
        const label = labelByKey.get(span.key) ?? assignLabel(span.key, 'LITERAL', true, span.value);
        valueByLabel.set(label, span.value);
        return label;
      }
    },

    reidentify(text: string): string {
      assertScannable(text, 'reidentify');
      return text.replace(
        PLACEHOLDER_TOKEN,
        (whole, inner: string) => valueByLabel.get(inner.toUpperCase()) ?? whole,
      );
    },

    leftovers(text: string): string[] {
      assertScannable(text, 'leftovers');
      const found = new Set<string>();
      for (const m of text.matchAll(PLACEHOLDER_LOOKALIKE)) {
        const strict = /^\[\s*([A-Za-z]+(?:_[A-Za-z]+)?(?:_\d{1,4})?)\s*\]$/.exec(m[0]);
        if (!strict || !valueByLabel.has(strict[1].toUpperCase())) found.add(m[0]);
      }
      for (const m of text.matchAll(UPPERCASE_SPACED_PLACEHOLDER)) {
        if (text[m.index - 1] !== '[' && !/^\s*\[/.test(text.slice(Math.max(0, m.index - 3), m.index)))
          found.add(m[0]);
      }
      for (const span of finder.find(text)) found.add(span.value);
      return [...found];
    },

    get placeholderCount(): number {
      return issued.size;
    },
  };
}
