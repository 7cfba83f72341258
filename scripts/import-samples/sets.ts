// The two sample sets (clean, and with typical errors) written to a folder, as
// of a school day. Used by `npm run samples:import` and by the browser tests,
// which write them as of today so they never depend on the shipped files' date.
import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { dayOf, dutchDay, partsOf, type Day } from "../../prisma/seed/calendar";
import { generateSampleSet, teachingDays, type SampleFile } from "./generate";
import { fileBytes } from "./files";
import { withTypicalErrors, type ExpectedError } from "./errors";

/** The latest day on or before `today` that is a school day everywhere in its school year (the sets hold nothing later). */
export function latestTeachingDay(today: Day = dutchDay(new Date())): Day {
  const { year, month } = partsOf(today);
  const startYear = month >= 8 ? year : year - 1;
  // In the summer before the first school day, the last day of the year before.
  return teachingDays(startYear, today).at(-1) ?? teachingDays(startYear - 1, dayOf(startYear, 7, 31)).at(-1)!;
}

async function write(dir: string, files: Record<string, SampleFile>): Promise<string[]> {
  mkdirSync(dir, { recursive: true });
  for (const file of Object.values(files)) writeFileSync(path.join(dir, file.name), await fileBytes(file));
  return Object.values(files).map((f) => `${f.name} (${f.rows.length - 1} rows)`);
}

/** Writes `voorbeeld/` (clean) and `met-fouten/` (typical errors) under `out`, for 150 pupils up to `asOf`. */
export async function writeSampleSets(out: string, asOf: Day): Promise<{ clean: string[]; withErrors: string[]; errors: ExpectedError[] }> {
  const { year, month } = partsOf(asOf);
  const set = generateSampleSet({ pupils: 150, startYear: month >= 8 ? year : year - 1, asOf });
  const clean = await write(path.join(out, "voorbeeld"), set);
  const { files, errors } = withTypicalErrors(set);
  const withErrors = await write(path.join(out, "met-fouten"), files);
  return { clean, withErrors, errors };
}
