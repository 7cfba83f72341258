import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import ts from "typescript";
import { beforeAll, describe, expect, it } from "vitest";

// Every loader of the domain layer takes the signed-in Actor as its first
// parameter (docs/decisions/0018), so a page cannot ask for a pupil's data by
// passing ids alone: the scope comes from the actor, made only by loadActor.
//
// Which modules: every module under lib/domain (tests and "use server" action
// modules aside) that is a query or command module by name (queries.ts,
// commands.ts, *-queries.ts, *-commands.ts, the hand-written statements
// *-sql.ts) or that imports the database client (lib/db/client) itself.
// Which functions: every exported function that returns a promise — a function
// that does not cannot have read the database. The TypeScript compiler decides
// both the parameter's type (the Actor class of lib/auth/actor.ts, however it
// was imported) and what a module exports (re-exports and `const f = …` too).

const ROOT = path.resolve(__dirname, "../..");

/**
 * What may run without a signed-in user, each with its reason. "module" for a
 * whole module, "module#function" for one function.
 */
const ANONYMOUS: Record<string, string> = {
  // The public Schoolkompas (search, school profiles, compare): published school figures, no pupil data, no session.
  "lib/domain/schools/queries.ts": "public school pages and compare",
  "lib/domain/health/queries.ts#databaseIsUp": "/api/health answers anyone",
  "lib/domain/health/queries.ts#readiness": "/api/ready answers anyone (database up, migrations applied; no data)",
  // Account e-mails: the visitor is not signed in; the token in the link is the credential.
  "lib/domain/accounts/password-commands.ts#requestPasswordReset": "forgot-password form, one neutral answer",
  "lib/domain/accounts/password-commands.ts#inspectAccountToken": "set-password link, the token is the credential",
  "lib/domain/accounts/password-commands.ts#setPasswordWithToken": "set-password link, the token is the credential",
  // Jobs of the worker (scripts/worker.ts) have no session by design; named unsafe… where they act for no one.
  "lib/domain/imports/jobs.ts": "import worker jobs (validate, apply, clean up) for a run an administrator started",
  "lib/domain/retention/jobs.ts#unsafeApplyRetention": "nightly retention job",
  "lib/domain/sick-reports/commands.ts#extendOpenSickReports": "nightly job extending open sick reports",
  "lib/domain/attendance/commands.ts#unsafeRegisterAbsenceRecords": "writes inside the caller's transaction, after the caller's actor check",
  // The national calendar, no pupil data.
  "lib/domain/admin/staff-scope.ts#currentSchoolYear": "the school year containing today (national)",
  "lib/domain/indicators/years.ts#indicatorYears": "the school years an indicator page offers (national)",
};

const SKIP = new Set(["node_modules", "generated"]);
function sourceFiles(dir: string): string[] {
  return readdirSync(path.join(ROOT, dir)).flatMap((name) => {
    if (SKIP.has(name)) return [];
    const file = `${dir}/${name}`;
    if (statSync(path.join(ROOT, file)).isDirectory()) return sourceFiles(file);
    return /\.tsx?$/.test(name) && !/\.test\.tsx?$/.test(name) ? [file] : [];
  });
}

