import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import ts from "typescript";
import { describe, expect, it } from "vitest";

// Keeps heavy server-side libraries out of the browser bundles. Starting from
// every "use client" module under app/, components/ and lib/, the check follows
// the static value imports (type-only imports are erased by the compiler)
// through the repository and fails when a reachable module imports one of the
// packages below. The message gives the whole chain, so you can see which
// import to move (usually: split the constants a form needs into a
// dependency-free `fields.ts`/`display.ts`, as lib/domain/sick-reports does).

const ROOT = path.resolve(__dirname, "../..");
const CLIENT_DIRS = ["app", "components", "lib"];
const SKIP = new Set(["node_modules", ".next", ".git", ".data", "generated", "test-results", "playwright-report"]);

const FORBIDDEN_PACKAGES = [
  "zod",
  "@date-fns/tz",
  "date-fns",
  "d3-scale",
  "d3-shape",
  "@prisma/client",
  "server-only",
  "next-auth",
  "nodemailer",
  "graphile-worker",
  // The import's readers run in the job worker only.
  "csv-parse",
  "read-excel-file",
  "libphonenumber-js",
  // Server-side account security: the password dictionaries (≈ 1 MB), the
  // sign-in limiter, two-step codes and their QR codes.
  "@zxcvbn-ts/core",
  "@zxcvbn-ts/language-common",
  "rate-limiter-flexible",
  "otpauth",
  "qrcode",
  // Server logs (lib/log.cjs): pino and Node's async_hooks do not exist in the browser.
  "pino",
];
// Server-only modules of the repository that the resolver below does not follow (CommonJS):
// a client module reaching one breaks every page in the browser ("Cannot find module
// 'node:async_hooks'"), as the error boundary did through lib/http/database-away.ts.
const SERVER_ONLY_SPECIFIERS = new Set(["@/lib/log.cjs"]);
// Entry points of a forbidden package that are made for the browser.
const ALLOWED_SUBPATHS = new Set(["next-auth/react"]);
// Prisma's generated client (and its enums) — also reached through relative paths.
const GENERATED_ALIAS = "@/lib/generated/";
const GENERATED_DIR = "lib/generated/";

type Directive = "use client" | "use server" | null;
type ParsedModule = { directive: Directive; imports: string[] };
type Violation = { chain: string[]; specifier: string };

/** Repository-relative .ts/.tsx files (forward slashes) below `dir`. */
function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    // Build and test output of any run (.next-bench, test-results-…) is not source.
    if (SKIP.has(name) || name.startsWith(".next") || name.startsWith("test-results")) return [];
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) return sourceFiles(full);
    return /\.(ts|tsx)$/.test(name) && !name.endsWith(".d.ts") ? [toRelative(full)] : [];
  });
}

function toRelative(full: string): string {
  return path.relative(ROOT, full).split(path.sep).join("/");
}

function isTypeOnlyImport(node: ts.ImportDeclaration): boolean {
  const clause = node.importClause;
  if (!clause) return false; // import "x": a side effect, bundled
  if (clause.phaseModifier === ts.SyntaxKind.TypeKeyword) return true; // import type ...
  if (clause.name) return false; // a default import is a value
  const bindings = clause.namedBindings;
  if (!bindings || !ts.isNamedImports(bindings)) return false; // import * as ns
  // import { type A, type B } from "x" is erased; import {} from "x" is kept.
  return bindings.elements.length > 0 && bindings.elements.every((element) => element.isTypeOnly);
}

function isTypeOnlyExport(node: ts.ExportDeclaration): boolean {
  if (node.isTypeOnly) return true; // export type { A } from "x"
  const clause = node.exportClause;
  if (!clause || !ts.isNamedExports(clause)) return false; // export * from / export * as ns from
  return clause.elements.length > 0 && clause.elements.every((element) => element.isTypeOnly);
}

/** The file's directive ("use client"/"use server" in its prologue) and its static value imports. */
function parseModule(fileName: string, text: string): ParsedModule {
  const source = ts.createSourceFile(fileName, text, ts.ScriptTarget.Latest, false);
  let directive: Directive = null;
  for (const statement of source.statements) {
    if (!ts.isExpressionStatement(statement) || !ts.isStringLiteral(statement.expression)) break;
    const value = statement.expression.text;
    if (value === "use client" || value === "use server") {
      directive = value;
      break;
    }
  }
  const imports: string[] = [];
  for (const statement of source.statements) {
    if (ts.isImportDeclaration(statement) && ts.isStringLiteral(statement.moduleSpecifier)) {
      if (!isTypeOnlyImport(statement)) imports.push(statement.moduleSpecifier.text);
    } else if (ts.isExportDeclaration(statement) && statement.moduleSpecifier && ts.isStringLiteral(statement.moduleSpecifier)) {
      if (!isTypeOnlyExport(statement)) imports.push(statement.moduleSpecifier.text);
    } else if (
      ts.isImportEqualsDeclaration(statement) &&
      !statement.isTypeOnly &&
      ts.isExternalModuleReference(statement.moduleReference) &&
      ts.isStringLiteral(statement.moduleReference.expression)
    ) {
      imports.push(statement.moduleReference.expression.text);
    }
  }
  return { directive, imports };
}

function isForbidden(specifier: string, resolved: string | null): boolean {
  if (specifier.startsWith(GENERATED_ALIAS) || resolved?.startsWith(GENERATED_DIR)) return true;
  // Node's own modules, and the repository's CommonJS server modules.
  if (specifier.startsWith("node:") || SERVER_ONLY_SPECIFIERS.has(specifier) || /(^|\/)log\.cjs$/.test(specifier)) return true;
  if (ALLOWED_SUBPATHS.has(specifier)) return false;
  return FORBIDDEN_PACKAGES.some((name) => specifier === name || specifier.startsWith(`${name}/`));
}

