// `npm run bench`: the portal at school-board scale, reported as ratios
// against the floor measured in the same run. See docs/benchmarks.md.
// Flags: --smoke, --pupils N, --concurrency N, --seconds N, --only booking (just the booking rush),
// --skip-build (serve the existing .next-bench build, e.g. a second run of the same code),
// --data-only (generate the data set, or see that it is there, and stop: the generation
// is not measured, so it may run while the machine is busy with something else).
import { execSync, spawn, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import pg from "pg";
import { migrateDeploy, startEmbeddedPostgres } from "../postgres";
import { createSeedClient, isDatabaseEmpty, seedDemo } from "../../prisma/seed";
import { signIn, signInAll, type Session } from "./sessions";
import { httpLoad, type HttpResult } from "./load";
import { pacedLoad } from "./paced";
import { withCpu, type CpuPerRequest } from "./cpu";
import { firstLoadJs } from "./js-size";
import { writeReport } from "./report";
import { bookingRush, type RushResult } from "./booking";
import { reachSqlTimes } from "./reach";
import { BOARD_SIZES, PEAK_MODEL, coresNeeded, pagesPerCore, ratioBudget, type CostPerRequest } from "./capacity";
import { profileOneProcess } from "./profile";
import { signInStream, type Parent } from "./signin";
import { scannedTables, settledTableReads, sharedCacheCheck } from "./public-cache";
import { PHONE_BUDGETS, PHONE_PROFILE, phoneMetrics } from "./phones";

const ROOT = path.resolve(__dirname, "../..");
const { values: flags } = parseArgs({
  options: {
    smoke: { type: "boolean", default: false },
    pupils: { type: "string" },
    concurrency: { type: "string" },
    seconds: { type: "string" },
    only: { type: "string" },
    "skip-build": { type: "boolean", default: false },
    "data-only": { type: "boolean", default: false },
  },
});
if (flags.only !== undefined && flags.only !== "booking") throw new Error("--only takes: booking");
const smoke = flags.smoke!;
const PUPILS = Number(flags.pupils ?? (smoke ? 300 : 50_000));
const CONCURRENCY = Number(flags.concurrency ?? (smoke ? 10 : 100));
const SECONDS = Number(flags.seconds ?? (smoke ? 2 : 20));
const WARM_UP_SECONDS = smoke ? 1 : 60;
// BENCH_PORT moves the servers, so a helper's run does not collide with the lead's on one machine.
const PORT = Number(process.env.BENCH_PORT ?? 3300);
const BARE_PORT = PORT + 1;
/** What scripts/serve.ts starts. */
const SERVER_PROCESSES = Math.min(os.availableParallelism(), Math.max(1, Number(process.env.WEB_CONCURRENCY ?? os.availableParallelism())));
const BASE = `http://localhost:${PORT}`;
const PASSWORD = "schoolkompas";
// Expected 17:00 peak for a 50,000-pupil board (docs/benchmarks.md, scripts/bench/capacity.ts):
// ≈ 85,000 guardians, a quarter look within 10 minutes, two pages each → ≈ 71 requests/s (75 kept
// for the ramp, as before, so its steps compare with earlier runs).
const EXPECTED_PEAK_RPS = smoke ? 10 : 75;
/** One server process with the inspector, for the profile (scripts/bench/profile.ts). */
const PROFILE_PORT = PORT + 10;
const INSPECT_PORT = PORT + 11;
/** Paced sign-ins per second in the sign-in phases (distinct parents). */
const SIGN_IN_RATE = smoke ? 4 : 10;
/** Budgets of decision 0045 (docs/architecture.md, "Budgets"). */
const BUDGET = { childOverLogin: 2.5, overviewOverLogin: 2, cachedOverStatic: 1.5, ownJsBytes: 15 * 1024 } as const;
const SESSION_SECRET = randomBytes(24).toString("hex");

const log = (message: string) => console.log(`[bench] ${message}`);

async function waitForHealth(timeoutMs: number, server: ChildProcess) {
  const end = Date.now() + timeoutMs;
  while (Date.now() < end) {
    if (server.exitCode !== null) throw new Error(`the server exited (${server.exitCode}) before it was up`);
    try {
      if ((await fetch(`${BASE}/api/health`)).ok) return;
    } catch {
      /* not up yet */
    }
    await new Promise((r) => setTimeout(r, 1000));
  }
  throw new Error("the server did not come up");
}

function runFloor(databaseUrl: string, input: object): Promise<{ roundTrips: number; dataLayer: HttpResult; sql: HttpResult }> {
  const file = path.join(os.tmpdir(), `bench-floor-${process.pid}.json`);
  writeFileSync(file, JSON.stringify(input));
  return new Promise((resolve, reject) => {
    const child = spawn(path.join(ROOT, "node_modules/.bin/tsx"), ["--require", "./scripts/bench/server-only-shim.cjs", "scripts/bench/floor.ts"], {
      cwd: ROOT,
      env: { ...process.env, DATABASE_URL: databaseUrl, BENCH_FLOOR_INPUT: file },
      stdio: ["ignore", "pipe", "inherit"],
    });
    let out = "";
    child.stdout.on("data", (chunk) => (out += chunk));
    child.on("exit", (code) => (code === 0 ? resolve(JSON.parse(out.trim().split("\n").pop()!)) : reject(new Error(`floor exited ${code}`))));
  });
}

type PublicPage = HttpResult & {
  path: string;
  status: number;
  cpuMsPerRequest: CpuPerRequest;
  /** Sequential and index scans on the app's tables over the load (budget 0). */
  tableScans: number;
  /** The tables those scans were on (the job worker's outbox sweep reads "Notification"). */
  scannedTables: Record<string, number>;
  /** Committed transactions in the database over the same time, the job worker's polling included (context only). */
  commits: number;
  headers: ReturnType<typeof sharedCacheCheck>;
  cpuOverStatic: ReturnType<typeof ratioBudget>;
};

type ImportPhase = { pupils: number; rows: number; bytes: number; first: { upload: number; dryRun: number; apply: number }; again: { upload: number; dryRun: number; apply: number }; results: number };

/** The import of a school's year (scripts/bench/import.ts) in a child process, on its own new school. */
function runImport(databaseUrl: string): Promise<ImportPhase> {
  return new Promise((resolve, reject) => {
    const child = spawn(path.join(ROOT, "node_modules/.bin/tsx"), ["--require", "./scripts/bench/server-only-shim.cjs", "scripts/bench/import.ts"], {
      cwd: ROOT,
      env: { ...process.env, DATABASE_URL: databaseUrl, BENCH_IMPORT_PUPILS: String(smoke ? 60 : 2000) },
      stdio: ["ignore", "pipe", "inherit"],
    });
    let out = "";
    child.stdout.on("data", (chunk) => (out += chunk));
    child.on("exit", (code) => (code === 0 ? resolve(JSON.parse(out.trim().split("\n").pop()!)) : reject(new Error(`import phase exited ${code}`))));
  });
}

async function main() {
  const started = Date.now();
  const database = process.env.BENCH_DATABASE_URL
    ? { url: process.env.BENCH_DATABASE_URL, stop: async () => {} }
    : await startEmbeddedPostgres({ dir: smoke ? ".data/pg-bench-smoke" : ".data/pg-bench", port: Number(process.env.BENCH_DB_PORT ?? 54370), database: "bench", fresh: smoke });
  let server: ChildProcess | null = null;
  const sql = new pg.Pool({ connectionString: database.url, max: 2 });
  try {
    await migrateDeploy(database.url);
    const seeder = createSeedClient(database.url);
    let generationSeconds: number | null = null;
    if (await isDatabaseEmpty(seeder)) {
      log(`generating ${PUPILS} pupils…`);
      const t = Date.now();
      await seedDemo(seeder, { pupils: PUPILS, log: (m) => log(m) });
      generationSeconds = (Date.now() - t) / 1000;
    } else log("reusing the existing benchmark data set");
    await seeder.$disconnect();
    if (flags["data-only"]) {
      log(`data set ready${generationSeconds === null ? "" : ` (generated in ${Math.round(generationSeconds)} s)`}`);
      return;
    }
    const counts = (await sql.query(`SELECT (SELECT count(*) FROM "Pupil")::int AS pupils, (SELECT count(*) FROM "Guardian")::int AS guardians, (SELECT count(*) FROM "Result")::int AS results, (SELECT count(*) FROM "AbsenceRecord")::int AS absences, (SELECT count(*) FROM "ContactMoment")::int AS contacts`)).rows[0];
    await ensureFourClassMentor(sql);

    log("building and starting the server as `npm run demo` does…");
    server = spawn(path.join(ROOT, "node_modules/.bin/tsx"), ["scripts/demo.ts", ...(flags["skip-build"] ? ["--skip-build"] : [])], {
      cwd: ROOT,
      stdio: ["ignore", "ignore", "inherit"],
      env: { ...process.env, NEXT_DIST_DIR: ".next-bench", DATABASE_URL: database.url, PORT: String(PORT), NEXTAUTH_SECRET: SESSION_SECRET, NEXTAUTH_URL: BASE },
    });
    // The build runs first: on a busy two-core machine it has taken more than 15 minutes.
    await waitForHealth(45 * 60_000, server);

    if (flags.only === "booking") {
      const rush = await runBookingRush(sql);
      const commit = execSync("git rev-parse --short HEAD", { cwd: ROOT }).toString().trim();
      const stamp = `${new Date().toISOString().slice(0, 16).replace(/[:T]/g, "-")}-${smoke ? "smoke" : "full"}-booking`;
      const rows: [string, string][] = [["commit / mode", `${commit} / ${smoke ? "smoke" : "full"}, booking rush only`], ["data set", `${counts.pupils} pupils, ${counts.guardians} guardians`], ...rushRows(rush)];
      const out = writeReport(path.join(ROOT, smoke ? ".data/bench-smoke" : "bench/results"), stamp, { mode: smoke ? "smoke" : "full", commit, dataSet: counts, booking: rush }, rows);
      log(`report: ${path.relative(ROOT, out.md)}`);
      console.log(rows.map(([k, v]) => `  ${k}: ${v}`).join("\n"));
      checkRush(rush);
      return;
    }

    const signInParentsPerPhase = Math.ceil(SIGN_IN_RATE * SECONDS * 1.5) + 5;
    const allParentRows = (await sql.query(
      `SELECT u.email, u.id AS "userId", u."sessionVersion", min(l."pupilId") AS "pupilId" FROM "GuardianLink" l
         JOIN "Guardian" g ON g.id = l."guardianId" JOIN "User" u ON u.id = g."userId"
       WHERE l."hasParentalAuthority" AND NOT l."accessRestricted" AND l."consentWithdrawnAt" IS NULL AND u."disabledAt" IS NULL
         -- Parents only: a user who also holds a staff role signs in as staff (the floor then got "forbidden").
         AND NOT EXISTS (SELECT 1 FROM "RoleMembership" rm WHERE rm."userId" = u.id AND rm.role <> 'PARENT')
       GROUP BY u.id ORDER BY md5(u.id) LIMIT $1`,
      [(smoke ? 20 : Math.max(200, CONCURRENCY * 2)) + 2 * signInParentsPerPhase],
    )).rows as { email: string; userId: string; sessionVersion: number; pupilId: string }[];
    // Parents for the sign-in phases, distinct from those signed in here and from each other.
    const parentRows = allParentRows.slice(0, allParentRows.length - 2 * signInParentsPerPhase);
    const toParent = (p: (typeof allParentRows)[number]): Parent => ({ email: p.email, childPath: `/parent/children/${p.pupilId}` });
    const signInOnlyParents = allParentRows.slice(parentRows.length, parentRows.length + signInParentsPerPhase).map(toParent);
    const visitParents = allParentRows.slice(parentRows.length + signInParentsPerPhase).map(toParent);
    log(`signing in ${parentRows.length} parents…`);
    const sessions = await signInAll(BASE, parentRows.map((p) => ({ email: p.email, path: `/parent/children/${p.pupilId}` })), PASSWORD);

    // At 17:00 a parent opens the overview and then a child: the spike asks for both, in turn.
    const spikeSessions = sessions.flatMap((s) => [{ ...s, path: "/parent" }, s]);
    // A server that has run for a while: V8 optimises the rendering code only after thousands of
    // pages (one process: ≈ 15 ms of CPU per parent page in its first seconds under load, ≈ 6 ms after 1.5 minutes).
    log(`warming up: both parent pages, ${CONCURRENCY} concurrent for ${WARM_UP_SECONDS}s`);
    await httpLoad({ url: BASE, connections: CONCURRENCY, seconds: WARM_UP_SECONDS, sessions: spikeSessions });
    log(`parent child page: ${CONCURRENCY} concurrent for ${SECONDS}s`);
    const serverPid = server.pid!;
    const childPage = await withCpu(serverPid, () => httpLoad({ url: BASE, connections: CONCURRENCY, seconds: SECONDS, sessions }));
    // The reference: the framework's smallest dynamic page, in the same run at the same concurrency.
    log(`per core: /login (reference) and the overview /parent, ${CONCURRENCY} concurrent for ${SECONDS}s each`);
    const loginPage = await withCpu(serverPid, () => httpLoad({ url: BASE, connections: CONCURRENCY, seconds: SECONDS, path: "/login" }));
    const overviewPage = await withCpu(serverPid, () => httpLoad({ url: BASE, connections: CONCURRENCY, seconds: SECONDS, sessions: sessions.map((s) => ({ ...s, path: "/parent" })) }));

    log(`profile: one extra server process (port ${PROFILE_PORT}, inspector ${INSPECT_PORT}), child pages at 20 concurrent`);
    const profiled = await profileOneProcess({
      root: ROOT,
      env: { ...process.env, NEXT_DIST_DIR: ".next-bench", NEXT_TELEMETRY_DISABLED: "1", DATABASE_URL: database.url, NEXTAUTH_SECRET: SESSION_SECRET, NEXTAUTH_URL: `http://localhost:${PROFILE_PORT}` },
      port: PROFILE_PORT,
      inspectPort: INSPECT_PORT,
      warm: (url) => httpLoad({ url, connections: 20, seconds: smoke ? 2 : 30, sessions: spikeSessions }),
      load: (url) => httpLoad({ url, connections: 20, seconds: smoke ? 2 : SECONDS, sessions }),
    });

    log("floor: data layer in-process and SQL replay");
    const floor = await runFloor(database.url, { parents: parentRows, concurrency: CONCURRENCY, seconds: SECONDS, poolSize: Number(process.env.DATABASE_POOL_SIZE ?? 10) });

    log("mentor class list");
    const mentorSessions = async (email: string): Promise<Session[]> => [{ email, path: "/mentor", cookie: await signIn(BASE, email, PASSWORD) }];
    const mentorConnections = Math.min(CONCURRENCY, 10);
    const oneClass = await mentorSessions("mentor@demo.test");
    const fourClasses = await mentorSessions("bench-mentor4@bench.test");
    const mentorOne = await withCpu(serverPid, () => httpLoad({ url: BASE, connections: mentorConnections, seconds: SECONDS, sessions: oneClass }));
    const mentorFour = await withCpu(serverPid, () => httpLoad({ url: BASE, connections: mentorConnections, seconds: SECONDS, sessions: fourClasses }));

    // The leader's reach dashboard (issue 19), one user: the budget is p95 < 200 ms for a school of 2,000 pupils.
    log("leader's reach dashboard, one user");
    const leaderSession: Session[] = [{ email: "leider@demo.test", path: "/leader", cookie: await signIn(BASE, "leider@demo.test", PASSWORD) }];
    const reachPage = await withCpu(serverPid, () => httpLoad({ url: BASE, connections: 1, seconds: SECONDS, sessions: leaderSession }));
    const reachSql = await reachSqlTimes(sql, smoke ? 3 : 10);

    log("public pages from cache against a static file: CPU, database reads, headers");
    const slugs = (await sql.query(`SELECT slug FROM "School" ORDER BY name LIMIT 3`)).rows.map((r: { slug: string }) => r.slug);
    const comparePath = `/compare?schools=${slugs.join(",")}`;
    const profilePath = `/schools/${slugs[0]}`;
    const compareResponse = await fetch(`${BASE}${comparePath}`);
    const compareStatus = compareResponse.status;
    const compareHtml = Buffer.from(await compareResponse.arrayBuffer());
    const staticFile = await withCpu(serverPid, () => httpLoad({ url: BASE, connections: CONCURRENCY, seconds: SECONDS, path: "/robots.txt" }));
    const publicPages: Record<string, PublicPage> = {};
    for (const [name, pagePath] of [["compare", comparePath], ["school profile", profilePath]] as const) {
      // The first answer fills the cache (or, for an entry older than the page's `revalidate`,
      // serves it stale and renders it again in the background); ask until the answer is a fresh
      // hit, whose headers count. The load then runs well within the entry's 60 s.
      let cached = await fetch(`${BASE}${pagePath}`);
      await cached.arrayBuffer();
      for (let i = 0; i < 60 && cached.headers.get("x-nextjs-cache") !== "HIT"; i++) {
        await new Promise((r) => setTimeout(r, 1000));
        cached = await fetch(`${BASE}${pagePath}`);
        await cached.arrayBuffer();
      }
      const headers = sharedCacheCheck(cached.headers, false);
      const before = await settledTableReads(sql, 11_000);
      const load = await withCpu(serverPid, () => httpLoad({ url: BASE, connections: CONCURRENCY, seconds: SECONDS, path: pagePath }));
      const after = await settledTableReads(sql, 11_000);
      const cpuRatio = ratioBudget(load.cpuMsPerRequest?.server ?? NaN, staticFile.cpuMsPerRequest?.server ?? NaN, BUDGET.cachedOverStatic);
      publicPages[name] = { path: pagePath, status: cached.status, ...load, tableScans: after.scans - before.scans, scannedTables: scannedTables(before, after), commits: after.commits - before.commits, headers, cpuOverStatic: cpuRatio };
    }
    const compare = publicPages.compare.status === 200 ? publicPages.compare : null;
    // Not a budget: how fast a bare Node http server sends the same bytes on this machine, to tell
    // what is Next's work and what is the size of the page.
    const sameBytes = await withBareServer(compareHtml, (url) => httpLoad({ url, connections: CONCURRENCY, seconds: SECONDS, path: "/" }));

    log("release spike: ramp to 3× the expected 17:00 peak");
    const steps = [0.6, 1.2, 1.8, 2.4, 3].map((f) => Math.round(f * EXPECTED_PEAK_RPS));
    const spike: (HttpResult & { rate: number; cpuMsPerRequest: CpuPerRequest })[] = [];
    // Parents arrive independently (an open Poisson stream), not in autocannon's once-a-second bursts.
    for (const rate of steps) {
      spike.push({ rate, ...(await withCpu(serverPid, () => pacedLoad({ url: BASE, rate, seconds: SECONDS, sessions: spikeSessions, connections: CONCURRENCY }))) });
    }

    // Sign-in in the spike: distinct parents, paced, through the real next-auth flow. First the
    // sign-in alone (its CPU per sign-in is the capacity model's figure), then whole visits.
    log(`sign-in: ${SIGN_IN_RATE} distinct parents per second for ${SECONDS}s, sign-in only`);
    const signInStarted = new Date();
    const signInOnly = await withCpu(serverPid, async () => {
      const r = await signInStream({ base: BASE, password: PASSWORD, parents: signInOnlyParents, rate: SIGN_IN_RATE, seconds: SECONDS, visit: false });
      return { ...r, count: r.signIn.count };
    });
    log(`sign-in spike: ${SIGN_IN_RATE} distinct parents per second for ${SECONDS}s, each signs in and opens the overview and a child`);
    const visits = await withCpu(serverPid, async () => {
      const r = await signInStream({ base: BASE, password: PASSWORD, parents: visitParents, rate: SIGN_IN_RATE, seconds: SECONDS, visit: true, seed: 11 });
      return { ...r, count: r.signIn.count };
    });
    const refusals = (await sql.query(
      `SELECT count(*) FILTER (WHERE action = 'signin:throttled')::int AS throttled, count(*) FILTER (WHERE action = 'signin:failed')::int AS failed FROM "AuditLog" WHERE at >= $1`,
      [signInStarted],
    )).rows[0] as { throttled: number; failed: number };

    log(`import: a school of ${smoke ? 60 : 2000} pupils with results and absences (dry run, apply, the same files again)`);
    const importPhase = await runImport(database.url);

    const rush = await runBookingRush(sql);

    log(`phones: Lighthouse, CPU ${PHONE_PROFILE.cpuSlowdownMultiplier}× slower, ${PHONE_PROFILE.requestLatencyMs} ms round trip, ${PHONE_PROFILE.downloadThroughputKbps / 1000} Mbit/s, cold cache, ${smoke ? 1 : 3} run(s) per page`);
    const phones = await phoneMetrics(
      BASE,
      [
        { path: "/parent", cookie: sessions[0].cookie },
        { path: sessions[0].path, cookie: sessions[0].cookie },
        { path: "/" },
        { path: comparePath },
      ],
      smoke ? 1 : 3,
    );

    log("first-load JavaScript");
    const parentCookie = sessions[0].cookie;
    const js = {
      "/parent": await firstLoadJs(BASE, "/parent", parentCookie),
      "/parent/children/[id]": await firstLoadJs(BASE, sessions[0].path, parentCookie),
      "/": await firstLoadJs(BASE, "/"),
      "/schools/[slug]": await firstLoadJs(BASE, `/schools/${slugs[0]}`),
      "/compare": await firstLoadJs(BASE, comparePath),
    };
    // A page that renders nothing of ours in the same build: an address that matches no page
    // (app/global-not-found.tsx, server components only), i.e. the framework's own first load.
    const nothingJs = await firstLoadJs(BASE, `/bench-nothing-${randomBytes(4).toString("hex")}`);
    const ownJs = Object.fromEntries(Object.entries(js).map(([route, r]) => [route, { bytes: r.gzipBytes - nothingJs.gzipBytes, met: r.gzipBytes - nothingJs.gzipBytes <= BUDGET.ownJsBytes }]));

    // Per core and the capacity model, from this run's CPU per request (web = the Next.js processes).
    const cost = (c: CpuPerRequest): CostPerRequest => ({ web: c?.server ?? NaN, postgres: c?.postgres ?? 0 });
    const childCost = cost(childPage.cpuMsPerRequest);
    const overviewCost = cost(overviewPage.cpuMsPerRequest);
    const loginCost = cost(loginPage.cpuMsPerRequest);
    // A visit's two pages: the overview and a child page.
    const pageCost: CostPerRequest = { web: (childCost.web + overviewCost.web) / 2, postgres: (childCost.postgres + overviewCost.postgres) / 2 };
    const signInCost = cost(signInOnly.cpuMsPerRequest);
    const perCore = {
      reference: { path: "/login", cpuMsPerRequest: loginPage.cpuMsPerRequest, rps: loginPage.rps },
      childOverLogin: ratioBudget(childCost.web, loginCost.web, BUDGET.childOverLogin),
      overviewOverLogin: ratioBudget(overviewCost.web, loginCost.web, BUDGET.overviewOverLogin),
      cpuMsPerPage: { child: childCost, overview: overviewCost, visitPage: pageCost },
      pagesPerCore: { child: pagesPerCore(childCost), overview: pagesPerCore(overviewCost), visitPage: pagesPerCore(pageCost), login: pagesPerCore(loginCost) },
    };
    let boards: ReturnType<typeof coresNeeded>[] = [];
    let capacityError: string | null = null;
    try {
      boards = BOARD_SIZES.map((pupils) => coresNeeded(pupils, pageCost, signInCost));
    } catch (error) {
      // A phase without a CPU figure (no answered request, or /proc unreadable): say so in the report.
      capacityError = `${error instanceof Error ? error.message : String(error)} (page ${JSON.stringify(pageCost)}, sign-in ${JSON.stringify(signInCost)})`;
      log(`capacity model: ${capacityError}`);
    }
    const capacity = { model: PEAK_MODEL, pageCost, signInCost, boards, error: capacityError };

    const version = (await sql.query("SHOW server_version")).rows[0].server_version as string;
    const commit = execSync("git rev-parse --short HEAD", { cwd: ROOT }).toString().trim();
    const spikeTotal = spike.reduce((s, x) => ({ count: s.count + x.count, errors: s.errors + x.errors }), { count: 0, errors: 0 });
    const ratio = (a: number, b: number) => Math.round((a / b) * 100) / 100;
    const data = {
      mode: smoke ? "smoke" : "full",
      commit,
      machine: { cores: os.cpus().length, cpu: os.cpus()[0]?.model, memoryGiB: Math.round(os.totalmem() / 2 ** 30), postgres: version, node: process.version },
      dataSet: { ...counts, generationSeconds },
      settings: { concurrency: CONCURRENCY, seconds: SECONDS, parents: sessions.length, poolSize: Number(process.env.DATABASE_POOL_SIZE ?? 10), serverProcesses: SERVER_PROCESSES },
      perCore, capacity, login: loginPage, overview: overviewPage,
      profile: { process: "one next start process, child pages at 20 concurrent", pages: profiled.result.count, ...profiled.summary },
      signIn: { rate: SIGN_IN_RATE, alone: signInOnly, visits, throttledInAuditLog: refusals.throttled, failedInAuditLog: refusals.failed },
      publicPages: { staticFile, pages: publicPages, budgetCpuOverStatic: BUDGET.cachedOverStatic },
      phones: { profile: PHONE_PROFILE, budgets: PHONE_BUDGETS, tool: "lighthouse (throttlingMethod devtools), Chromium headless", pages: phones },
      ownFirstLoadJs: { nothingPage: nothingJs, routes: ownJs, budgetBytes: BUDGET.ownJsBytes },
      childPage, floor, ratios: { pageP95OverSqlP95: ratio(childPage.p95, floor.sql.p95), dataLayerP95OverSqlP95: ratio(floor.dataLayer.p95, floor.sql.p95) },
      mentor: { oneClass: mentorOne, fourClasses: mentorFour },
      reach: { page: reachPage, sql: reachSql },
      compare: compare
        ? { ...compare, staticFile, throughputRatio: ratio(compare.rps, staticFile.rps), pageBytes: compareHtml.length, sameBytesBareServer: sameBytes, sameBytesRatio: ratio(compare.rps, sameBytes.rps) }
        : { status: compareStatus, staticFile },
      spike: { expectedPeakRps: EXPECTED_PEAK_RPS, pages: ["/parent", "/parent/children/[id]"], steps: spike, errorRate: ratio(spikeTotal.errors, spikeTotal.count + spikeTotal.errors) },
      firstLoadJs: js,
      import: importPhase,
      booking: rush,
      totalSeconds: Math.round((Date.now() - started) / 1000),
    };
    const kb = (b: number) => `${(b / 1024).toFixed(1)} kB`;
    const cpu = (c: CpuPerRequest) =>
      c ? `server ${c.server} ms, PostgreSQL ${c.postgres === null ? "n/a" : `${c.postgres} ms`}, load generator ${c.loadGenerator} ms` : "n/a";
    const rows: [string, string][] = [
      ["commit / mode", `${commit} / ${data.mode}`],
      ["machine", `${data.machine.cores} cores, ${data.machine.memoryGiB} GiB, PostgreSQL ${version}`],
      ["data set", `${counts.pupils} pupils, ${counts.guardians} guardians, ${counts.results} results, ${counts.absences} absences; generated in ${generationSeconds ?? "(reused)"} s`],
      ["child page", `${childPage.rps} req/s, p50 ${childPage.p50} ms, p95 ${childPage.p95} ms, p99 ${childPage.p99} ms, errors ${childPage.errors}`],
      ["CPU per child page", cpu(childPage.cpuMsPerRequest)],
      [`reference: /login at ${CONCURRENCY} concurrent`, `${loginPage.rps} req/s, errors ${loginPage.errors}; CPU per page: ${cpu(loginPage.cpuMsPerRequest)}`],
      [`overview /parent at ${CONCURRENCY} concurrent`, `${overviewPage.rps} req/s, p95 ${overviewPage.p95} ms, errors ${overviewPage.errors}; CPU per page: ${cpu(overviewPage.cpuMsPerRequest)}`],
      [`child page ÷ /login, server CPU (budget ≤ ${BUDGET.childOverLogin}×)`, verdict(perCore.childOverLogin)],
      [`overview ÷ /login, server CPU (budget ≤ ${BUDGET.overviewOverLogin}×)`, verdict(perCore.overviewOverLogin)],
      ["CPU ms per page, web + PostgreSQL: child / overview / a visit's page", [childCost, overviewCost, pageCost].map((c) => `${(c.web + c.postgres).toFixed(2)} ms (${c.web.toFixed(2)} + ${c.postgres.toFixed(2)})`).join(" / ")],
      ["pages per second per core (web + PostgreSQL): child / overview / a visit's page / /login", `${perCore.pagesPerCore.child} / ${perCore.pagesPerCore.overview} / ${perCore.pagesPerCore.visitPage} / ${perCore.pagesPerCore.login}`],
      [`profile of one process, ${profiled.result.count} child pages: self time by bucket (sampled ${profiled.summary.busyMs} ms busy)`, profiled.summary.buckets.map((b) => `${b.bucket} ${b.share} %`).join("; ")],
      [`sign-in alone: ${SIGN_IN_RATE} distinct parents/s for ${SECONDS} s (${signInOnly.arrivals} arrivals)`, `signed in ${signInOnly.signIn.count}, errors ${signInOnly.signInErrors}, p50 ${signInOnly.signIn.p50} ms, p95 ${signInOnly.signIn.p95} ms; CPU per sign-in: ${cpu(signInOnly.cpuMsPerRequest)}`],
      [`sign-in spike: ${SIGN_IN_RATE} distinct parents/s sign in, then overview + child page (${visits.arrivals} arrivals)`, `sign-in p95 ${visits.signIn.p95} ms (errors ${visits.signInErrors}); pages p95 ${visits.pages?.p95} ms (errors ${visits.pageErrors}); CPU per visit: ${cpu(visits.cpuMsPerRequest)}`],
      ["sign-in refusals in the audit log during both phases (throttled / failed)", `${refusals.throttled} / ${refusals.failed}`],
      ...(capacityError ? [["capacity model", `not computed: ${capacityError}`] as [string, string]] : []),
      ...capacity.boards.map((b): [string, string] => [
        `capacity: ${b.pupils.toLocaleString("en")} pupils, ${PEAK_MODEL.peakMultiple}× the 17:00 peak at ≤ ${PEAK_MODEL.maxUtilisation * 100} % busy`,
        `${b.cores} cores (web ${b.webCores} + PostgreSQL ${b.postgresCores}) for ${b.pagesPerSecond} pages/s and ${b.signInsPerSecond} sign-ins/s (${b.guardians.toLocaleString("en")} guardians, ${b.visitsPerSecond} visits/s at the modelled peak)`,
      ]),
      ...Object.entries(publicPages).map(([name, pp]): [string, string] => [
        `public ${name} from cache: CPU ÷ static file (budget ≤ ${BUDGET.cachedOverStatic}×); app-table scans over ${pp.count} requests (budget 0)`,
        `${verdict(pp.cpuOverStatic)}; ${pp.tableScans} scans (${pp.tableScans === 0 ? "met" : "missed"}${pp.tableScans ? `, on ${Object.entries(pp.scannedTables).map(([t, n]) => `${t} ${n}`).join(", ")}` : ""}; ${pp.commits} commits in the database meanwhile, job worker included); ${pp.rps} req/s, errors ${pp.errors}`,
      ]),
      ...Object.entries(publicPages).map(([name, pp]): [string, string] => [
        `public ${name}: safe for a shared cache`,
        `${pp.headers.safe ? "met" : `missed (${pp.headers.reasons.join("; ")})`}; ${Object.entries(pp.headers.headers).map(([k, v]) => `${k}: ${v}`).join(", ") || "no caching headers"}`,
      ]),
      ...phones.map((ph): [string, string] => [
        `phone ${ph.path.replace(/\/parent\/children\/.*/, "/parent/children/[id]")} (LCP ≤ ${PHONE_BUDGETS.lcpMs} ms, TBT ≤ ${PHONE_BUDGETS.tbtMs} ms, CLS ≤ ${PHONE_BUDGETS.cls})`,
        `${ph.met ? "met" : "missed"}: median of ${ph.runs.length}: LCP ${ph.median.lcpMs} ms, TBT ${ph.median.tbtMs} ms, CLS ${ph.median.cls}`,
      ]),
      ["data layer (in-process)", `p95 ${floor.dataLayer.p95} ms (${floor.dataLayer.rps} /s)`],
      ["SQL replay (floor)", `p95 ${floor.sql.p95} ms (${floor.sql.rps} /s), ${floor.roundTrips} round trips per page`],
      ["page p95 ÷ SQL p95 (not a budget since decision 0045)", String(data.ratios.pageP95OverSqlP95)],
      ["data layer p95 ÷ SQL p95", String(data.ratios.dataLayerP95OverSqlP95)],
      ["mentor list, 1 class", `p95 ${mentorOne.p95} ms at ${mentorConnections} concurrent`],
      ["mentor list, 4 classes", `p95 ${mentorFour.p95} ms at ${mentorConnections} concurrent`],
      ["CPU per mentor list, 1 class / 4 classes", `${cpu(mentorOne.cpuMsPerRequest)} / ${cpu(mentorFour.cpuMsPerRequest)}`],
      [`reach dashboard /leader, 1 user, school of ${reachSql.schoolPupils} pupils in ${reachSql.classes} classes (budget p95 < 200 ms)`, `p50 ${reachPage.p50} ms, p95 ${reachPage.p95} ms, errors ${reachPage.errors}; CPU per page: ${cpu(reachPage.cpuMsPerRequest)}`],
      ["reach SQL (EXPLAIN ANALYZE, median): tables / school / class drill-down", `${reachSql.tableMs} ms / ${reachSql.schoolMs} ms / ${reachSql.classMs} ms`],
      ["server processes", String(SERVER_PROCESSES)],
      ["compare vs static, throughput (not a budget since decision 0045)", compare ? `${compare.rps} vs ${staticFile.rps} req/s = ${ratio(compare.rps, staticFile.rps)}` : `compare answered ${compareStatus}; static ${staticFile.rps} req/s`],
      ["CPU per compare page / static file", `${cpu(compare?.cpuMsPerRequest ?? null)} / ${cpu(staticFile.cpuMsPerRequest)}`],
      ["compare page size; bare Node server, same bytes", `${kb(compareHtml.length)}; ${sameBytes.rps} req/s (compare = ${ratio(compare?.rps ?? 0, sameBytes.rps)} of it)`],
      ...spike.map((s): [string, string] => [`spike ${s.rate} req/s (overview and child page in turn)`, `served ${s.rps} req/s, p95 ${s.p95} ms, errors ${s.errors}; CPU per page: ${cpu(s.cpuMsPerRequest)}`]),
      ["spike error rate (not a budget since decision 0045; wall-clock p95 on a shared machine is noise)", `${(data.spike.errorRate * 100).toFixed(2)} %`],
      ...Object.entries(js).map(([route, r]): [string, string] => [`first-load JS ${route}; our own share above a page that renders nothing (${kb(nothingJs.gzipBytes)}), budget ≤ ${kb(BUDGET.ownJsBytes)}`, `${kb(r.gzipBytes)}; own ${kb(ownJs[route].bytes)} (${ownJs[route].met ? "met" : "missed"})`]),
      [`import ${importPhase.pupils} pupils (${importPhase.rows} rows, ${kb(importPhase.bytes)}), budget < 60 s`, `upload ${importPhase.first.upload} s, dry run ${importPhase.first.dryRun} s, apply ${importPhase.first.apply} s`],
      ["the same import again (nothing changes)", `dry run ${importPhase.again.dryRun} s, apply ${importPhase.again.apply} s`],
      ...rushRows(rush),
    ];
    const stamp = `${new Date().toISOString().slice(0, 16).replace(/[:T]/g, "-")}-${data.mode}`;
    const sections = [
      `## Where a child page's CPU goes (one process, ${profiled.result.count} pages, sampled self time ${profiled.summary.busyMs} ms)\n\n| bucket | ms | share |\n|---|---|---|\n${profiled.summary.buckets.map((b) => `| ${b.bucket} | ${b.ms} | ${b.share} % |`).join("\n")}\n\n| function (self time) | bucket | ms | share |\n|---|---|---|---|\n${profiled.summary.functions.map((f) => `| \`${f.fn.replaceAll("|", "\\|")}\` | ${f.bucket} | ${f.ms} | ${f.share} % |`).join("\n")}`,
    ];
    const out = writeReport(path.join(ROOT, smoke ? ".data/bench-smoke" : "bench/results"), stamp, data, rows, sections);
    log(`report: ${path.relative(ROOT, out.md)}`);
    console.log(rows.map(([k, v]) => `  ${k}: ${v}`).join("\n"));
    if (loginPage.count === 0 || overviewPage.count === 0 || profiled.result.count === 0) throw new Error("a per-core phase produced no measurements");
    if (capacityError) throw new Error(`capacity model: ${capacityError}`);
    if (signInOnly.signIn.count === 0 || visits.signIn.count === 0) throw new Error("no parent signed in during the sign-in phases");
    if (phones.some((ph) => ph.runs.some((r) => !Number.isFinite(r.lcpMs)))) throw new Error("a phone run produced no LCP");
    if (Object.values(publicPages).some((pp) => pp.status !== 200 || pp.count === 0)) throw new Error("a public page did not answer 200 from cache");
    if (reachPage.count === 0 || reachPage.errors > 0) throw new Error(`reach dashboard: ${reachPage.count} pages, ${reachPage.errors} errors`);
    if (childPage.count === 0 || floor.sql.count === 0 || floor.dataLayer.count === 0) throw new Error("a phase produced no measurements");
    checkRush(rush);
  } finally {
    server?.kill("SIGTERM");
    await sql.end();
    await new Promise((r) => setTimeout(r, 1500));
    await database.stop();
  }
}

function verdict(r: { ratio: number; budget: number; met: boolean }): string {
  return `${r.ratio}× (${r.met ? "met" : "missed"})`;
}

/** The booking rush (scripts/bench/booking.ts): smoke 50 parents, 100 slots, 10 s; full 500 parents, 1,000 slots, 60 s. */
function runBookingRush(sql: pg.Pool): Promise<RushResult> {
  log(`booking rush: ${smoke ? 50 : 500} parents, ${smoke ? 100 : 1000} slots, ${smoke ? 10 : 60} s`);
  return bookingRush({ base: BASE, sql, parents: smoke ? 50 : 500, slots: smoke ? 100 : 1000, seconds: smoke ? 10 : 60, thinkSeconds: smoke ? [1, 3] : [2, 8], password: PASSWORD, log });
}

function rushRows(r: RushResult): [string, string][] {
  return [
    [`booking rush: ${r.parents} parents, ${r.slots} slots (budget: no double booking, no 5xx)`, `double-booked slots ${r.doubleBookings}, overlapping live bookings ${r.overlappingBookings}, 5xx ${r.status5xx}, other errors ${r.otherErrors}${r.otherErrors ? ` (${Object.entries(r.otherErrorKinds).map(([k, n]) => `${k}: ${n}`).join(", ")})` : ""}; took ${r.seconds} s`],
    ["booking rush: page / submit latency", `page p50 ${r.page.p50} ms, p95 ${r.page.p95} ms (${r.page.count}); submit p50 ${r.submit.p50} ms, p95 ${r.submit.p95} ms (${r.submit.count})`],
    ["booking rush: outcomes", `booked first try ${r.bookedFirstTry}, lost a race ${r.lostRace} (of whom booked an offered slot ${r.lostThenBooked}), gave up ${r.gaveUp}, refused ${r.refused}; live bookings ${r.liveBookings}, slots held ${r.heldSlots}`],
  ];
}

/** The rush's budget: the database never books a slot twice, the server never answers 5xx. */
function checkRush(r: RushResult) {
  if (r.doubleBookings > 0 || r.overlappingBookings > 0) throw new Error(`booking rush: ${r.doubleBookings} double-booked slots, ${r.overlappingBookings} overlapping bookings`);
  if (r.status5xx > 0) throw new Error(`booking rush: ${r.status5xx} answers 5xx`);
  if (r.bookedFirstTry + r.lostThenBooked === 0) throw new Error("booking rush: nobody booked");
}

/** A bare node:http server in its own process answering every request with `body`, for the duration of `run`. */
async function withBareServer<T>(body: Buffer, run: (url: string) => Promise<T>): Promise<T> {
  const file = path.join(os.tmpdir(), `bench-same-bytes-${process.pid}.html`);
  writeFileSync(file, body);
  const source = `const b=require("fs").readFileSync(${JSON.stringify(file)});require("http").createServer((q,r)=>{r.writeHead(200,{"content-type":"text/html; charset=utf-8"});r.end(b)}).listen(${BARE_PORT},()=>console.log("up"))`;
  const child = spawn(process.execPath, ["-e", source], { stdio: ["ignore", "pipe", "inherit"] });
  try {
    await new Promise<void>((resolve, reject) => {
      child.stdout!.once("data", () => resolve());
      child.once("exit", (code) => reject(new Error(`the bare server exited (${code})`)));
    });
    return await run(`http://localhost:${BARE_PORT}`);
  } finally {
    child.kill();
  }
}

