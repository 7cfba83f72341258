import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";

type Row = [string, string];

/** Writes bench/results/<stamp>.json and .md. */
export function writeReport(dir: string, stamp: string, data: Record<string, unknown>, rows: Row[], sections: string[] = []): { json: string; md: string } {
  mkdirSync(dir, { recursive: true });
  const json = path.join(dir, `${stamp}.json`);
  const md = path.join(dir, `${stamp}.md`);
  writeFileSync(json, `${JSON.stringify(data, null, 2)}\n`);
  const table = ["| measure | result |", "|---|---|", ...rows.map(([k, v]) => `| ${k} | ${v} |`)].join("\n");
  writeFileSync(md, `# Benchmark ${stamp}\n\n${table}\n${sections.map((s) => `\n${s}\n`).join("")}`);
  return { json, md };
}
