// Sign-in in the 17:00 spike (docs/benchmarks.md, "Sign-in in the spike"): distinct parents
// arrive as an open Poisson stream, each signs in through next-auth's credentials endpoint
// exactly as the login form does (scripts/bench/sessions.ts) and, in a visit, then opens the
// overview and their child's page with the new session.
//
// The sign-in limit (lib/auth/throttle.ts) counts failures only: an attempt reserves a point
// per account and per client address, and a successful sign-in gives it back. Every parent here
// is a different account with the right password, so the per-address counter (100 per hour)
// only holds the attempts in flight at one moment. The server takes the client address from the
// socket (scripts/peer-address.cjs appends it to X-Forwarded-For; a header the client sends is
// not trusted), so the benchmark cannot and does not pretend to come from many addresses: all
// its parents share 127.0.0.1. Refusals are counted from the audit log ("signin:throttled")
// and reported; a run with any is not a measurement of sign-in cost.
import { signIn } from "./sessions";
import { poissonArrivals, seededRandom } from "./paced";
import { summarise, type Summary } from "./stats";

export type Parent = { email: string; childPath: string };

export type SignInPhase = {
  rate: number;
  seconds: number;
  arrivals: number;
  signIn: Summary;
  /** The two pages after the sign-in (visits only); latency per page. */
  pages: Summary | null;
  /** Sign-ins that did not yield a session (wrong answer, refusal, network error). */
  signInErrors: number;
  pageErrors: number;
};

/**
 * Paced arrivals of distinct parents: `parents` must hold at least rate × seconds × 1.5 entries
 * (one per arrival; a Poisson stream may send more than the mean). With `visit`, each parent
 * then opens /parent and their child's page.
 */
export async function signInStream(opts: { base: string; password: string; parents: Parent[]; rate: number; seconds: number; visit: boolean; seed?: number }): Promise<SignInPhase> {
  const arrivals = poissonArrivals(opts.rate, opts.seconds, seededRandom(opts.seed ?? 7));
  if (arrivals.length > opts.parents.length) arrivals.length = opts.parents.length;
  const signInLatencies: number[] = [];
  const pageLatencies: number[] = [];
  let signInErrors = 0;
  let pageErrors = 0;
  const started = performance.now();
  let lastAnswer = started;

  const page = async (path: string, cookie: string) => {
    const t = performance.now();
    try {
      const response = await fetch(`${opts.base}${path}`, { headers: { cookie }, redirect: "manual", signal: AbortSignal.timeout(30_000) });
      await response.arrayBuffer();
      if (response.status === 200) pageLatencies.push(performance.now() - t);
      else pageErrors++;
    } catch {
      pageErrors++;
    }
  };

  const visit = async (index: number) => {
    const parent = opts.parents[index];
    const arrived = started + arrivals[index];
    let cookie: string | null = null;
    try {
      cookie = await signIn(opts.base, parent.email, opts.password);
      signInLatencies.push(performance.now() - arrived);
    } catch {
      signInErrors++;
    }
    if (cookie && opts.visit) {
      await page("/parent", cookie);
      await page(parent.childPath, cookie);
    }
    lastAnswer = performance.now();
  };

  const pending: Promise<void>[] = [];
  await new Promise<void>((resolve) => {
    let next = 0;
    const tick = () => {
      const now = performance.now() - started;
      while (next < arrivals.length && arrivals[next] <= now) pending.push(visit(next++));
      if (next < arrivals.length) setTimeout(tick, Math.max(0, Math.min(5, arrivals[next] - now)));
      else resolve();
    };
    tick();
  });
  await Promise.all(pending);
  const seconds = (lastAnswer - started) / 1000;
  return {
    rate: opts.rate,
    seconds: opts.seconds,
    arrivals: arrivals.length,
    signIn: summarise(signInLatencies, signInErrors, seconds),
    pages: opts.visit ? summarise(pageLatencies, pageErrors, seconds) : null,
    signInErrors,
    pageErrors,
  };
}
