// `npm run cluster -- --check`: through nginx, with ≥ 2 app instances, proves
// that the app servers share nothing but PostgreSQL (docs/decisions/0043):
//   1. a parent signs in on one instance and the next request, on the other, is signed in;
//   2. a leader's publication through one instance shows on the other's cached public page at once;
//   3. a job queued through one instance is delivered exactly once by a job worker;
//   4. SIGKILL of one instance under a load of 50 parents and writing mentors loses
//      no acknowledged write and fails at most the requests in flight.
// `--measure` adds throughput through nginx with 2 instances vs 1 and writes bench/results/<date>-cluster.{md,json}.
// Each line is printed; the run fails on the first broken promise.
import { randomUUID } from "node:crypto";
import { execSync } from "node:child_process";
import { mkdirSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import type { Cluster } from "./run";
import { request, signIn, submitForm, type Answer, type Jar } from "./http";

const PASSWORD = "schoolkompas";
const ROOT = path.resolve(__dirname, "../..");

class CheckFailed extends Error {}
function expect(condition: unknown, message: string): asserts condition {
  if (!condition) throw new CheckFailed(message);
}

type Options = { measure: boolean; log: (message: string) => void };

export async function runChecks(cluster: Cluster, { measure, log }: Options): Promise<boolean> {
  const sql = new pg.Pool({ connectionString: cluster.databaseUrl, max: 3 });
  const results: Record<string, unknown> = {};
  try {
    expect(cluster.instances.length >= 2, "the check needs at least two app instances");
    const redirect = await request(cluster.httpBase, "/parent");
    expect(redirect.status === 308 && redirect.location?.startsWith(cluster.base), `plain HTTP redirects to HTTPS (${redirect.status} ${redirect.location})`);
    results.signIn = await checkSignIn(cluster, log);
    results.publication = await checkPublication(cluster, sql, log);
    results.job = await checkJobOnce(cluster, sql, log);
    results.kill = await checkKill(cluster, sql, log);
    if (measure) results.throughput = await measureThroughput(cluster, sql, log);
    log("all checks passed");
    if (measure) writeResults(results, log);
    return true;
  } catch (error) {
    log(`FAILED: ${error instanceof Error ? error.message : String(error)}`);
    if (!(error instanceof CheckFailed) && error instanceof Error) console.error(error.stack);
    return false;
  } finally {
    await sql.end();
  }
}

/** GETs `path` until an instance other than `not` answers (round robin: the next one, usually). */
async function onAnotherInstance(cluster: Cluster, path: string, not: string, jar?: Jar, headers?: Record<string, string>): Promise<Answer> {
  for (let i = 0; i < 10; i++) {
    const answer = await request(cluster.base, path, { jar, headers });
    if (answer.upstream && answer.upstream !== not) return answer;
  }
  throw new CheckFailed(`no other instance than ${not} answered ${path}`);
}

async function checkSignIn(cluster: Cluster, log: Options["log"]) {
  const { jar, upstream: a } = await signIn(cluster.base, "ouder@demo.test", PASSWORD);
  expect(a, "nginx names the instance that answered (X-Upstream)");
  const next = await onAnotherInstance(cluster, "/parent", a, jar);
  expect(next.status === 200 && !next.location, `signed in on ${a}, the overview on ${next.upstream} answers ${next.status} ${next.location ?? ""}`);
  expect(next.text.includes('href="/parent/children/'), "the overview on the other instance lists the parent's children");
  log(`1. sign-in: password checked on ${a}; the next request, on ${next.upstream}, is signed in (200, the parent's overview)`);
  return { signedInOn: a, nextOn: next.upstream };
}

async function checkPublication(cluster: Cluster, sql: pg.Pool, log: Options["log"]) {
  const { rows } = await sql.query<{ id: string; slug: string }>(
    `SELECT v.id, s.slug FROM "IndicatorValue" v
       JOIN "QualityIndicator" i ON i.id = v."indicatorId" JOIN "School" s ON s.id = v."schoolId"
       JOIN "Staff" st ON st."schoolId" = s.id JOIN "User" u ON u.id = st."userId"
       JOIN "SchoolYear" y ON y.id = v."schoolYearId"
     WHERE u.email = 'leider@demo.test' AND i.code = 'SOCIAL_SAFETY' AND v."schoolType" = 'ALL' ORDER BY y."startsOn" DESC LIMIT 1`,
  );
  expect(rows.length === 1, "the demo leader's school has a social-safety figure");
  const { id, slug } = rows[0];
  const marker = `Clustercontrole ${randomUUID().slice(0, 8)}`;
  // A draft, as the leader's draft form saves it; the publication itself goes through the real form below.
  await sql.query(`UPDATE "IndicatorValue" SET "draftValue" = 91.25, "draftExplanation" = $2 WHERE id = $1`, [id, marker]);

  // Both instances have the public page in their own cache before the publication.
  const address = `/schools/${slug}`;
  const visitor = { "accept-language": "nl" };
  const cached = new Set<string>();
  for (let i = 0; i < 20 && cached.size < cluster.instances.length; i++) {
    const answer = await request(cluster.base, address, { headers: visitor });
    expect(answer.status === 200, `public page ${address}: ${answer.status}`);
    expect(!answer.text.includes(marker), "the draft is not public before the publication");
    if (answer.headers.get("x-nextjs-cache") === "HIT") cached.add(answer.upstream);
  }
  expect(cached.size === cluster.instances.length, `every instance serves ${address} from its cache (${[...cached].join(", ")})`);

  const { jar } = await signIn(cluster.base, "leider@demo.test", PASSWORD);
  const page = await request(cluster.base, "/leader/indicators", { jar });
  expect(page.status === 200, `leader's indicators page: ${page.status}`);
  const published = await submitForm(cluster.base, "/leader/indicators", jar, (form) => form.includes('name="schoolYearId"') && !/name="(v:|e:|file")/.test(form), [], page.text);
  expect(published.status < 400, `publication answered ${published.status}`);
  const a = published.upstream;
  const stored = await sql.query<{ value: string; explanation: string }>(`SELECT "publishedValue"::text AS value, "publishedExplanation" AS explanation FROM "IndicatorValue" WHERE id = $1`, [id]);
  expect(stored.rows[0]?.explanation === marker, "the publication is stored");
  const other = await onAnotherInstance(cluster, address, a, undefined, visitor);
  expect(other.status === 200 && other.text.includes(marker), `the public page on ${other.upstream} shows the publication made on ${a} at once (cache: ${other.headers.get("x-nextjs-cache")})`);
  log(`2. publication through ${a}; ${other.upstream}'s cached public page shows it on the next request (cache ${other.headers.get("x-nextjs-cache") ?? "-"})`);
  return { publishedOn: a, shownOn: other.upstream };
}

