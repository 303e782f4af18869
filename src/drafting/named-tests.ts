/**
 * Tests a patient may name that no lab table here knows (a biopsy, an MRI): when the chart holds none,
 * "my biopsy results" must not be answered with whatever lab came back last (potassium).
 */
import { namedTestGroups } from '../context/select-results';
import type { ObservationFact } from '../context/types';

const NAMED_TESTS =
  /\b(biops(?:y|ies)|pap(?: smear| test)?|mammograms?|mri|ct scan|cat scan|x-?rays?|ultrasounds?|echo(?:cardiogram)?|ekg|ecg|colonoscop(?:y|ies)|cultures?|covid test|strep test|biopsias?|radiografias?|ultrasonidos?|mamografias?|resonancia)\b/i;

/** The test the message names when the chart holds no result of it; undefined otherwise. */
export function testNamedNotOnChart(text: string, observations: ObservationFact[]): string | undefined {
  const m = NAMED_TESTS.exec(text.normalize('NFD').replace(/[\u0300-\u036f]/g, ''));
  if (!m) return labNamedNotOnChart(text, observations);
  const word = m[1]!.toLowerCase();
  const stem = word.replace(/[^a-z]/g, '').slice(0, 4);
  const onChart = observations.some((o) =>
    o.name
      .toLowerCase()
      .replace(/[^a-z]/g, '')
      .includes(stem),
  );
  return onChart ? undefined : word;
}

/** A lab the message names by a name the result table knows ("cholesterol"), with no such result on the chart. */
function labNamedNotOnChart(text: string, observations: ObservationFact[]): string | undefined {
  const named = namedTestGroups(text);
  if (!named.length) return undefined;
  const held = named.some(({ group }) =>
    observations.some((o) => (o.code ? group.codes.includes(o.code) : group.namePattern.test(o.name))),
  );
  return held ? undefined : named[0]!.phrase;
}
