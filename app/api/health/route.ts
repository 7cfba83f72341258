import { databaseIsUp } from "@/lib/domain/health/queries";
import { RETRY_AFTER_SECONDS } from "@/lib/http/database-away";

export const dynamic = "force-dynamic";

/** 200 while the app can answer (the database is there), 503 with Retry-After while it is away (issue 21). */
export async function GET() {
  const up = await databaseIsUp();
  const headers: Record<string, string> = { "Cache-Control": "no-store" };
  if (!up) headers["Retry-After"] = String(RETRY_AFTER_SECONDS);
  return Response.json({ status: up ? "ok" : "unavailable" }, { status: up ? 200 : 503, headers });
}
