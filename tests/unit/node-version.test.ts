import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

// One Node.js version in every place that names it (docs/decisions/0039):
// the pinned binary CI installs, the version managers' files, engines and types.
const root = path.resolve(__dirname, "../..");
const read = (file: string) => readFileSync(path.join(root, file), "utf8");
const pkg = JSON.parse(read("package.json")) as {
  engines: Record<string, string>;
  dependencies: Record<string, string>;
  devDependencies: Record<string, string>;
  scripts: Record<string, string>;
};
type Locked = { version?: string; engines?: Record<string, string>; os?: string[]; cpu?: string[] };
const lock = JSON.parse(read("package-lock.json")) as { packages: Record<string, Locked> };
/** npm installs a package with os/cpu fields only on those platforms (e.g. @img/sharp-win32-ia32). */
const installedHere = (meta: Locked) => (!meta.os || meta.os.includes(process.platform)) && (!meta.cpu || meta.cpu.includes(process.arch));
const pinned = /^NODE_VERSION=(\d+\.\d+\.\d+)$/m.exec(read("scripts/node24.sh"))?.[1];
const major = (version: string) => Number(/\d+/.exec(version)?.[0]);

describe("the Node.js version", () => {
  it("is pinned once for CI and named the same by .nvmrc and .node-version", () => {
    expect(pinned).toMatch(/^24\./);
    expect(read(".nvmrc").trim()).toBe(pinned);
    expect(read(".node-version").trim()).toBe(pinned);
  });

  it("is what package.json and its lockfile ask for, with types of the same major version", () => {
    expect(pkg.engines.node).toBe(`>=${major(pinned!)}`);
    expect(lock.packages[""].engines).toEqual(pkg.engines);
    expect(major(pkg.devDependencies["@types/node"])).toBe(major(pinned!));
    expect(pkg.scripts.node24).toContain("scripts/node24.sh");
  });

  it("satisfies the engines field of every package installed on this platform (no EBADENGINE from npm ci)", () => {
    // A small reading of npm's ranges, enough for the engines fields in the lockfile:
    // "a || b", each a list of comparators (>=, >, <=, <, ^, ~, = or none; x and * for any).
    const compare = (a: number[], b: number[]) => [0, 1, 2].map((i) => (a[i] ?? 0) - (b[i] ?? 0)).find((d) => d !== 0) ?? 0;
    const comparator = (text: string, version: number[]) => {
      const [, op = "", v = ""] = /^(>=|<=|>|<|\^|~|=)?v?([\d.x*]*)$/.exec(text) ?? [];
      const parts = v.split(".").filter((p) => p !== "" && p !== "x" && p !== "*").map(Number);
      if (parts.length === 0) return true;
      const cmp = compare(version, parts);
      if (op === ">=") return cmp >= 0;
      if (op === ">") return cmp > 0;
      if (op === "<=") return cmp <= 0;
      if (op === "<") return cmp < 0;
      if (op === "~" || (op === "" && parts.length < 3) || op === "=") return cmp >= 0 && parts.every((p, i) => i > (op === "~" ? 1 : parts.length - 1) || version[i] === p);
      return cmp >= 0 && version[0] === parts[0]; // "^x.y.z" (and a bare full version, loosely)
    };
    const satisfies = (range: string, version: number[]) =>
      range.split("||").some((part) => part.trim().replace(/([<>=^~]+)\s+/g, "$1").split(/\s+/).filter(Boolean).every((c) => comparator(c, version)));
    expect(satisfies(">=22.18.0", [24, 22, 3])).toBe(true);
    expect(satisfies("22 || >=24.0.0", [24, 22, 3])).toBe(true);
    expect(satisfies(">= 10 < 20", [24, 22, 3])).toBe(false);
    expect(satisfies("^18.18.0 || ^20.9.0", [24, 22, 3])).toBe(false);
    expect(satisfies("22", [24, 22, 3])).toBe(false);
    const node = pinned!.split(".").map(Number);
    const refused = Object.entries(lock.packages)
      .filter(([, meta]) => installedHere(meta) && meta.engines?.node && !satisfies(meta.engines.node, node))
      .map(([name, meta]) => `${name} (${meta.engines!.node})`);
    expect(refused).toEqual([]);
  });
});
