import "server-only";
import { db } from "@/lib/db/client";

/** True when PostgreSQL answers within two seconds. */
export async function databaseIsUp(): Promise<boolean> {
  const timeout = new Promise<false>((resolve) => setTimeout(() => resolve(false), 2000).unref());
  const ping = db.$queryRaw`SELECT 1`.then(() => true as const).catch(() => false as const);
  return Promise.race([ping, timeout]);
}
