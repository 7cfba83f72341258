import { scaleBand, scaleLinear } from "d3-scale";

type Bar = { key: string; label: string; share: number | null };

const WIDTH = 480;
const HEIGHT = 160;
const PAD_TOP = 8;
const PAD_BOTTOM = 22;
const PAD_SIDE = 40;

/**
 * Bars of a share (0..1) per month, server-rendered. `label` is the text
 * alternative; the page shows the same figures in a table. The x axis runs
 * with the reading direction (right to left in Arabic).
 */
export function MonthChart({ bars, label, rtl }: { bars: Bar[]; label: string; rtl: boolean }) {
  if (bars.length === 0) return null;
  const range: [number, number] = rtl ? [WIDTH - PAD_SIDE, PAD_SIDE] : [PAD_SIDE, WIDTH - PAD_SIDE];
  const x = scaleBand<string>().domain(bars.map((b) => b.key)).range(range).padding(0.25);
  const y = scaleLinear().domain([0, 1]).range([HEIGHT - PAD_BOTTOM, PAD_TOP]);
  const round = (n: number) => Math.round(n * 10) / 10;
  const gridX1 = PAD_SIDE;
  const gridX2 = WIDTH - PAD_SIDE;
  return (
    <svg role="img" aria-label={label} viewBox={`0 0 ${WIDTH} ${HEIGHT}`} className="h-auto w-full max-w-xl">
      {[0, 0.5, 1].map((tick) => (
        <g key={tick}>
          <line x1={gridX1} x2={gridX2} y1={y(tick)} y2={y(tick)} className="stroke-slate-200" />
          <text x={rtl ? gridX2 + 4 : gridX1 - 4} y={y(tick) + 4} textAnchor={rtl ? "start" : "end"} className="fill-slate-600 text-[10px]">
            {`${tick * 100}%`}
          </text>
        </g>
      ))}
      {bars.map((b) => {
        const left = round(x(b.key)!);
        const top = round(y(b.share ?? 0));
        return (
          <g key={b.key}>
            <rect x={left} y={top} width={round(x.bandwidth())} height={round(y(0) - top)} className="fill-brand-600" />
            <text x={round(left + x.bandwidth() / 2)} y={HEIGHT - 6} textAnchor="middle" className="fill-slate-700 text-[10px]">{b.label}</text>
          </g>
        );
      })}
    </svg>
  );
}
