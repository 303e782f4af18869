/**
 * The printed result: one table row per scenario, its notes, then each goal the issue sets with an
 * honest PASS or FAIL. Goals: 0 lost, 0 duplicated, resume within one poll interval after each
 * fault, emergent time-to-alert p95 ≤ 10 s in the burst.
 */
import type { ScenarioResult } from './runner';

export const EMERGENT_P95_GOAL_MS = 10_000;

const seconds = (ms: number | undefined) => (ms === undefined ? '-' : `${(ms / 1000).toFixed(2)} s`);

function states(s: Record<string, number>): string {
  return Object.entries(s)
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([k, n]) => `${k} ${n}`)
    .join(', ');
}

function detail(d: Record<string, number>): string {
  const parts = Object.entries(d).map(([k, n]) => `${k} ${n}`);
  return parts.length > 0 ? ` (${parts.join(', ')})` : '';
}

function table(rows: string[][]): string {
  const widths = rows[0].map((_, i) => Math.max(...rows.map((r) => r[i].length)));
  const line = (r: string[]) => `| ${r.map((c, i) => c.padEnd(widths[i])).join(' | ')} |`;
  const rule = `|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`;
  return [line(rows[0]), rule, ...rows.slice(1).map(line)].join('\n');
}

export interface Verdict {
  text: string;
  /** Lost or duplicated anything, a worker crashed, or a scenario could not run: exit non-zero. */
  failedHard: boolean;
}

export function report(results: ScenarioResult[], pollMs: number, workers: number): Verdict {
  const header = [
    'scenario',
    'posted',
    'final states',
    'lost',
    'duplicated',
    'resume',
    'emergent alert p50 / p95 (n)',
  ];
  const rows = results.map((r) => {
    const m = r.measurement;
    if (!m) return [r.scenario.name, '-', `ERROR: ${r.error ?? 'unknown'}`, '-', '-', '-', '-'];
    return [
      r.scenario.name,
      String(m.posted),
      states(m.states),
      `${m.lost}${detail(m.lostDetail)}`,
      `${m.duplicated}${detail(m.duplicatedDetail)}`,
      seconds(m.resumeMs),
      m.emergent > 0 ? `${seconds(m.emergentP50)} / ${seconds(m.emergentP95)} (${m.emergent})` : '-',
    ];
  });
  const out: string[] = [table([header, ...rows]), ''];
  out.push(`${workers} workers in every scenario; poll interval ${pollMs} ms.`);
  out.push(
    'resume = first message posted after the fault ended → its ingestion, timed from the end of the fault.',
  );
  for (const r of results) {
    out.push(`- ${r.scenario.name} (${r.seconds.toFixed(0)} s): ${r.scenario.title}`);
    const m = r.measurement;
    if (m?.postToReadyP50 !== undefined) {
      out.push(
        `    posted → ready for a person: p50 ${seconds(m.postToReadyP50)}, slowest ${seconds(m.postToReadyMax)}`,
      );
    }
    if (m?.postToAlertP50 !== undefined) {
      out.push(
        `    emergent alert timed from the patient's post instead of intake: p50 ${seconds(m.postToAlertP50)}, ` +
          `p95 ${seconds(m.postToAlertP95)}`,
      );
    }
    for (const note of r.notes) out.push(`    ${note}`);
  }
  out.push('', 'Goals:');
  let failedHard = false;
  const goal = (ok: boolean, text: string) => out.push(`  ${ok ? 'PASS' : 'FAIL'}  ${text}`);
  for (const r of results) {
    const m = r.measurement;
    const name = r.scenario.name;
    if (!m) {
      failedHard = true;
      goal(false, `${name}: did not complete (${r.error})`);
      continue;
    }
    if (m.lost > 0 || m.duplicated > 0) failedHard = true;
    goal(m.lost === 0, `${name}: 0 lost (${m.lost})`);
    goal(m.duplicated === 0, `${name}: 0 duplicated (${m.duplicated})`);
    if (m.workerCrashes) {
      failedHard = true;
      goal(false, `${name}: ${m.workerCrashes} worker process(es) died by themselves`);
    }
    goal(
      m.resumeMs !== undefined && m.resumeMs <= pollMs,
      `${name}: intake resumes within one poll interval (${seconds(m.resumeMs)} ≤ ${seconds(pollMs)})`,
    );
    if (name === 'burst') {
      goal(
        m.emergentP95 !== undefined && m.emergentP95 <= EMERGENT_P95_GOAL_MS,
        `burst: emergent time-to-alert p95 ≤ 10 s (${seconds(m.emergentP95)} over ${m.emergentTimes.length} alerts)`,
      );
    }
  }
  return { text: out.join('\n'), failedHard };
}
