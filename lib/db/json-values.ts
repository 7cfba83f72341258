// Values as PostgreSQL's json functions write them, read back the way Prisma
// gives them. For the hand-written statements (lib/db/client.ts `sqlRows`).

/** Calendar days (@db.Date) arrive as "YYYY-MM-DD": UTC midnight, as Prisma gives them. */
export const day = (value: string) => new Date(`${value}T00:00:00.000Z`);
export const dayOrNull = (value: string | null) => (value === null ? null : day(value));
/** Timestamps are stored in UTC without a zone (Prisma's TIMESTAMP(3)) and arrive without one. */
export const instant = (value: string) => new Date(`${value}Z`);
export const instantOrNull = (value: string | null) => (value === null ? null : instant(value));
/** Query parameters for calendar days. */
export const isoDay = (date: Date) => date.toISOString().slice(0, 10);