/** A pupil of mentor@demo.test with guardians who have e-mail alerts. */
async function mentorPupils(sql: pg.Pool) {
  const { rows } = await sql.query<{ pupilId: string; firstName: string; guardianIds: string[] }>(
    `SELECT p.id AS "pupilId", p."firstName", array_agg(l."guardianId") AS "guardianIds" FROM "Pupil" p
       JOIN "Mentorship" m ON m."classGroupId" = p."classGroupId" JOIN "Staff" st ON st.id = m."staffId" JOIN "User" u ON u.id = st."userId"
       JOIN "GuardianLink" l ON l."pupilId" = p.id
     WHERE u.email = 'mentor@demo.test' GROUP BY p.id ORDER BY count(*) DESC, p.id`,
  );
  expect(rows.length > 0, "mentor@demo.test has pupils with guardians");
  return rows;
}

async function checkJobOnce(cluster: Cluster, sql: pg.Pool, log: Options["log"]) {
  const [pupil] = await mentorPupils(sql);
  const { jar } = await signIn(cluster.base, "mentor@demo.test", PASSWORD);
  const page = `/mentor/pupils/${pupil.pupilId}`;
  const html = (await request(cluster.base, page, { jar })).text;
  const since = (await sql.query<{ now: Date }>("SELECT now()")).rows[0].now;
  // The last weekdays, newest first: the first that is a school day takes the registration.
  let answer: Answer | null = null;
  let queued: { id: string }[] = [];
  for (let back = 0; back < 10 && !queued.length; back++) {
    const day = new Date(Date.now() - back * 86_400_000);
    if (day.getUTCDay() === 0 || day.getUTCDay() === 6) continue;
    const iso = day.toISOString().slice(0, 10);
    await sql.query(`DELETE FROM "AbsenceRecord" WHERE "pupilId" = $1 AND date = $2::date AND "lessonHour" IN (7, 8)`, [pupil.pupilId, iso]);
    answer = await submitForm(cluster.base, page, jar, "fromLesson", [["date", iso], ["fromLesson", "7"], ["toLesson", "8"], ["kind", "UNAUTHORISED"], ["reason", ""], ["pupilReason", ""]], html);
    // Due now (a guardian who chose the daily digest gets it at 17:00: not part of this check).
    queued = (await sql.query<{ id: string }>(`SELECT id FROM "Notification" WHERE "pupilId" = $1 AND channel = 'EMAIL' AND "createdAt" >= $2 AND "sendAfter" <= now() + interval '1 minute'`, [pupil.pupilId, since])).rows;
  }
  expect(answer && queued.length > 0, "the absence registration queued e-mail alerts");
  const ids = new Set(queued.map((q) => q.id));
  const delivered = () => cluster.mail.filter((m) => ids.has(m.id));
  const end = Date.now() + 90_000;
  while (new Set(delivered().map((m) => m.id)).size < ids.size && Date.now() < end) await new Promise((r) => setTimeout(r, 250));
  // Room for a second delivery, had there been one.
  await new Promise((r) => setTimeout(r, 3000));
  const counts = [...ids].map((id) => delivered().filter((m) => m.id === id).length);
  expect(counts.every((c) => c === 1), `each queued e-mail delivered exactly once (deliveries per message: ${counts.join(", ")})`);
  log(`3. job: an absence registered through ${answer!.upstream} queued ${ids.size} e-mail(s); the job worker delivered each exactly once (SMTP receiver: ${counts.join(", ")})`);
  return { queuedOn: answer!.upstream, messages: ids.size, deliveries: counts };
}

