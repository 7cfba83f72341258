import { availableParallelism } from "node:os";
import pg from "pg";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "../../lib/generated/prisma/client";
import { hashPassword } from "../../lib/auth/password";
import { copyWriter, prismaWriter, type BulkWriter } from "./bulk";
import { dutchDay, schoolYearContaining, schoolYearStarting } from "./calendar";
import { createDemoAccounts, writeDemoAccounts } from "./demo-accounts";
import { newId } from "./ids";
import { writeIndicatorDefinitions } from "./indicators";
import { writeDemoAuditRows } from "./audit";
import { writeDemoQuestions } from "./questions";
import { writeDemoEvents } from "./events";
import { writeConferenceHistory } from "./conference-history";
import { writeDemoConferences } from "./conferences";
import { writeDemoAgreement } from "./agreement";
import { writeDemoSurveys } from "./surveys";
import { writeDemoSelfAssessment } from "./self-assessment";
import type { SeedContext } from "./model";
import { Rng } from "./random";
import { generateSchool } from "./school";
import { planSchools } from "./schools";
import { inInsertOrder, newBuffers } from "./tables";

// The demo data generator: `seedDemo` fills an empty database with a board,
// its schools and a school year of results, absences and contact moments,
// including the demo accounts of the contract in docs/architecture.md.

export const DEFAULT_PUPILS = 800;
export const MIN_PUPILS = 20;
export const DEMO_PASSWORD = "schoolkompas";
const SEED = "schoolkompas-demo-v1";
// Schools being stored while the next one is generated. On two cores one in
// flight took half again as long as two; a third added nothing.
const WRITES_IN_FLIGHT = Math.min(4, Math.max(2, availableParallelism() - 1));

// Clients made here carry their pool, so the seed can COPY through it.
const pools = new WeakMap<PrismaClient, pg.Pool>();

export function createSeedClient(databaseUrl: string): PrismaClient {
  const pool = new pg.Pool({ connectionString: databaseUrl, max: WRITES_IN_FLIGHT + 2 });
  const db = new PrismaClient({ adapter: new PrismaPg(pool, { disposeExternalPool: true }) });
  pools.set(db, pool);
  return db;
}

/** Empty means: no user accounts yet. */
export async function isDatabaseEmpty(db: PrismaClient): Promise<boolean> {
  return (await db.user.findFirst({ select: { id: true } })) === null;
}

/** Empties every table except Prisma's migration history. */
export async function resetDatabase(db: PrismaClient): Promise<void> {
  const rows = await db.$queryRaw<{ tablename: string }[]>`
    SELECT tablename::text AS tablename FROM pg_tables WHERE schemaname = current_schema() AND tablename <> '_prisma_migrations'`;
  if (rows.length === 0) return;
  await db.$executeRawUnsafe(`TRUNCATE TABLE ${rows.map((r) => `"${r.tablename}"`).join(", ")} CASCADE`);
}

export type SeedOptions = {
  /** Total pupils; about 1,000 per school, at least five schools. */
  pupils?: number;
  /** The moment the data is "as of" (default: now). Nothing is dated after it; the same value gives the same data. */
  today?: Date;
  log?: (msg: string) => void;
};

/**
 * What every seed starts with: its context (four school years — three finished
 * ones with published indicators and the current one, whose indicators are a
 * draft), and in `shared` the board, the national school years and the
 * indicator definitions with their benchmarks.
 */
async function boardStart(db: PrismaClient, now: Date, rngSeed: string) {
  const pool = pools.get(db);
  const writer: BulkWriter = pool ? copyWriter(pool) : prismaWriter(db);
  const today = dutchDay(now);
  const current = schoolYearContaining(today);
  const ctx: SeedContext = {
    rng: new Rng(rngSeed),
    now: now.getTime(),
    today,
    years: [current.startYear - 3, current.startYear - 2, current.startYear - 1, current.startYear].map((y) => ({ id: newId(), dates: schoolYearStarting(y) })),
    boardId: newId(),
    // argon2 is slow on purpose: hash once, and every seeded account shares it.
    passwordHash: await hashPassword(DEMO_PASSWORD),
    indicatorIds: new Map(),
  };
  const shared = newBuffers();
  shared.Board.add({ id: ctx.boardId, name: "Stichting Onderwijsgroep Kompasroos" });
  for (const y of ctx.years) shared.SchoolYear.add({ id: y.id, name: y.dates.name, startsOn: y.dates.startsOn, endsOn: y.dates.endsOn });
  writeIndicatorDefinitions(ctx, shared);
  return { ctx, writer, shared, current };
}

