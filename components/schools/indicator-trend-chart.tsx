import { scaleLinear, scalePoint } from "d3-scale";
import { line } from "d3-shape";
import type { TrendPoint } from "@/lib/domain/schools/indicator-view";

type Props = {
  points: TrendPoint[];
  /** The values as the visitor reads them, in the order of `points`. */
  valueLabels: string[];
  /** Text alternative: what the chart shows, in words. */
  label: string;
};

const WIDTH = 300;
const HEIGHT = 130;
const PAD_X = 36;
const TOP = 24;
const BOTTOM = 34;
/** One decimal is a tenth of a pixel at the chart's own size: enough, and a profile draws ~70 charts. */
const round = (n: number) => Math.round(n * 10) / 10;

/** Value domain with some room around the school's and the national values, so small changes stay visible but not dramatic. */
function domainOf(points: TrendPoint[]): [number, number] {
  const values = points.flatMap((p) => (p.benchmark === null ? [p.value] : [p.value, p.benchmark]));
  const min = Math.min(...values);
  const max = Math.max(...values);
  const pad = Math.max((max - min) * 0.3, Math.abs(max) * 0.03, 0.5);
  return [Math.max(0, min - pad), max + pad];
}

/**
 * A server-rendered line of a school's figures over the years, with the national
 * value as a dashed line. Time runs left to right in every language, like the
 * tables of the Inspectorate; the data table next to it is the full alternative.
 */
export function IndicatorTrendChart({ points, valueLabels, label }: Props) {
  if (points.length < 2) return null;
  const x = scalePoint<string>().domain(points.map((p) => p.year)).range([PAD_X, WIDTH - PAD_X]);
  const scaleY = scaleLinear().domain(domainOf(points)).range([HEIGHT - BOTTOM, TOP]);
  const y = (value: number) => round(scaleY(value));
  const school = line<TrendPoint>().digits(1).x((p) => x(p.year) ?? 0).y((p) => y(p.value))(points);
  const national = points.filter((p) => p.benchmark !== null);
  const benchmark = line<TrendPoint>().digits(1).x((p) => x(p.year) ?? 0).y((p) => y(p.benchmark ?? 0))(national);
  return (
    // Colours and type through `.trend-chart` (app/globals.css).
    <svg role="img" aria-label={label} viewBox={`0 0 ${WIDTH} ${HEIGHT}`} width={WIDTH} height={HEIGHT} direction="ltr" className="trend-chart">
      <line x1={PAD_X / 2} x2={WIDTH - PAD_X / 2} y1={HEIGHT - BOTTOM + 6} y2={HEIGHT - BOTTOM + 6} />
      {national.length > 1 ? <path d={benchmark ?? ""} className="national" /> : null}
      {national.map((p) => (
        <rect key={`b-${p.year}`} x={(x(p.year) ?? 0) - 3} y={round(y(p.benchmark ?? 0) - 3)} width={6} height={6} />
      ))}
      <path d={school ?? ""} className="school" />
      {points.map((p, i) => (
        <g key={p.year}>
          <circle cx={x(p.year)} cy={y(p.value)} r={4} />
          {/* The label goes on the side away from the national line, so the two never overlap. */}
          <text x={x(p.year)} y={round(p.benchmark !== null && p.benchmark > p.value ? y(p.value) + 17 : y(p.value) - 9)} className="value">
            {valueLabels[i]}
          </text>
          <text x={x(p.year)} y={HEIGHT - 4}>
            {p.year}
          </text>
        </g>
      ))}
    </svg>
  );
}
