import { readFileSync, readdirSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

// docs/audit-trail.md lists every route and every server action with the audit
// rows it writes (or why it writes none). This test finds them on disk — page and
// route files under app/, the exports of every lib/domain/**/*actions.ts — so a
// new route or action cannot be added without saying what it logs.

const root = path.resolve(import.meta.dirname, "../..");
const doc = readFileSync(path.join(root, "docs/audit-trail.md"), "utf8");
/** Everything written between backticks in the document. */
const quoted = new Set([...doc.matchAll(/`([^`]+)`/g)].map((m) => m[1]));

function files(dir: string, match: (name: string) => boolean): string[] {
  return readdirSync(path.join(root, dir), { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile() && match(entry.name))
    .map((entry) => path.relative(root, path.join(entry.parentPath, entry.name)));
}

/** app/(app)/(portal)/mentor/pupils/[pupilId]/page.tsx → /mentor/pupils/[pupilId] (route groups are not in the address). */
function routePattern(file: string): string {
  const segments = path.dirname(file).split(path.sep).slice(1).filter((s) => !/^\(.*\)$/.test(s));
  return `/${segments.join("/")}`;
}

const routes = files("app", (name) => name === "page.tsx" || name === "route.ts").map(routePattern).sort();
const actions = files("lib/domain", (name) => name.endsWith("actions.ts")).flatMap((file) => {
  const text = readFileSync(path.join(root, file), "utf8");
  const area = file.replace(/^lib\/domain\//, "").replace(/\.ts$/, "");
  return [...text.matchAll(/^export async function (\w+)/gm)].map((m) => `${area}#${m[1]}`);
});

describe("docs/audit-trail.md", () => {
  it("finds the routes and actions on disk", () => {
    expect(routes).toContain("/mentor/pupils/[pupilId]");
    expect(routes).toContain("/api/account/data");
    expect(actions).toContain("contacts/actions#logContactAction");
    expect(actions.length).toBeGreaterThan(30);
  });

  it("lists every page and API route", () => {
    expect(routes.filter((route) => !quoted.has(route))).toEqual([]);
  });

  it("lists every server action (as `area/module#export`)", () => {
    expect(actions.filter((action) => !quoted.has(action))).toEqual([]);
  });
});
