/**
 * The rating sheet: what a nurse manager sees in the inbox for each message (the patient's words,
 * the chart, the urgency, the suggested draft and its flags in the inbox's own plain words), and
 * nothing of the engine's workings (no template names, sources or triage reasons).
 */
import { explainMessageFlag } from '../../src/inbox/message/flags';
import { clinicTime, levelLabel } from '../../src/inbox/message/format';
import { languageName } from './chart-summary';
import { CLINIC_TIME_ZONE, isDraftLine, type DraftLine, type ErrorLine } from './types';

/**
 * Patient and draft text shown as written but inert: no HTML, links, emphasis or headings can come
 * out of it, and each line break stays a line break when the sheet is rendered.
 */
export function quote(text: string): string {
  if (!text.trim()) return '> (empty)';
  return text
    .replace(/\r\n?/g, '\n')
    .split('\n')
    .map((line, i, all) => {
      const inert = line
        .replace(/[\\`*_[\]<>&|~]/g, (c) => `\\${c}`)
        .replace(/^(\s*)([#+=-])/, '$1\\$2')
        .replace(/^(\s*)(\d+)([.)])/, '$1$2\\$3');
      const hardBreak = inert.trim() && all[i + 1]?.trim() ? '  ' : '';
      return `> ${inert}`.trimEnd() + hardBreak;
    })
    .join('\n');
}

const RUBRIC = `Read each message, the chart and the suggested draft as a nurse manager deciding whether staff
could send the draft. Rate each draft on its own, without looking at anyone else's ratings, and write
one line per draft to \`ratings.jsonl\`:

    {"id": "…", "answers": "yes", "wrong_fact": false, "unrelated_alarm": false, "needless_visit": false,
     "false_promise": false, "verdict": "send_as_is", "note": "…"}

- **answers**: does the draft answer what the patient actually asked? \`yes\`, \`partly\` or \`no\`.
- **wrong_fact**: the draft states something the chart or the message contradicts, or a fact about
  something other than what the patient asked about.
- **unrelated_alarm**: emergency or warning-sign language the message does not call for.
- **needless_visit**: the draft asks the patient to come in or call when that is not needed.
- **false_promise**: the draft promises something the clinic may not do (a call, an alert, a refill,
  a time).
- **verdict**: \`send_as_is\`, \`small_edit\` (a few words) or \`rewrite\`.
- **note**: why, in a sentence (most useful when the verdict is not \`send_as_is\`).`;

/** One line of text inside a list item or parentheses. */
const inline = (text: string) => quote(text.replace(/\s+/g, ' ').trim()).slice(2);

function flagLines(l: DraftLine): string[] {
  if (!l.draft_flags.length) return ['No flags.'];
  return l.draft_flags.map((f) => {
    const e = explainMessageFlag(f.detail ? `${f.code}: ${f.detail}` : f.code);
    return `- ${e.code.replace(/_/g, ' ')}: ${e.explanation}${e.detail ? ` (${inline(e.detail)})` : ''}`;
  });
}

function section(l: DraftLine, n: number): string {
  return [
    `## ${n}. ${l.id}`,
    '',
    `${languageName(l.lang)} · urgency: **${levelLabel(l.urgency)}**`,
    '',
    "**Patient's message**",
    '',
    quote(l.text),
    '',
    '**Chart**',
    '',
    ...l.chart_summary.split('\n').map((s) => `- ${inline(s)}`),
    '',
    '**Suggested draft**',
    '',
    l.source === 'none' ? '(No draft was made for this message.)' : quote(l.draft),
    '',
    '**Flags shown with the draft**',
    '',
    ...flagLines(l),
    '',
  ].join('\n');
}

export function renderRatingSheet(
  lines: (DraftLine | ErrorLine)[],
  o: { batch: string; now: Date; zone?: string },
): string {
  const zone = o.zone ?? CLINIC_TIME_ZONE;
  const at = clinicTime(o.now, zone);
  const drafted = lines.filter(isDraftLine);
  const failed = lines.filter((l): l is ErrorLine => !isDraftLine(l));
  const out = [
    `# Draft rating sheet: ${o.batch}`,
    '',
    `${drafted.length} messages. Each arrived ${at} (the clinic's clock, ${zone}); times below are on that clock.`,
    '',
    RUBRIC,
    '',
    ...drafted.map((l, i) => section(l, i + 1)),
  ];
  if (failed.length) {
    out.push('## Not drafted (the batch line could not be read)', '');
    for (const f of failed) out.push(`- ${inline(f.id ?? '(no id)')}: ${inline(f.error)}`);
    out.push('');
  }
  return out.join('\n');
}
