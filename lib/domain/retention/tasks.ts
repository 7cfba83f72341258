import type { Task } from "graphile-worker";
import { unsafeApplyRetention } from "@/lib/domain/retention/jobs";

// Registered in scripts/worker.ts: every night at 03:15, and again when a
// worker that was down catches up (graphile-worker's crontab backfill).
export const RETENTION_TASKS: Record<string, Task> = {
  "apply-retention": async () => void (await unsafeApplyRetention()),
};
export const RETENTION_CRONTAB = "15 3 * * * apply-retention ?fill=1d";
