import { scaleLinear } from "d3-scale";
import { line } from "d3-shape";

type Props = { gradesTenths: number[]; label: string };

const WIDTH = 120;
const HEIGHT = 36;
const PAD = 4;

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
  return (
    <svg role="img" aria-label={label} viewBox={`0 0 ${WIDTH} ${HEIGHT}`} width={WIDTH} height={HEIGHT} className="shrink-0 overflow-visible">
      <line x1={PAD} x2={WIDTH - PAD} y1={y(55)} y2={y(55)} className="stroke-slate-300" strokeDasharray="3 3" />
      <path d={path ?? ""} fill="none" className="stroke-brand-600" strokeWidth={2} strokeLinejoin="round" />
      <g className="fill-brand-600">
        {gradesTenths.map((g, i) => (
          <circle key={i} cx={round(x(i))} cy={round(y(g))} r={2.5} className={g < 55 ? "fill-warn-700" : undefined} />
        ))}
      </g>
    </svg>
  );
}
