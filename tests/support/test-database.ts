// Where integration tests get PostgreSQL: TEST_DATABASE_URL (a local server's
// admin URL), or an embedded server started for the run.
export const TEMPLATE_DATABASE = "schoolkompas_template";

export function assertLocal(url: string): void {
  const host = new URL(url).hostname;
  if (!["localhost", "127.0.0.1", "::1", "[::1]"].includes(host)) {
    throw new Error("Tests refuse to run against a non-local database.");
  }
}

export function withDatabase(url: string, database: string): string {
  const u = new URL(url);
  u.pathname = `/${database}`;
  return u.toString();
}
