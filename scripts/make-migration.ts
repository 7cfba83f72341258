import { startEmbeddedPostgres, prismaCli } from "./postgres";
(async () => {
  const db = await startEmbeddedPostgres({ dir: ".data/pg-scratch", port: 54350, database: "scratch", fresh: true });
  try { await prismaCli(["migrate", "dev", "--name", process.argv[2] ?? "init", "--skip-generate", "--skip-seed"], db.url); }
  finally { await db.stop(); }
})();
