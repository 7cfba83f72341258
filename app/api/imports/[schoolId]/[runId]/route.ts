import { getActor } from "@/lib/auth/session";
import { getImportProgress } from "@/lib/domain/imports/queries";
import { isNotFound, jsonNoStore, notFoundResponse } from "@/lib/http/responses";

export const dynamic = "force-dynamic";

/** An import's status and progress for the page's progress bar (polled every few seconds). */
export async function GET(_: Request, { params }: { params: Promise<{ schoolId: string; runId: string }> }) {
  const { schoolId, runId } = await params;
  const actor = await getActor();
  if (!actor) return notFoundResponse();
  try {
    return jsonNoStore(await getImportProgress(actor, schoolId, runId));
  } catch (error) {
    if (isNotFound(error)) return notFoundResponse();
    throw error;
  }
}