async function parentSessions(cluster: Cluster, sql: pg.Pool, count: number) {
  const { rows } = await sql.query<{ email: string; pupilId: string }>(
    `SELECT u.email, min(l."pupilId") AS "pupilId" FROM "GuardianLink" l JOIN "Guardian" g ON g.id = l."guardianId" JOIN "User" u ON u.id = g."userId"
     WHERE l."hasParentalAuthority" AND NOT l."accessRestricted" AND l."consentWithdrawnAt" IS NULL AND u."disabledAt" IS NULL AND u."passwordHash" IS NOT NULL
       AND NOT EXISTS (SELECT 1 FROM "RoleMembership" rm WHERE rm."userId" = u.id AND rm.role <> 'PARENT')
     GROUP BY u.id ORDER BY u.email LIMIT $1`,
    [count],
  );
  expect(rows.length > 0, "the demo data has parents");
  const sessions: { jar: Jar; cookie: string; email: string; path: string }[] = [];
  for (const row of rows) {
    try {
      const { jar } = await signIn(cluster.base, row.email, PASSWORD);
      sessions.push({ jar, cookie: jar.header(), email: row.email, path: `/parent/children/${row.pupilId}` });
    } catch {
      // a demo parent with another password (e.g. one who must set one first): not part of the load
    }
  }
  expect(sessions.length > 0, "parents sign in");
  return sessions;
}

