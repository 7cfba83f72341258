import path from "node:path";
import { ESLint } from "eslint";
import { beforeAll, describe, expect, it } from "vitest";

// The import rules of the data boundary (eslint.config.mjs, docs/decisions/0018)
// run on snippets placed at real paths of the repository, through ESLint's own
// API with the project's configuration: the rules resolve paths, so a relative
// import is caught like an "@/" one.

const ROOT = path.resolve(__dirname, "../..");
let eslint: ESLint;

beforeAll(async () => {
  eslint = new ESLint({ cwd: ROOT });
  // Loading the configuration, its plugins and the TypeScript resolver takes seconds on a busy machine: once, here.
  await eslint.lintText("export {};", { filePath: path.join(ROOT, "app/warm-up.ts") });
}, 60_000);

/** The boundary rules' messages for `code` as if it were the file `file`. */
async function boundaryErrors(file: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: path.join(ROOT, file) });
  const rules = new Set(["import/no-restricted-paths", "@typescript-eslint/no-restricted-imports", "no-restricted-syntax"]);
  return result.messages.filter((m) => m.ruleId && rules.has(m.ruleId)).map((m) => `${m.ruleId}: ${m.message}`);
}

const PAGE = "app/(app)/(portal)/parent/sneaky/page.tsx";

describe("pages and components cannot reach the database", () => {
  it.each([
    ["a relative path", "app/sneaky/page.tsx", `import { db } from "../../lib/db/client";\nexport const x = db;`],
    ["a deeper relative path", PAGE, `import { sqlRows } from "../../../../../lib/db/client";\nexport const x = sqlRows;`],
    ["the alias", PAGE, `import { db } from "@/lib/db/client";\nexport const x = db;`],
    ["a type-only import", "components/parent/sneaky.tsx", `import type { Db } from "../../lib/db/client";\nexport type X = Db;`],
    ["Prisma's client", PAGE, `import { PrismaClient } from "../../../../../lib/generated/prisma/client";\nexport const x = PrismaClient;`],
    ["Prisma's models", "components/x.tsx", `import type { PupilModel } from "@/lib/generated/prisma/models";\nexport type X = PupilModel;`],
  ])("refuses %s", async (_, file, code) => {
    expect(await boundaryErrors(file, code)).toContainEqual(expect.stringMatching(/^import\/no-restricted-paths: .*imported in restricted zone\. Pages and components read data through lib\/domain/));
  });

  it("allows Prisma's enums as types, not as values", async () => {
    expect(await boundaryErrors(PAGE, `import type { Role } from "@/lib/generated/prisma/enums";\nexport type X = Role;`)).toEqual([]);
    expect(await boundaryErrors(PAGE, `import { Role } from "../../../../../lib/generated/prisma/enums";\nexport const x = Role;`)).toEqual([
      expect.stringMatching(/^@typescript-eslint\/no-restricted-imports: .*lib\/generated\/prisma\/enums' import is restricted/),
    ]);
  });

  it("lets pages use lib/domain and the auth guard", async () => {
    const code = `import { requirePermission } from "@/lib/auth/guard";\nimport { getChildDetail } from "../../../../../lib/domain/pupils/queries";\nexport const x = [requirePermission, getChildDetail];`;
    expect(await boundaryErrors(PAGE, code)).toEqual([]);
  });
});

describe("only the authorization layer makes an Actor", () => {
  const load = `import { loadActor } from "@/lib/auth/actor";\nexport const x = loadActor;`;
  it.each([PAGE, "components/parent/x.tsx", "lib/domain/pupils/sneaky.ts", "lib/notifications/x.ts", "proxy.ts"])("%s may not import lib/auth/actor.ts", async (file) => {
    expect(await boundaryErrors(file, load)).toEqual([expect.stringMatching(/^import\/no-restricted-paths/)]);
    const relative = path.posix.relative(path.posix.dirname(file), "lib/auth/actor");
    const specifier = relative.startsWith(".") ? relative : `./${relative}`;
    expect(await boundaryErrors(file, `import { loadActor } from "${specifier}";\nexport const x = loadActor;`)).toEqual([expect.stringMatching(/^import\/no-restricted-paths/)]);
  });

  it.each(["lib/auth/session.ts", "tests/factories/x.ts", "tests/integration/x.test.ts", "scripts/bench/x.ts"])("%s may", async (file) => {
    expect(await boundaryErrors(file, load)).toEqual([]);
  });

  it.each([
    ["as", "lib/domain/pupils/sneaky.ts", `import type { Actor } from "@/lib/auth/types";\nexport const a = { userId: "u" } as unknown as Actor;`],
    ["an angle-bracket assertion", "lib/domain/pupils/sneaky.ts", `import type { Actor } from "@/lib/auth/types";\nexport const a = <Actor>(<unknown>{ userId: "u" });`],
    ["as, in a page", PAGE, `import type { Actor } from "@/lib/auth/types";\nexport const a = JSON.parse("{}") as Actor;`],
    ["as, in a test", "tests/integration/x.test.ts", `import type { Actor } from "@/lib/auth/types";\nexport const a = {} as Actor;`],
  ])("no cast makes one (%s)", async (_, file, code) => {
    expect(await boundaryErrors(file, code)).toEqual([expect.stringMatching(/^no-restricted-syntax: Do not cast to Actor/)]);
  });
});
