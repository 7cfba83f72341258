// `npm run samples:import [-- --as-of YYYY-MM-DD] [--out DIR]`: writes the
// sample import files to samples/import/voorbeeld (clean) and
// samples/import/met-fouten (typical errors), for a school of about 150 pupils
// with results and absences of the school year up to --as-of (a school day;
// default: the latest school day up to today; the files hold nothing later).
import path from "node:path";
import { parseArgs } from "node:util";
import { dayOf, isoDate } from "../../prisma/seed/calendar";
import { latestTeachingDay, writeSampleSets } from "./sets";

const { values } = parseArgs({ options: { "as-of": { type: "string" }, out: { type: "string", default: "samples/import" } } });
const asOf = values["as-of"] ? dayOf(...(values["as-of"].split("-").map(Number) as [number, number, number])) : latestTeachingDay();

(async () => {
  const { clean, withErrors, errors } = await writeSampleSets(values.out!, asOf);
  console.log(`as of ${isoDate(asOf)}`);
  console.log(`${path.join(values.out!, "voorbeeld")}: ${clean.join(", ")}`);
  console.log(`${path.join(values.out!, "met-fouten")}: ${withErrors.join(", ")}`);
  for (const e of errors) console.log(`  ${e.file}:${e.line} ${e.code}`);
})();
