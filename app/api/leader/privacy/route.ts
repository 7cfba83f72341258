import { getTranslations } from "next-intl/server";
import { getActor } from "@/lib/auth/session";
import { exportSchoolAccess, EXPORT_CAP } from "@/lib/domain/privacy/queries";
import { parseAccessFilter } from "@/lib/domain/privacy/filter";
import { csvRows, csvStart } from "@/lib/domain/privacy/csv";
import { csvTime, rowWords } from "@/lib/domain/privacy/words";
import { dutchToday } from "@/lib/domain/calendar/dates";
import { isNotFound } from "@/lib/http/responses";
import type { AccessRow } from "@/lib/domain/privacy/sql";

export const dynamic = "force-dynamic";

// The privacy view's rows as a CSV file for Excel (decision 0024): the same
// filters as the page, the leader's own school, streamed in batches while it
// is read; at most EXPORT_CAP rows. Anyone else: 404 and an audit row.
const PRIVATE = { "Cache-Control": "private, no-store" };

export async function GET(request: Request) {
  const actor = await getActor();
  // Not signed in: nobody to name, nothing to record (as /api/account/data).
  if (!actor) return notFound();
  const url = new URL(request.url);
  // Invalid filter values are left out, as on the page (whose link only carries valid ones).
  const { filter } = parseAccessFilter((key) => url.searchParams.get(key) ?? undefined);
  let result: Awaited<ReturnType<typeof exportSchoolAccess>>;
  try {
    result = await exportSchoolAccess(actor, filter);
  } catch (error) {
    if (isNotFound(error)) return notFound();
    throw error;
  }
  const [t, tRoles] = await Promise.all([getTranslations("privacy"), getTranslations("roles")]);
  if (result.capped) {
    return new Response(t("tooManyFile", { cap: EXPORT_CAP }), { status: 422, headers: { ...PRIVATE, "Content-Type": "text/plain; charset=utf-8" } });
  }
  const header = [t("col.when"), t("col.person"), t("col.role"), t("col.pupil"), t("col.pupilNumber"), t("col.className"), t("col.action"), t("col.category"), t("col.route"), t("col.outcome"), t("col.askedId")];
  const cells = (row: AccessRow) => {
    const w = rowWords(row, t, tRoles);
    return [csvTime(row.at), w.person, w.role, w.pupil, w.pupilNumber, w.className, w.action, w.category, w.route, w.outcome, w.askedId];
  };
  const batches = result.batches();
  const encoder = new TextEncoder();
  let started = false;
  const body = new ReadableStream<Uint8Array>({
    async pull(controller) {
      const next = await batches.next();
      if (next.done) {
        if (!started) controller.enqueue(encoder.encode(csvStart(header, [])));
        controller.close();
        return;
      }
      const rows = next.value.map(cells);
      controller.enqueue(encoder.encode(started ? csvRows(rows) : csvStart(header, rows)));
      started = true;
    },
    async cancel() {
      await batches.return(undefined);
    },
  });
  const day = dutchToday().toISOString().slice(0, 10);
  return new Response(body, {
    headers: { ...PRIVATE, "Content-Type": "text/csv; charset=utf-8", "Content-Disposition": `attachment; filename="wie-keek-er-mee-${day}.csv"` },
  });
}

function notFound(): Response {
  return new Response("Not found", { status: 404, headers: { ...PRIVATE, "Content-Type": "text/plain; charset=utf-8" } });
}
