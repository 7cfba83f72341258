import { scaleLinear } from "d3-scale";
import { line } from "d3-shape";

type Props = { gradesTenths: number[]; label: string };

const WIDTH = 120;
const HEIGHT = 36;
const PAD = 4;
/** Radius of a grade's dot. */
const DOT = 2.5;

/** A small server-rendered line of grades with the 5.5 pass line; `label` is its text alternative. */
export function TrendChart({ gradesTenths, label }: Props) {
  if (gradesTenths.length < 2) return null;
  // One decimal is finer than a pixel of a 120 px chart; more would only add bytes.
  const round = (n: number) => Math.round(n * 10) / 10;
  const x = scaleLinear().domain([0, gradesTenths.length - 1]).range([PAD, WIDTH - PAD]);
  const y = scaleLinear().domain([10, 100]).range([HEIGHT - PAD, PAD]);
  const path = line<number>()
    .x((_, i) => round(x(i)))
    .y((g) => round(y(g)))(gradesTenths);
  // The dots as two paths (passing, below 5.5), not an element per grade: a
  // child page has eight charts, and every element is rendered twice (HTML and RSC payload).
  const dots = (below: boolean) =>
    gradesTenths
      .map((g, i) => (g < 55 === below ? `M${round(x(i) - DOT)},${round(y(g))}a${DOT},${DOT} 0 1,0 ${2 * DOT},0a${DOT},${DOT} 0 1,0 ${-2 * DOT},0` : ""))
      .join("");
  const passing = dots(false);
  const failing = dots(true);
  return (
    <svg role="img" aria-label={label} viewBox={`0 0 ${WIDTH} ${HEIGHT}`} width={WIDTH} height={HEIGHT} className="shrink-0 overflow-visible">
      <line x1={PAD} x2={WIDTH - PAD} y1={y(55)} y2={y(55)} className="stroke-slate-300" strokeDasharray="3 3" />
      <path d={path ?? ""} fill="none" className="stroke-brand-600" strokeWidth={2} strokeLinejoin="round" />
      {passing ? <path d={passing} className="fill-brand-600" /> : null}
      {failing ? <path d={failing} className="fill-warn-700" /> : null}
    </svg>
  );
}
