// Adds up what a browser-test run cost, per spec file and in total, from the
// lines tests/e2e/fixtures.ts writes with E2E_COUNT=<file> (docs/decisions/0047):
//   E2E_COUNT=/tmp/counts.jsonl npx playwright test && npx tsx scripts/e2e-counts.ts /tmp/counts.jsonl
// A kept sign-in replaced one sign-in through the form and one page load (the
// form page; both ways then open the role's home), so the last two columns
// are what the same tests cost without kept sign-ins.
import { readFileSync } from "node:fs";

type Sum = { tests: number; seconds: number; pageLoads: number; signIns: number; keptSignIns: number };
type Line = Omit<Sum, "tests"> & { file: string; title: string };

const file = process.argv[2];
if (!file) throw new Error("usage: tsx scripts/e2e-counts.ts <counts.jsonl>");
const lines = readFileSync(file, "utf8").split("\n").filter(Boolean).map((line) => JSON.parse(line) as Line);
const zero = (): Sum => ({ tests: 0, seconds: 0, pageLoads: 0, signIns: 0, keptSignIns: 0 });
const add = (sum: Sum, line: Omit<Sum, "tests">, tests = 1): Sum => ({
  tests: sum.tests + tests,
  seconds: sum.seconds + line.seconds,
  pageLoads: sum.pageLoads + line.pageLoads,
  signIns: sum.signIns + line.signIns,
  keptSignIns: sum.keptSignIns + (line.keptSignIns ?? 0),
});
const perFile = new Map<string, Sum>();
for (const line of lines) perFile.set(line.file, add(perFile.get(line.file) ?? zero(), line));
const rows = [...perFile].sort((a, b) => b[1].seconds - a[1].seconds);
const total = rows.reduce((sum, [, s]) => add(sum, s, s.tests), zero());

const columns = ["tests", "seconds", "page loads", "form sign-ins", "kept sign-ins", "loads without", "sign-ins without"];
const row = (name: string, s: Sum) =>
  [name.padEnd(28), ...[s.tests, s.seconds.toFixed(1), s.pageLoads, s.signIns, s.keptSignIns, s.pageLoads + s.keptSignIns, s.signIns + s.keptSignIns].map((v, i) => String(v).padStart(columns[i].length))].join(" ");
console.log(["spec".padEnd(28), ...columns].join(" "));
for (const [name, sum] of rows) console.log(row(name, sum));
console.log(row("total", total));