/** A mentor of four classes at the first demo school (created once). */
async function ensureFourClassMentor(sql: pg.Pool) {
  await sql.query(`
    WITH demo AS (SELECT u."passwordHash", s."schoolId" FROM "User" u JOIN "Staff" s ON s."userId" = u.id WHERE u.email = 'mentor@demo.test'),
    usr AS (
      INSERT INTO "User" (id, email, "passwordHash", name, "updatedAt")
      SELECT 'bench-mentor4', 'bench-mentor4@bench.test', "passwordHash", 'Bench Mentor', now() FROM demo
      ON CONFLICT (email) DO NOTHING RETURNING id),
    role AS (
      INSERT INTO "RoleMembership" (id, "userId", role, "schoolId") SELECT 'bench-role4', id, 'MENTOR', (SELECT "schoolId" FROM demo) FROM usr),
    staff AS (
      INSERT INTO "Staff" (id, "userId", "schoolId") SELECT 'bench-staff4', id, (SELECT "schoolId" FROM demo) FROM usr RETURNING id, "schoolId")
    INSERT INTO "Mentorship" (id, "staffId", "classGroupId")
    SELECT 'bench-m4-' || c.id, staff.id, c.id FROM staff
      JOIN LATERAL (SELECT id FROM "ClassGroup" WHERE "schoolId" = staff."schoolId" ORDER BY name DESC LIMIT 4) c ON true`);
}

main().then(
  () => process.exit(0),
  (error) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  },
);
