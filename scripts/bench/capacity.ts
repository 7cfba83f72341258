// The capacity model (docs/benchmarks.md, "Capacity model"): from the CPU a page and a sign-in
// cost in this run, how many cores a board needs for three times its modelled 17:00 peak.
// Pure arithmetic, so it is unit-tested (tests/unit/bench-capacity.test.ts).

/** The peak model's assumptions, stated once. */
export const PEAK_MODEL = {
  /** Guardians per pupil (the 50,000-pupil data set has ≈ 1.71: 85,347 guardians). */
  guardiansPerPupil: 1.7,
  /** Share of all guardians who look within the peak window on a day grades appear at 17:00. */
  lookingShare: 0.25,
  /** The peak window, in seconds (ten minutes). */
  windowSeconds: 600,
  /** Pages per visit: the overview and one child's page. */
  pagesPerVisit: 2,
  /** Share of visits that begin with a sign-in (a session ends after an idle hour, so most do). */
  signInShare: 0.9,
  /** Headroom: the cores must carry this multiple of the modelled peak… */
  peakMultiple: 3,
  /** …at no more than this utilisation. */
  maxUtilisation: 0.7,
} as const;

export type PeakModel = { readonly [K in keyof typeof PEAK_MODEL]: number };

/** Boards the report sizes: one board, and all of Dutch secondary education. */
export const BOARD_SIZES = [50_000, 900_000] as const;

export type CostPerRequest = { web: number; postgres: number };

export type Capacity = {
  pupils: number;
  guardians: number;
  /** Visits per second at the modelled peak (not multiplied). */
  visitsPerSecond: number;
  /** Pages and sign-ins per second at `peakMultiple` × the modelled peak. */
  pagesPerSecond: number;
  signInsPerSecond: number;
  /** CPU milliseconds per second at that load: web (Next.js) and PostgreSQL. */
  webCpuMsPerSecond: number;
  postgresCpuMsPerSecond: number;
  /** Cores at `maxUtilisation`: web, PostgreSQL, and the sum rounded up. */
  webCores: number;
  postgresCores: number;
  cores: number;
};

const round = (n: number, digits = 2) => Math.round(n * 10 ** digits) / 10 ** digits;

/**
 * Cores needed for `pupils` at `model.peakMultiple` × the modelled peak:
 *   visits/s  = pupils × guardiansPerPupil × lookingShare ÷ windowSeconds
 *   pages/s   = multiple × visits/s × pagesPerVisit
 *   sign-ins/s = multiple × visits/s × signInShare
 *   cores     = (pages/s × CPU per page + sign-ins/s × CPU per sign-in) ÷ 1000 ÷ maxUtilisation
 * with CPU in milliseconds, web and PostgreSQL each (they may run on different machines).
 */
export function coresNeeded(pupils: number, page: CostPerRequest, signIn: CostPerRequest, model: PeakModel = PEAK_MODEL): Capacity {
  if (!(pupils > 0)) throw new Error("pupils must be positive");
  for (const [name, cost] of Object.entries({ page, signIn }))
    if (!(cost.web >= 0) || !(cost.postgres >= 0)) throw new Error(`CPU per ${name} must be a non-negative number`);
  const guardians = pupils * model.guardiansPerPupil;
  const visitsPerSecond = (guardians * model.lookingShare) / model.windowSeconds;
  const pagesPerSecond = model.peakMultiple * visitsPerSecond * model.pagesPerVisit;
  const signInsPerSecond = model.peakMultiple * visitsPerSecond * model.signInShare;
  const webCpuMsPerSecond = pagesPerSecond * page.web + signInsPerSecond * signIn.web;
  const postgresCpuMsPerSecond = pagesPerSecond * page.postgres + signInsPerSecond * signIn.postgres;
  const webCores = webCpuMsPerSecond / 1000 / model.maxUtilisation;
  const postgresCores = postgresCpuMsPerSecond / 1000 / model.maxUtilisation;
  return {
    pupils,
    guardians: Math.round(guardians),
    visitsPerSecond: round(visitsPerSecond),
    pagesPerSecond: round(pagesPerSecond),
    signInsPerSecond: round(signInsPerSecond),
    webCpuMsPerSecond: round(webCpuMsPerSecond, 0),
    postgresCpuMsPerSecond: round(postgresCpuMsPerSecond, 0),
    webCores: round(webCores),
    postgresCores: round(postgresCores),
    cores: Math.ceil(webCores + postgresCores - 1e-9),
  };
}

/** Pages per second one core serves at 100 % busy, web and PostgreSQL together. */
export function pagesPerCore(page: CostPerRequest): number {
  const ms = page.web + page.postgres;
  return ms > 0 ? round(1000 / ms, 1) : NaN;
}

/** A ratio against a budget: "2.31× (budget ≤ 2.5×): met". */
export type RatioBudget = { ratio: number; budget: number; met: boolean };

export function ratioBudget(value: number, reference: number, budget: number): RatioBudget {
  const ratio = reference > 0 ? round(value / reference) : NaN;
  return { ratio, budget, met: Number.isFinite(ratio) && ratio <= budget };
}