/** "@/x" and relative specifiers to a repository file (.ts, .tsx, index.ts, index.tsx); null for packages. */
function resolveImport(from: string, specifier: string, isFile: (file: string) => boolean): string | null {
  let base: string;
  if (specifier.startsWith("@/")) base = specifier.slice(2);
  else if (specifier.startsWith("./") || specifier.startsWith("../")) base = path.posix.join(path.posix.dirname(from), specifier);
  else return null;
  base = path.posix.normalize(base);
  if (base.startsWith("../")) return null; // outside the repository
  const stem = base.replace(/\.(js|jsx|mjs)$/, "");
  const candidates = /\.(ts|tsx)$/.test(base)
    ? [base]
    : [`${stem}.ts`, `${stem}.tsx`, `${stem}/index.ts`, `${stem}/index.tsx`];
  return candidates.find(isFile) ?? null;
}

/**
 * Walks the value imports from each start file (breadth first, so each chain
 * is a shortest one) and returns every forbidden import reachable from it.
 * "use server" modules are not entered: the bundler replaces them in client
 * code with references to the server action, so their imports stay on the server.
 */
function findViolations(
  starts: string[],
  load: (file: string) => ParsedModule,
  isFile: (file: string) => boolean,
): Violation[] {
  const violations: Violation[] = [];
  for (const start of starts) {
    const parent = new Map<string, string | null>([[start, null]]);
    const queue = [start];
    const chainTo = (file: string) => {
      const chain: string[] = [];
      for (let at: string | null = file; at !== null; at = parent.get(at) ?? null) chain.unshift(at);
      return chain;
    };
    while (queue.length > 0) {
      const file = queue.shift()!;
      for (const specifier of load(file).imports) {
        const resolved = resolveImport(file, specifier, isFile);
        if (isForbidden(specifier, resolved)) {
          violations.push({ chain: chainTo(file), specifier });
          continue;
        }
        if (resolved === null || parent.has(resolved)) continue;
        if (load(resolved).directive === "use server") continue;
        parent.set(resolved, file);
        queue.push(resolved);
      }
    }
  }
  return violations;
}

function describeViolation({ chain, specifier }: Violation): string {
  return [...chain, specifier].join(" → ");
}

// --- the repository ---------------------------------------------------------

const parsed = new Map<string, ParsedModule>();
function loadFromDisk(file: string): ParsedModule {
  let parsedModule = parsed.get(file);
  if (!parsedModule) {
    parsedModule = parseModule(file, readFileSync(path.join(ROOT, file), "utf8"));
    parsed.set(file, parsedModule);
  }
  return parsedModule;
}

function isFileOnDisk(file: string): boolean {
  const full = path.join(ROOT, file);
  return !file.split("/").includes("node_modules") && existsSync(full) && statSync(full).isFile();
}

function clientModules(): string[] {
  return CLIENT_DIRS.filter((dir) => existsSync(path.join(ROOT, dir)))
    .flatMap((dir) => sourceFiles(path.join(ROOT, dir)))
    .filter((file) => loadFromDisk(file).directive === "use client")
    .sort();
}

describe("client bundles", () => {
  it("no client module reaches a server-side library", () => {
    const violations = findViolations(clientModules(), loadFromDisk, isFileOnDisk);
    expect(violations.map(describeViolation)).toEqual([]);
  });

  it("the check finds the client modules", () => {
    const clients = clientModules();
    expect(clients.length).toBeGreaterThan(0);
    expect(clients).toContain("components/parent/sick-report-form.tsx");
  });

  it("the check reports a real forbidden import with its chain", () => {
    const violations = findViolations(["lib/domain/sick-reports/schemas.ts"], loadFromDisk, isFileOnDisk);
    expect(violations.map(describeViolation)).toContain("lib/domain/sick-reports/schemas.ts → zod");
  });

  it("the check follows value imports and skips type-only ones (fixture graph)", () => {
    const files: Record<string, string> = {
      "components/form.tsx": [
        `"use client";`,
        `import type { Input } from "@/lib/schemas";`,
        `import { type Other, type Third } from "@/lib/other";`,
        `export type { Shape } from "@/lib/shape";`,
        `import { submit } from "@/lib/actions";`,
        `import { signIn } from "next-auth/react";`,
        `import { LIMIT } from "../lib/fields";`,
        `import { Kind } from "@/lib/generated/prisma/enums";`,
      ].join("\n"),
      "lib/fields.ts": `export { label } from "./labels";\nexport const LIMIT = 1;`,
      "lib/labels/index.ts": `import { format } from "date-fns/format";\nimport { z } from "zod";`,
      "lib/schemas.ts": `import { z } from "zod";`,
      "lib/other.ts": `import nodemailer from "nodemailer";`,
      "lib/shape.ts": `import "server-only";`,
      "lib/actions.ts": `"use server";\nimport { z } from "zod";`,
    };
    const load = (file: string) => parseModule(file, files[file]);
    const isFile = (file: string) => file in files;

    expect(load("components/form.tsx").directive).toBe("use client");
    expect(findViolations(["components/form.tsx"], load, isFile).map(describeViolation)).toEqual([
      "components/form.tsx → @/lib/generated/prisma/enums",
      "components/form.tsx → lib/fields.ts → lib/labels/index.ts → date-fns/format",
      "components/form.tsx → lib/fields.ts → lib/labels/index.ts → zod",
    ]);
  });
});
