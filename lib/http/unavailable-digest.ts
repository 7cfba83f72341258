// The digest an error carries when it means "the database is away": kept by
// Next on the error, read by the error pages in the browser. A module of its
// own, without imports, because the error boundary is a client component and
// lib/http/database-away.ts is server code (it logs through lib/log.cjs).

/** The digest an error carries when it means "the database is away" (kept by Next, read by the error pages). */
export const UNAVAILABLE_DIGEST = "SCHOOLKOMPAS_DATABASE_UNAVAILABLE";
