import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

// Issue 18: every page has a real, translated <title> ("Page · Schoolkompas"),
// not only the layout's bare "Schoolkompas". A page gives its title through
// `generateMetadata` (or `metadata`); a not-found page too (Next reads it from
// the root's not-found files); an error boundary (a client component, which
// cannot export metadata) renders React's <title>. The browser test
// (tests/e2e/bidi.spec.ts) checks the titles as served.

function files(dir: string, name: RegExp): string[] {
  return readdirSync(dir).flatMap((entry) => {
    const full = path.join(dir, entry);
    return statSync(full).isDirectory() ? files(full, name) : name.test(entry) ? [full] : [];
  });
}

// A metadata export that names a title (`robots` alone leaves the bare "Schoolkompas").
const exportsTitle = (source: string) => /export (async function generateMetadata|const metadata)\b/.test(source) && /\btitle:/.test(source);

describe("page titles", () => {
  const app = path.resolve("app");

  // The public tree's not-found.tsx (an unknown school) gets no params and may not read the
  // request (its pages are cached; a generateMetadata there answered 500): its title is the
  // public layout's default, "page not found" in the visitor's language.
  const publicNotFound = path.join("(public)", "site", "[locale]", "not-found.tsx");
  const titled = files(app, /^(page|not-found|global-not-found)\.tsx$/).map((f) => path.relative(app, f)).filter((f) => f !== publicNotFound);

  it("the public layout's default title is the not-found page's", () => {
    expect(readFileSync(path.join(app, "(public)", "site", "[locale]", "layout.tsx"), "utf8")).toMatch(/default: `\$\{tErrors\("notFoundTitle"\)\}/);
  });

  it.each(titled.map((f) => [f]))("%s gives its own title", (file) => {
    expect(exportsTitle(readFileSync(path.join(app, file), "utf8"))).toBe(true);
  });

  it("every error boundary renders a translated <title>", () => {
    const boundaries = files(app, /^error\.tsx$/);
    expect(boundaries.length).toBeGreaterThan(0);
    for (const file of boundaries) expect(readFileSync(file, "utf8")).toContain("@/components/layout/error-boundary");
    expect(readFileSync(path.resolve("components/layout/error-boundary.tsx"), "utf8")).toMatch(/<title>\{t\.pageTitle\}<\/title>/);
  });
});
