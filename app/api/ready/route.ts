import { readiness } from "@/lib/domain/health/queries";
import { RETRY_AFTER_SECONDS } from "@/lib/http/database-away";

export const dynamic = "force-dynamic";

/**
 * Readiness (for a load balancer or orchestrator): 200 when the database
 * answers, no migration is running, this build's migrations are applied and
 * the process is not draining after SIGTERM; else 503 with Retry-After.
 * No cookie, never cached. Liveness of the process alone is not asked here.
 */
export async function GET() {
  const state = await readiness();
  const ready = state.database && !state.draining && (state.migrations === "applied" || state.migrations === "unknown");
  const headers: Record<string, string> = { "Cache-Control": "no-store" };
  if (!ready) headers["Retry-After"] = String(RETRY_AFTER_SECONDS);
  return Response.json({ status: ready ? "ready" : "unavailable", ...state }, { status: ready ? 200 : 503, headers });
}