/**
 * The start of a real school: the board, its administrator (beheer@demo.test,
 * password "schoolkompas"), the national school years and indicator
 * definitions with their benchmarks — and no school, pupil or parent. The
 * administrator creates a school and imports its data (`npm run demo -- --empty`).
 */
export async function seedEmpty(db: PrismaClient, opts: Pick<SeedOptions, "today" | "log"> = {}): Promise<void> {
  const { ctx, writer, shared, current } = await boardStart(db, opts.today ?? new Date(), `${SEED}/empty`);
  const { beheerUserId } = createDemoAccounts();
  shared.User.add({ id: beheerUserId, email: "beheer@demo.test", name: "Joost Hermans", locale: "nl", passwordHash: ctx.passwordHash, createdAt: ctx.now, updatedAt: ctx.now });
  shared.RoleMembership.add({ id: newId(), userId: beheerUserId, role: "ADMIN", schoolId: null, boardId: ctx.boardId, createdAt: ctx.now });
  await writer.write(inInsertOrder(shared));
  opts.log?.(`board and administrator beheer@demo.test, school year ${current.name}, no schools`);
}

export async function seedDemo(db: PrismaClient, opts: SeedOptions = {}): Promise<void> {
  const pupils = opts.pupils ?? DEFAULT_PUPILS;
  if (!Number.isInteger(pupils) || pupils < MIN_PUPILS) throw new RangeError(`pupils must be a whole number of at least ${MIN_PUPILS}`);
  const log = opts.log ?? (() => undefined);
  const now = opts.today ?? new Date();
  const { ctx, writer, shared, current } = await boardStart(db, now, `${SEED}/${pupils}`);
  const demo = createDemoAccounts();
  writeDemoAccounts(ctx, demo, shared);
  await writer.write(inInsertOrder(shared));

  const plans = planSchools(ctx.rng.fork("schools"), pupils);
  log(`${plans.length} schools, ${pupils} pupils, school year ${current.name}, as of ${now.toISOString()}`);
  const inFlight = new Set<Promise<void>>();
  let failure: unknown = null;
  let stored = 0;
  for (const plan of plans) {
    while (inFlight.size >= WRITES_IN_FLIGHT) await Promise.race(inFlight);
    if (failure) break;
    const { buffers } = generateSchool(ctx, plan, demo);
    const rows = inInsertOrder(buffers).reduce((n, b) => n + b.rows, 0);
    const write: Promise<void> = writer
      .write(inInsertOrder(buffers))
      .then(() => log(`[${++stored}/${plans.length}] ${plan.name} (${plan.city}, ${plan.kind}): ${plan.pupils} pupils, ${rows} rows`))
      .catch((error: unknown) => {
        failure ??= error;
      })
      .finally(() => inFlight.delete(write));
    inFlight.add(write);
  }
  await Promise.all(inFlight);
  if (failure) throw failure;
  // Seeded accounts stand for people who have used the portal for a while:
  // the first-sign-in welcome is behind them (invited guardians still get it).
  await db.$executeRawUnsafe(`UPDATE "User" SET "welcomedAt" = "createdAt" WHERE "passwordHash" IS NOT NULL`);
  // A few days of "who looked" for the privacy views (decision 0024).
  await writeDemoAuditRows(db, now);
  // Questions to mentor@ and a class announcement (issue 16).
  await writeDemoQuestions(db, now);
  // The school's events at the demo school (issue 16).
  await writeDemoEvents(db, now);
  // Last month's conference round at mentor@'s class (issue 16).
  await writeConferenceHistory(db, now);
  // An open conference round at the demo school (issue 16).
  await writeDemoConferences(db, now);
  // The school–parent agreement and policy at the demo school, partly answered (issue 19).
  await writeDemoAgreement(db, now);
  // A closed and an open needs and satisfaction survey at the demo school (issue 19).
  await writeDemoSurveys(db, now);
  // The involvement self-assessment of leider@'s school, two years, published (issue 19 part 4).
  await writeDemoSelfAssessment(db, now);
  // Fresh statistics, so the first queries after a bulk load get sensible plans.
  await db.$executeRawUnsafe("ANALYZE");
}
