import { randomInt, randomUUID } from "node:crypto";
import { db } from "@/lib/db/client";
import { createImport, type UploadedFile } from "@/lib/domain/imports/commands";
import { unsafeApplyImport, unsafeValidateImport } from "@/lib/domain/imports/jobs";
import { applyImport } from "@/lib/domain/imports/commands";
import type { Actor } from "@/lib/auth/types";
import { actorOf, createUser } from "@/tests/factories";
import { dayOf } from "@/prisma/seed/calendar";
import { generateSampleSet, type SampleFile } from "@/scripts/import-samples/generate";
import { fileBytes } from "@/scripts/import-samples/files";

// Imports in tests run at a fixed moment: the sample files hold the school year
// 2026-2027 up to Friday 4 December 2026.
export const IMPORT_NOW = new Date("2026-12-07T11:00:00Z");
export const SAMPLE_AS_OF = dayOf(2026, 12, 4);

const LETTERS = "ABCDEFGHIJKLMNOPQRSTUVWXYZ";
const randomBrin = () => `${randomInt(10, 100)}${LETTERS[randomInt(0, 26)]}${LETTERS[randomInt(0, 26)]}`;

/** A school without classes, pupils or terms, on its own board, and an administrator of that board. */
export async function createImportSchool(overrides: { brin?: string } = {}) {
  const u = randomUUID().slice(0, 8);
  const board = await db.board.create({ data: { name: `Bestuur ${u}` } });
  // BRIN + location code are unique together: random enough that a file's dozen schools never collide
  // (two letters from a hex id collided about once in fifty runs), but the fault harness makes
  // thousands in one database, where a collision does happen (once at 870 crashes): draw again then.
  const create = () =>
    db.school.create({
      data: { boardId: board.id, brin: overrides.brin ?? randomBrin(), locationCode: String(randomInt(0, 100)).padStart(2, "0"), name: `Zonnewijzer ${u}`, slug: `zonnewijzer-${u}`, city: "Amersfoort", kind: "HAVO_VWO", levels: ["HAVO", "VWO"] },
    });
  let school: Awaited<ReturnType<typeof create>> | undefined;
  for (let tries = 1; !school; tries++) {
    school = await create().catch((error: unknown) => {
      const taken = (error as { code?: string }).code === "P2002";
      if (!taken || overrides.brin || tries >= 5) throw error;
      return undefined;
    });
  }
  const admin = await actorOf((await createUser("ADMIN", { boardId: board.id })).id);
  return { board, school, admin };
}

/** A sample set; each call a different (fictional) school's people unless the seed is given. */
export function sampleSet(pupils = 30, seed: string = randomUUID()): Record<string, SampleFile> {
  return generateSampleSet({ pupils, startYear: 2026, asOf: SAMPLE_AS_OF, seed });
}

export async function uploadsOf(files: SampleFile[]): Promise<UploadedFile[]> {
  return Promise.all(files.map(async (f) => ({ name: f.name, bytes: new Uint8Array(await fileBytes(f)) })));
}

/** Upload and dry run, as the worker would do it; the run as stored afterwards. */
export async function dryRun(admin: Actor, schoolId: string, files: UploadedFile[], options: { fullExport?: boolean } = {}) {
  const { runId } = await createImport(admin, schoolId, files, { idempotencyKey: randomUUID(), fullExport: options.fullExport ?? false });
  await unsafeValidateImport(runId, { now: IMPORT_NOW });
  return db.importRun.findUniqueOrThrow({ where: { id: runId } });
}

/** Dry run, then apply, as the page and the worker would; the run as stored afterwards. */
export async function importAndApply(admin: Actor, schoolId: string, files: UploadedFile[], options: { fullExport?: boolean } = {}) {
  const run = await dryRun(admin, schoolId, files, options);
  if (run.status !== "READY") throw new Error(`dry run ended ${run.status}: ${JSON.stringify(run.errors).slice(0, 500)}`);
  await applyImport(admin, schoolId, run.id);
  await unsafeApplyImport(run.id, { now: IMPORT_NOW });
  return db.importRun.findUniqueOrThrow({ where: { id: run.id } });
}
