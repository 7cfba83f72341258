// The Dutch school system as a small graph (issue 18): where a pupil is
// (class track + leerjaar) and where they can go. Pure: the diagram, its text
// alternative and the next-year text all read from here, and
// model.test.ts covers every track and year.

export const SYSTEM_NODES = [
  "PRIMARY", "VMBO_B", "VMBO_K", "VMBO_GT", "HAVO", "VWO", "MBO_1", "MBO_2", "MBO_3", "MBO_4", "HBO", "WO",
] as const;
export type SystemNode = (typeof SYSTEM_NODES)[number];

/** Tracks a class can have (ClassGroup.track) and how many years each takes; the last is the exam year. */
export const TRACK_YEARS = {
  VMBO_B: 4, VMBO_K: 4, VMBO_GT: 4, HAVO: 5, VWO: 6, MBO_1: 1, MBO_2: 2, MBO_3: 3, MBO_4: 4,
} as const satisfies Partial<Record<SystemNode, number>>;
export type Track = keyof typeof TRACK_YEARS;

/** "main": the usual route after a diploma; "switch": a change of track or a route with extra conditions. */
export type SystemEdge = { from: SystemNode; to: SystemNode; kind: "main" | "switch" };

export const SYSTEM_EDGES: readonly SystemEdge[] = [
  ...(["VMBO_B", "VMBO_K", "VMBO_GT", "HAVO", "VWO"] as const).map((to) => ({ from: "PRIMARY" as const, to, kind: "main" as const })),
  { from: "VMBO_B", to: "MBO_2", kind: "main" },
  { from: "VMBO_K", to: "MBO_3", kind: "main" },
  { from: "VMBO_K", to: "MBO_4", kind: "main" },
  { from: "VMBO_GT", to: "MBO_3", kind: "main" },
  { from: "VMBO_GT", to: "MBO_4", kind: "main" },
  { from: "MBO_1", to: "MBO_2", kind: "main" },
  { from: "MBO_2", to: "MBO_3", kind: "main" },
  { from: "MBO_3", to: "MBO_4", kind: "main" },
  { from: "MBO_4", to: "HBO", kind: "main" },
  { from: "HAVO", to: "HBO", kind: "main" },
  { from: "VWO", to: "WO", kind: "main" },
  { from: "VWO", to: "HBO", kind: "main" },
  { from: "VMBO_B", to: "VMBO_K", kind: "switch" },
  { from: "VMBO_K", to: "VMBO_GT", kind: "switch" },
  { from: "VMBO_GT", to: "HAVO", kind: "switch" },
  { from: "HAVO", to: "VWO", kind: "switch" },
  { from: "HAVO", to: "MBO_4", kind: "switch" },
  { from: "HBO", to: "WO", kind: "switch" },
];

/** What the coming school year asks, in general terms: a message key of the schoolSystem catalogue (`nextYear.<key>`). */
export type NextYearKey =
  | "vmboYear1" | "vmboYear2" | "vmboYear3" | "vmboExam"
  | "lowerYears" | "profileChoice" | "upperYears" | "beforeExam" | "havoExam" | "vwoExam"
  | "mboYear" | "mboExam" | "unknown";

export type SystemPlace = {
  /** The node the pupil is in; null for a track the diagram does not know. */
  node: SystemNode | null;
  year: number;
  /** Years of the programme; null when the track is unknown. */
  years: number | null;
  examYear: boolean;
  /** Where the pupil can go from here: the usual routes first, then the switches. */
  next: { node: SystemNode; kind: SystemEdge["kind"] }[];
  nextYear: NextYearKey;
};

export function isTrack(value: string): value is Track {
  return Object.prototype.hasOwnProperty.call(TRACK_YEARS, value);
}

export function routesFrom(node: SystemNode): { node: SystemNode; kind: SystemEdge["kind"] }[] {
  const out = SYSTEM_EDGES.filter((e) => e.from === node);
  return [...out.filter((e) => e.kind === "main"), ...out.filter((e) => e.kind === "switch")].map((e) => ({ node: e.to, kind: e.kind }));
}

function nextYearKey(track: Track, year: number, years: number): NextYearKey {
  const exam = year >= years;
  if (track.startsWith("MBO")) return exam ? "mboExam" : "mboYear";
  if (track.startsWith("VMBO")) return exam ? "vmboExam" : year <= 1 ? "vmboYear1" : year === 2 ? "vmboYear2" : "vmboYear3";
  if (exam) return track === "HAVO" ? "havoExam" : "vwoExam";
  if (year <= 2) return "lowerYears";
  if (year === 3) return "profileChoice";
  return year === years - 1 ? "beforeExam" : "upperYears";
}

/** Where a pupil of a class with `track` in leerjaar `year` is, and where they can go. */
export function schoolSystemPlace(track: string, year: number): SystemPlace {
  if (!isTrack(track) || !Number.isInteger(year) || year < 1) return { node: null, year, years: null, examYear: false, next: [], nextYear: "unknown" };
  const years = TRACK_YEARS[track];
  const shown = Math.min(year, years);
  return { node: track, year: shown, years, examYear: shown === years, next: routesFrom(track), nextYear: nextYearKey(track, shown, years) };
}
