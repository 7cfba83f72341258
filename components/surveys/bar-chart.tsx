import { scaleLinear } from "d3-scale";

type Bar = { label: string; count: number };
type Props = { bars: Bar[]; label: string; rtl: boolean };

const WIDTH = 320;
const ROW = 36;
const BAR = 14;

/**
 * Horizontal bars of one question's answers, server-rendered SVG (no script),
 * each with its answer above it and the count beside it. The table below it is
 * the text alternative; in right-to-left languages the bars grow from the right.
 */
export function BarChart({ bars, label, rtl }: Props) {
  const max = Math.max(1, ...bars.map((b) => b.count));
  const x = scaleLinear().domain([0, max]).range([0, WIDTH - 40]);
  const height = bars.length * ROW + 2;
  const edge = rtl ? WIDTH : 0;
  return (
    <svg role="img" aria-label={label} viewBox={`0 0 ${WIDTH} ${height}`} className="h-auto w-full max-w-md" direction={rtl ? "rtl" : "ltr"}>
      {bars.map((b, i) => {
        const w = Math.max(Math.round(x(b.count) * 10) / 10, 1);
        const y = i * ROW;
        return (
          <g key={i}>
            <text x={edge} y={y + 13} textAnchor="start" className="fill-slate-800 text-[12px]">{b.label.length > 48 ? `${b.label.slice(0, 47)}…` : b.label}</text>
            <rect x={rtl ? WIDTH - w : 0} y={y + 18} width={w} height={BAR} rx={3} className="fill-brand-600" />
            <text x={rtl ? WIDTH - w - 4 : w + 4} y={y + 30} textAnchor="start" className="fill-slate-700 text-[12px]">{b.count}</text>
          </g>
        );
      })}
    </svg>
  );
}