const LOADER_NAME = /(^|\/|-)(queries|commands|sql)\.ts$/;
const DB_IMPORT = /from\s+["'](@\/lib\/db\/client|(\.\.?\/)+(lib\/)?db\/client)["']/;

/** The loader modules of lib/domain, chosen as the header says, from each file's text. */
function loaderModules(files: Record<string, string>): string[] {
  return Object.entries(files)
    .filter(([file, text]) => !/^\s*["']use server["']/.test(text) && (LOADER_NAME.test(file) || DB_IMPORT.test(text)))
    .map(([file]) => file)
    .sort();
}

function compilerOptions(): ts.CompilerOptions {
  const config = ts.readConfigFile(path.join(ROOT, "tsconfig.json"), ts.sys.readFile);
  const { options } = ts.parseJsonConfigFileContent(config.config, ts.sys, ROOT);
  return { ...options, noEmit: true, incremental: false, skipLibCheck: true };
}

/** A program over `files` (repository-relative), with `virtual` files laid over the disk. */
function createProgram(files: string[], virtual: Record<string, string> = {}): ts.Program {
  const options = compilerOptions();
  const host = ts.createCompilerHost(options, true);
  const overlay = new Map(Object.entries(virtual).map(([file, text]) => [path.join(ROOT, file), text]));
  const { fileExists, readFile, getSourceFile } = host;
  host.fileExists = (file) => overlay.has(file) || fileExists.call(host, file);
  host.readFile = (file) => overlay.get(file) ?? readFile.call(host, file);
  host.getSourceFile = (file, language, onError, shouldCreate) => {
    const text = overlay.get(file);
    return text !== undefined ? ts.createSourceFile(file, text, language, true) : getSourceFile.call(host, file, language, onError, shouldCreate);
  };
  return ts.createProgram([...files, ...Object.keys(virtual)].map((file) => path.join(ROOT, file)), options, host);
}

const ACTOR_MODULE = path.join(ROOT, "lib/auth/actor.ts");

/** "module#function: first parameter …" for each exported loader of `file` whose first parameter is not the Actor. */
function loadersWithoutActor(program: ts.Program, file: string): string[] {
  const checker = program.getTypeChecker();
  const source = program.getSourceFile(path.join(ROOT, file));
  if (!source) throw new Error(`not in the program: ${file}`);
  const moduleSymbol = checker.getSymbolAtLocation(source);
  if (!moduleSymbol) return [];
  const isActor = (type: ts.Type) => {
    const declaration = type.getSymbol()?.declarations?.[0];
    return type.getSymbol()?.getName() === "Actor" && declaration?.getSourceFile().fileName === ACTOR_MODULE;
  };
  const returnsPromise = (signature: ts.Signature) => signature.getReturnType().getProperty("then") !== undefined;
  const offenders: string[] = [];
  for (const exported of checker.getExportsOfModule(moduleSymbol)) {
    const symbol = exported.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(exported) : exported;
    if (!(symbol.flags & (ts.SymbolFlags.Function | ts.SymbolFlags.Variable))) continue;
    for (const signature of checker.getTypeOfSymbolAtLocation(symbol, source).getCallSignatures()) {
      if (!returnsPromise(signature)) continue;
      const first = signature.getParameters()[0];
      const type = first ? checker.getTypeOfSymbolAtLocation(first, source) : undefined;
      if (!type || !isActor(type)) {
        offenders.push(`${file}#${exported.getName()}: first parameter ${first ? `${first.getName()}: ${checker.typeToString(type!)}` : "none"}`);
        break;
      }
    }
  }
  return offenders;
}

const allowed = (offender: string) => {
  const name = offender.split(":")[0];
  return name in ANONYMOUS || name.split("#")[0] in ANONYMOUS;
};

// One program for the repository's loader modules and the fixture below (type checking takes a few seconds).
const FIXTURE = "lib/domain/boundary-fixture/queries.ts";
const FIXTURE_TEXT = `
import { db } from "@/lib/db/client";
import type { Actor } from "@/lib/auth/types";
import { pupilScope } from "@/lib/auth/scope";
/** Scoped: the actor first. */
export async function childResults(actor: Actor, pupilId: string) {
  return db.result.findMany({ where: { pupil: { id: pupilId, ...pupilScope(actor) } } });
}
/** The mistake this test exists for: ids from the URL, no actor. */
export async function loadChildResults(pupilId: string, guardianId: string) {
  return db.result.findMany({ where: { pupil: { id: pupilId, guardianLinks: { some: { guardianId } } } } });
}
/** Also a mistake: the actor, but not first. */
export const resultsOf = async (pupilId: string, actor: Actor) => db.result.findMany({ where: { pupil: { id: pupilId, ...pupilScope(actor) } } });
/** Pure: returns no promise, reads nothing. */
export function average(grades: number[]) { return grades.reduce((a, b) => a + b, 0) / grades.length; }
export { loadChildResults as reexported };
`;

let files: Record<string, string>;
let modules: string[];
let program: ts.Program;

beforeAll(() => {
  files = Object.fromEntries(sourceFiles("lib/domain").map((file) => [file, readFileSync(path.join(ROOT, file), "utf8")]));
  modules = loaderModules(files);
  program = createProgram(modules, { [FIXTURE]: FIXTURE_TEXT });
  program.getTypeChecker(); // binds every file now, under this hook's timeout
}, 120_000);

describe("the domain's loaders take the Actor first", () => {
  it("every exported loader of lib/domain does, but the allow-listed anonymous ones", () => {
    const offenders = modules.flatMap((file) => loadersWithoutActor(program, file));
    expect(offenders.filter((offender) => !allowed(offender))).toEqual([]);
    // The allow-list holds nothing that no longer exists.
    const names = new Set(offenders.map((offender) => offender.split(":")[0]));
    const stale = Object.keys(ANONYMOUS).filter((entry) => (entry.includes("#") ? !names.has(entry) : !modules.includes(entry)));
    expect(stale).toEqual([]);
  }, 60_000);

  it("chooses the modules by name and by their database import", () => {
    expect(modules).toEqual(expect.arrayContaining([
      "lib/domain/pupils/queries.ts", "lib/domain/pupils/child-detail-sql.ts", "lib/domain/pupils/overview-sql.ts",
      "lib/domain/contacts/mentor-list-sql.ts", "lib/domain/contacts/commands.ts", "lib/domain/attendance/threshold-queries.ts",
      "lib/domain/admin/staff-scope.ts", "lib/domain/schools/board-scope.ts", "lib/domain/indicators/years.ts",
    ]));
    expect(modules.some((file) => file.endsWith("/actions.ts"))).toBe(false);
    expect(modules.length).toBeGreaterThan(40);
  });

  it("fails for an exported loader without the Actor first (fixture)", () => {
    expect(loadersWithoutActor(program, FIXTURE)).toEqual([
      `${FIXTURE}#loadChildResults: first parameter pupilId: string`,
      `${FIXTURE}#resultsOf: first parameter pupilId: string`,
      `${FIXTURE}#reexported: first parameter pupilId: string`,
    ]);
    expect(loaderModules({ [FIXTURE]: FIXTURE_TEXT, "lib/domain/x/helper.ts": `import { db } from "../../db/client";`, "lib/domain/x/pure.ts": "export const a = 1;" }))
      .toEqual(["lib/domain/boundary-fixture/queries.ts", "lib/domain/x/helper.ts"]);
  }, 60_000);
});
