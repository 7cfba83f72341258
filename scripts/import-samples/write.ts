// `npm run samples:import [-- --as-of 2026-12-04]`: writes the sample import
// files to samples/import/voorbeeld (clean) and samples/import/met-fouten
// (typical errors), for a school of about 150 pupils with results and absences
// of the school year up to --as-of (a school day; the files hold nothing later).
import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import { dayOf } from "../../prisma/seed/calendar";
import { generateSampleSet, type SampleFile } from "./generate";
import { fileBytes } from "./files";
import { withTypicalErrors } from "./errors";

const { values } = parseArgs({ options: { "as-of": { type: "string", default: "2026-12-04" }, out: { type: "string", default: "samples/import" } } });
const [y, m, d] = values["as-of"]!.split("-").map(Number);
const startYear = m >= 8 ? y : y - 1;

async function write(dir: string, files: Record<string, SampleFile>) {
  mkdirSync(dir, { recursive: true });
  for (const file of Object.values(files)) writeFileSync(path.join(dir, file.name), await fileBytes(file));
  console.log(`${dir}: ${Object.values(files).map((f) => `${f.name} (${f.rows.length - 1} rows)`).join(", ")}`);
}

(async () => {
  const set = generateSampleSet({ pupils: 150, startYear, asOf: dayOf(y, m, d) });
  await write(path.join(values.out!, "voorbeeld"), set);
  const { files, errors } = withTypicalErrors(set);
  await write(path.join(values.out!, "met-fouten"), files);
  for (const e of errors) console.log(`  ${e.file}:${e.line} ${e.code}`);
})();
