/**
 * Server-rendered SVG charts: no script, no inline style (sizes are SVG attributes, colours come
 * from reports.css classes). Each chart has a title and a description for screen readers, each bar
 * or point its own <title> and a link to the messages behind it.
 */
import type { ComponentChildren } from 'preact';

export interface ChartPoint {
  label: string;
  value: number;
  /** What the tooltip and screen reader say, e.g. "2026-03-02: 14 messages". */
  text: string;
  href: string;
}

const WIDTH = 720;
const HEIGHT = 220;
const PAD = { top: 12, right: 12, bottom: 28, left: 44 };

function scale(points: ChartPoint[]) {
  const max = Math.max(1, ...points.map((p) => p.value));
  const innerW = WIDTH - PAD.left - PAD.right;
  const innerH = HEIGHT - PAD.top - PAD.bottom;
  const step = innerW / Math.max(1, points.length);
  const y = (v: number) => PAD.top + innerH - (v / max) * innerH;
  return { max, step, y, innerH };
}

function Axes({ max, id }: { max: number; id: string }) {
  const baseline = HEIGHT - PAD.bottom;
  return (
    <g class="axes" aria-hidden="true" id={`${id}-axes`}>
      <line x1={PAD.left} y1={baseline} x2={WIDTH - PAD.right} y2={baseline} />
      <line x1={PAD.left} y1={PAD.top} x2={PAD.left} y2={baseline} />
      <text x={PAD.left - 6} y={PAD.top + 4} text-anchor="end">
        {String(max)}
      </text>
      <text x={PAD.left - 6} y={baseline} text-anchor="end">
        0
      </text>
    </g>
  );
}

/** Every nth label, so a year of days stays readable. */
function XLabels({ points, step }: { points: ChartPoint[]; step: number }) {
  const every = Math.max(1, Math.ceil(points.length / 8));
  return (
    <g class="x-labels" aria-hidden="true">
      {points.map((p, i) =>
        i % every === 0 ? (
          <text key={p.label} x={PAD.left + step * i + step / 2} y={HEIGHT - 8} text-anchor="middle">
            {p.label}
          </text>
        ) : null,
      )}
    </g>
  );
}

interface ChartProps {
  id: string;
  title: string;
  desc: string;
  points: ChartPoint[];
}

/** The accessible SVG both charts share: title and description, axes, and the bucket labels. */
function ChartFrame({
  id,
  title,
  desc,
  points,
  kind,
  max,
  step,
  children,
}: ChartProps & { kind: string; max: number; step: number; children: ComponentChildren }) {
  return (
    <svg
      class={`chart ${kind}`}
      viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
      role="img"
      aria-labelledby={`${id}-title ${id}-desc`}
    >
      <title id={`${id}-title`}>{title}</title>
      <desc id={`${id}-desc`}>{desc}</desc>
      <Axes max={max} id={id} />
      {children}
      <XLabels points={points} step={step} />
    </svg>
  );
}

export function BarChart(props: ChartProps) {
  const { max, step, y } = scale(props.points);
  const baseline = HEIGHT - PAD.bottom;
  return (
    <ChartFrame {...props} kind="bar-chart" max={max} step={step}>
      {props.points.map((p, i) => (
        <a key={p.label} href={p.href}>
          <rect
            class="bar"
            x={PAD.left + step * i + step * 0.1}
            y={y(p.value)}
            width={Math.max(1, step * 0.8)}
            height={Math.max(0, baseline - y(p.value))}
          >
            <title>{p.text}</title>
          </rect>
        </a>
      ))}
    </ChartFrame>
  );
}

export function LineChart(props: ChartProps) {
  const { max, step, y } = scale(props.points);
  const x = (i: number) => PAD.left + step * i + step / 2;
  return (
    <ChartFrame {...props} kind="line-chart" max={max} step={step}>
      <polyline class="line" points={props.points.map((p, i) => `${x(i)},${y(p.value)}`).join(' ')} />
      {props.points.map((p, i) => (
        <a key={p.label} href={p.href}>
          <circle class="point" cx={x(i)} cy={y(p.value)} r={4}>
            <title>{p.text}</title>
          </circle>
        </a>
      ))}
    </ChartFrame>
  );
}
