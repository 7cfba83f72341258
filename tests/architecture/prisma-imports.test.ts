import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { expect, it } from "vitest";

const ROOT = path.resolve(__dirname, "../..");
// lib/notifications: the outbox. Its queueing runs inside a domain command's
// transaction (which has checked the actor); its delivery runs in the job
// worker, which has no actor by design and re-checks who may receive a message.
const ALLOWED = [/^lib\/domain\//, /^lib\/auth\//, /^lib\/db\//, /^lib\/notifications\//, /^prisma\//, /^tests\//, /^scripts\//, /^prisma\.config\.ts$/];
const SKIP = new Set(["node_modules", ".next", ".git", ".data", "generated", "test-results", "playwright-report"]);

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    // Build and test output of any run (.next-bench, test-results-…) is not source.
    if (SKIP.has(name) || name.startsWith(".next") || name.startsWith("test-results")) return [];
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) return sourceFiles(full);
    return /\.(ts|tsx)$/.test(name) ? [path.relative(ROOT, full)] : [];
  });
}

it("only the data and auth layers (and seeds, tests) touch the database client", () => {
  const offenders = sourceFiles(ROOT).filter((file) => {
    if (ALLOWED.some((re) => re.test(file))) return false;
    const text = readFileSync(path.join(ROOT, file), "utf8");
    return /from ["'](@\/lib\/db\/client|@\/lib\/generated\/prisma\/client|@prisma\/client|pg)["']/.test(text);
  });
  expect(offenders).toEqual([]);
});

it("the check itself finds imports", () => {
  expect(sourceFiles(ROOT)).toContain("app/(app)/(portal)/parent/page.tsx");
});
