import { SYSTEM_EDGES, SYSTEM_NODES, type SystemNode, type SystemPlace } from "@/lib/domain/school-system/model";

// The Dutch school system as a server-rendered SVG (no client JavaScript).
// Time runs left to right in every language; the labels follow the page's
// direction. The child's node is marked by a thick border, a star and a
// text line, the next steps by a dashed border and a text line — never by
// colour alone. The list next to it (SystemRoutes) is the text alternative.

const W = 150;
const H = 54;
const COLUMN_X = [6, 196, 406, 606];
const BOX: Record<SystemNode, { x: number; y: number }> = {
  PRIMARY: { x: COLUMN_X[0], y: 178 },
  VMBO_B: { x: COLUMN_X[1], y: 10 }, VMBO_K: { x: COLUMN_X[1], y: 86 }, VMBO_GT: { x: COLUMN_X[1], y: 162 },
  HAVO: { x: COLUMN_X[1], y: 262 }, VWO: { x: COLUMN_X[1], y: 350 },
  MBO_1: { x: COLUMN_X[2], y: 6 }, MBO_2: { x: COLUMN_X[2], y: 76 }, MBO_3: { x: COLUMN_X[2], y: 146 }, MBO_4: { x: COLUMN_X[2], y: 216 },
  HBO: { x: COLUMN_X[3], y: 262 }, WO: { x: COLUMN_X[3], y: 350 },
};
const VIEW = { width: 762, height: 412 };

function edgePath(from: SystemNode, to: SystemNode): string {
  const a = BOX[from];
  const b = BOX[to];
  if (a.x === b.x) {
    // Same column: straight down from the bottom edge to the top edge, a little off-centre.
    const x = a.x + W / 2 + 30;
    return `M${x},${a.y + H} L${x},${b.y - 3}`;
  }
  return `M${a.x + W},${a.y + H / 2} L${b.x - 3},${b.y + H / 2}`;
}

type Props = {
  place: SystemPlace;
  dir: "ltr" | "rtl";
  titleId: string;
  descId: string;
  labels: { title: string; desc: string; here: string; next: string; short: (node: SystemNode) => string };
};

export function SystemDiagram({ place, dir, titleId, descId, labels }: Props) {
  const next = new Set(place.next.map((n) => n.node));
  return (
    <svg
      viewBox={`0 0 ${VIEW.width} ${VIEW.height}`} role="img" aria-labelledby={titleId} aria-describedby={descId}
      className="school-system-diagram h-auto w-full" direction="ltr" data-testid="system-diagram"
    >
      <title id={titleId}>{labels.title}</title>
      <desc id={descId}>{labels.desc}</desc>
      <defs>
        <marker id="ss-arrow" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse">
          <path d="M0,0 L10,5 L0,10 z" className="fill-slate-600" />
        </marker>
      </defs>
      {SYSTEM_EDGES.map((edge) => (
        <path
          key={`${edge.from}-${edge.to}`} d={edgePath(edge.from, edge.to)} fill="none" markerEnd="url(#ss-arrow)"
          className="stroke-slate-600" strokeWidth={edge.kind === "main" ? 2 : 1.5} strokeDasharray={edge.kind === "switch" ? "6 4" : undefined}
        />
      ))}
      {SYSTEM_NODES.map((node) => {
        const { x, y } = BOX[node];
        const here = place.node === node;
        const mark = here ? `★ ${labels.here}` : next.has(node) ? labels.next : null;
        return (
          <g key={node} data-node={node} data-here={here || undefined} data-next={next.has(node) || undefined}>
            <rect
              x={x} y={y} width={W} height={H} rx={10}
              className={here ? "fill-brand-100 stroke-brand-900" : next.has(node) ? "fill-white stroke-brand-700" : "fill-white stroke-slate-500"}
              strokeWidth={here ? 5 : next.has(node) ? 3 : 1.5} strokeDasharray={next.has(node) && !here ? "7 4" : undefined}
            />
            <text x={x + W / 2} y={mark ? y + 23 : y + H / 2 + 6} textAnchor="middle" direction={dir} className="fill-slate-900 text-[16px] font-semibold">
              {labels.short(node)}
            </text>
            {mark ? (
              <text x={x + W / 2} y={y + 44} textAnchor="middle" direction={dir} className={`text-[13px] ${here ? "fill-brand-900 font-bold" : "fill-slate-800"}`}>
                {mark}
              </text>
            ) : null}
          </g>
        );
      })}
    </svg>
  );
}