async function checkKill(cluster: Cluster, sql: pg.Pool, log: Options["log"]) {
  const PARENTS = 50;
  const WRITERS = 4;
  const SECONDS = 14;
  const KILL_AT = 5;
  const sessions = await parentSessions(cluster, sql, PARENTS);
  const pupils = await mentorPupils(sql);
  const { jar: mentor } = await signIn(cluster.base, "mentor@demo.test", PASSWORD);
  const forms = await Promise.all(pupils.slice(0, WRITERS).map(async (p) => ({ ...p, page: `/mentor/pupils/${p.pupilId}`, html: (await request(cluster.base, `/mentor/pupils/${p.pupilId}`, { jar: mentor })).text })));
  const today = new Date().toISOString().slice(0, 10);
  const victim = cluster.instances[1];

  let inFlight = 0;
  let inFlightAtKill = -1;
  let stop = false;
  const gets = { ok: 0, failed: 0, byInstance: new Map<string, number>(), failures: new Map<string, number>() };
  const writes: { key: string; acknowledged: boolean; status: number | string }[] = [];
  const timed = async <T>(work: () => Promise<T>): Promise<T> => {
    inFlight++;
    try {
      return await work();
    } finally {
      inFlight--;
    }
  };
  const parent = async (i: number) => {
    const session = sessions[i % sessions.length];
    for (let n = 0; !stop; n++) {
      const address = n % 2 ? session.path : "/parent";
      try {
        const answer = await timed(() => request(cluster.base, address, { headers: { cookie: session.cookie } }));
        if (answer.status === 200) {
          gets.ok++;
          gets.byInstance.set(answer.upstream, (gets.byInstance.get(answer.upstream) ?? 0) + 1);
        } else {
          gets.failed++;
          gets.failures.set(String(answer.status), (gets.failures.get(String(answer.status)) ?? 0) + 1);
        }
      } catch (error) {
        gets.failed++;
        const cause = error instanceof Error ? (error.cause as { code?: string } | undefined)?.code : undefined;
        const name = `${error instanceof Error ? error.name : "error"}${cause ? ` ${cause}` : ""}`;
        gets.failures.set(name, (gets.failures.get(name) ?? 0) + 1);
      }
    }
  };
  const writer = async (form: (typeof forms)[number]) => {
    while (!stop) {
      const key = randomUUID();
      const record = { key, acknowledged: false, status: 0 as number | string };
      writes.push(record);
      try {
        const answer = await timed(() =>
          submitForm(cluster.base, form.page, mentor, "idempotencyKey", [
            ["idempotencyKey", key], ["kind", "PHONE_CALL"], ["initiatedBy", "SCHOOL"], ["tone", "NEUTRAL"],
            ...form.guardianIds.slice(0, 1).map((g): [string, string] => ["guardianIds", g]),
            ["summary", "Belronde tijdens de clustercontrole"], ["internalNote", ""], ["occurredOn", today], ["followUpOn", ""],
          ], form.html),
        );
        record.status = answer.status;
        // Saved: the action redirects (303) back to the pupil; a form with errors answers 200.
        record.acknowledged = answer.status === 303;
      } catch (error) {
        const cause = error instanceof Error ? (error.cause as { code?: string } | undefined)?.code : undefined;
        record.status = `${error instanceof Error ? error.name : "error"}${cause ? ` ${cause}` : ""}`;
      }
    }
  };

  log(`4. kill: ${PARENTS} parents (${sessions.length} accounts) and ${forms.length} writing mentors for ${SECONDS} s; SIGKILL of ${victim.address} after ${KILL_AT} s`);
  const load = [...Array.from({ length: PARENTS }, (_, i) => parent(i)), ...forms.map(writer)];
  await new Promise((r) => setTimeout(r, KILL_AT * 1000));
  inFlightAtKill = inFlight;
  cluster.kill(victim);
  await new Promise((r) => setTimeout(r, (SECONDS - KILL_AT) * 1000));
  stop = true;
  await Promise.all(load);

  const keys = writes.map((w) => w.key);
  const found = new Set((await sql.query<{ key: string }>(`SELECT "idempotencyKey" AS key FROM "ContactMoment" WHERE "idempotencyKey" = ANY($1)`, [keys])).rows.map((r) => r.key));
  const acknowledged = writes.filter((w) => w.acknowledged);
  const lost = acknowledged.filter((w) => !found.has(w.key));
  const failedWrites = writes.filter((w) => !w.acknowledged);
  const summary = {
    parents: PARENTS,
    accounts: sessions.length,
    seconds: SECONDS,
    gets: { ok: gets.ok, failed: gets.failed, failures: Object.fromEntries(gets.failures), byInstance: Object.fromEntries(gets.byInstance) },
    writes: { submitted: writes.length, acknowledged: acknowledged.length, found: found.size, acknowledgedButMissing: lost.length, notAcknowledged: failedWrites.length, notAcknowledgedButStored: failedWrites.filter((w) => found.has(w.key)).length, statuses: [...new Set(failedWrites.map((w) => String(w.status)))] },
    inFlightAtKill,
  };
  log(`   GETs: ${gets.ok} answered 200, ${gets.failed} failed ${JSON.stringify(summary.gets.failures)}; by instance ${JSON.stringify(summary.gets.byInstance)}`);
  log(`   writes: ${writes.length} submitted, ${acknowledged.length} acknowledged, ${found.size} in the database, ${lost.length} acknowledged but missing; ${failedWrites.length} not acknowledged (${summary.writes.notAcknowledgedButStored} of them stored; statuses ${summary.writes.statuses.join(", ") || "-"})`);
  log(`   requests in flight when the instance was killed: ${inFlightAtKill}; errors in all: ${gets.failed + failedWrites.length}`);
  expect(acknowledged.length > 0 && gets.ok > 0, "the load ran");
  expect(lost.length === 0, `no acknowledged write is lost (${lost.length} missing)`);
  expect([...found].every((k) => keys.includes(k)), "only submitted writes are stored");
  expect(gets.failed + failedWrites.length <= inFlightAtKill, `errors (${gets.failed + failedWrites.length}) at most the requests in flight at the kill (${inFlightAtKill})`);
  log(`   killed ${victim.address}: no acknowledged write lost; errors ≤ requests in flight`);
  await cluster.restart(victim.index);
  return summary;
}

