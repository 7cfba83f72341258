import { getActor } from "@/lib/auth/session";
import { can } from "@/lib/auth/permissions";
import { writeAudit } from "@/lib/auth/audit";
import { getPersonalData } from "@/lib/domain/data-access/queries";

export const dynamic = "force-dynamic";

// The right of access as a file: everything the school holds about the signed-in
// guardian (and the children they may see) or pupil, as JSON. Never cached.
const PRIVATE = { "Cache-Control": "private, no-store" };

export async function GET() {
  const actor = await getActor();
  if (!actor) return new Response(null, { status: 404, headers: PRIVATE });
  if (!can(actor, "data:access")) {
    await writeAudit(actor, "data:export", "DENIED", null, undefined, { category: "personalData", route: "/api/account/data" });
    return new Response(null, { status: 404, headers: PRIVATE });
  }
  const data = await getPersonalData(actor, undefined, "/api/account/data");
  const day = data.exportedAt.slice(0, 10);
  return new Response(JSON.stringify(data, null, 2), {
    headers: {
      ...PRIVATE,
      "Content-Type": "application/json; charset=utf-8",
      "Content-Disposition": `attachment; filename="schoolkompas-gegevens-${day}.json"`,
    },
  });
}