/** `connections` parents each asking for their pages in turn, for `seconds`: pages per second, p95, errors. */
async function pageLoad(cluster: Cluster, sessions: { cookie: string; path: string }[], connections: number, seconds: number) {
  const latencies: number[] = [];
  let errors = 0;
  const end = Date.now() + seconds * 1000;
  await Promise.all(
    Array.from({ length: connections }, async (_, i) => {
      for (let n = i; Date.now() < end; n += connections) {
        const session = sessions[n % sessions.length];
        const started = performance.now();
        try {
          const answer = await request(cluster.base, session.path, { headers: { cookie: session.cookie } });
          if (answer.status === 200) latencies.push(performance.now() - started);
          else errors++;
        } catch {
          errors++;
        }
      }
    }),
  );
  latencies.sort((a, b) => a - b);
  return { requestsPerSecond: latencies.length / seconds, p95: latencies[Math.floor(latencies.length * 0.95)] ?? NaN, errors };
}

async function measureThroughput(cluster: Cluster, sql: pg.Pool, log: Options["log"]) {
  const sessions = (await parentSessions(cluster, sql, 50)).flatMap((s) => [{ ...s, path: "/parent" }, s]);
  const CONNECTIONS = 50;
  const SECONDS = 30;
  const result: Record<string, { requestsPerSecond: number; p95: number; errors: number }> = {};
  for (const count of [1, cluster.instances.length]) {
    await cluster.useInstances(cluster.instances.slice(0, count).map((i) => i.index));
    log(`throughput: ${count} instance(s), warm-up 15 s, then ${CONNECTIONS} parents for ${SECONDS} s on the parent pages`);
    await pageLoad(cluster, sessions, CONNECTIONS, 15);
    const run = await pageLoad(cluster, sessions, CONNECTIONS, SECONDS);
    result[`${count}`] = run;
    log(`   ${count} instance(s): ${run.requestsPerSecond.toFixed(1)} pages/s, p95 ${run.p95.toFixed(0)} ms, ${run.errors} errors`);
  }
  await cluster.useInstances(cluster.instances.map((i) => i.index));
  return result;
}

function writeResults(results: Record<string, unknown>, log: Options["log"]) {
  const stamp = new Date().toISOString().slice(0, 16).replace(/[:T]/g, "-");
  const commit = execSync("git rev-parse --short HEAD", { cwd: ROOT }).toString().trim();
  const dir = path.join(ROOT, "bench/results");
  mkdirSync(dir, { recursive: true });
  const data = { commit, date: new Date().toISOString(), cores: os.availableParallelism(), ...results };
  writeFileSync(path.join(dir, `${stamp}-cluster.json`), JSON.stringify(data, null, 2) + "\n");
  const kill = results.kill as { gets: { ok: number; failed: number }; writes: { submitted: number; acknowledged: number; found: number; acknowledgedButMissing: number; notAcknowledged: number }; inFlightAtKill: number };
  const throughput = results.throughput as Record<string, { requestsPerSecond: number; p95: number; errors: number }>;
  const lines = [
    `# Cluster run ${stamp} (commit ${commit}, ${data.cores} cores)`,
    "",
    "`npm run cluster -- --measure`: nginx in front of separate app instances (WEB_CONCURRENCY=1 each) and one job worker, one PostgreSQL, on one machine.",
    "",
    "| figure | value |",
    "| --- | --- |",
    ...Object.entries(throughput).map(([n, r]) => `| parent pages through nginx, ${n} instance(s) | ${r.requestsPerSecond.toFixed(1)} pages/s, p95 ${r.p95.toFixed(0)} ms, ${r.errors} errors |`),
    `| kill test: GETs answered / failed | ${kill.gets.ok} / ${kill.gets.failed} |`,
    `| kill test: writes submitted / acknowledged / in the database / acknowledged but missing | ${kill.writes.submitted} / ${kill.writes.acknowledged} / ${kill.writes.found} / ${kill.writes.acknowledgedButMissing} |`,
    `| kill test: writes not acknowledged / requests in flight at the kill | ${kill.writes.notAcknowledged} / ${kill.inFlightAtKill} |`,
    "",
  ];
  writeFileSync(path.join(dir, `${stamp}-cluster.md`), lines.join("\n"));
  log(`results: bench/results/${stamp}-cluster.{md,json}`);
}
