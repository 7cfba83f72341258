import { getTranslations } from "next-intl/server";
import { getActor } from "@/lib/auth/session";
import { getImportErrors } from "@/lib/domain/imports/queries";
import { toCsv } from "@/lib/domain/imports/csv-export";
import { issueParams } from "@/lib/domain/imports/issue-text";
import { isNotFound, notFoundResponse } from "@/lib/http/responses";

export const dynamic = "force-dynamic";

/** The errors and warnings of an import as a CSV for Excel, in the administrator's language. */
export async function GET(_: Request, { params }: { params: Promise<{ schoolId: string; runId: string }> }) {
  const { schoolId, runId } = await params;
  const actor = await getActor();
  if (!actor) return notFoundResponse();
  let data: Awaited<ReturnType<typeof getImportErrors>>;
  try {
    data = await getImportErrors(actor, schoolId, runId);
  } catch (error) {
    if (isNotFound(error)) return notFoundResponse();
    throw error;
  }
  const [t, tIssue, tField, tKind] = await Promise.all([getTranslations("imports"), getTranslations("importErrors"), getTranslations("importFields"), getTranslations("importKinds")]);
  const rows = [
    [t("csvFile"), t("csvLine"), t("csvKind"), t("csvMessage")],
    ...data.errors.map((e) => [data.fileName(e.file), e.line || "", t("csvError"), tIssue(e.code, issueParams(e, tField, tKind))]),
    ...data.warnings.map((e) => [data.fileName(e.file), e.line || "", t("csvWarning"), tIssue(e.code, issueParams(e, tField, tKind))]),
  ];
  return new Response(toCsv(rows), {
    headers: { "Content-Type": "text/csv; charset=utf-8", "Content-Disposition": `attachment; filename="import-${runId.slice(0, 12)}-fouten.csv"`, "Cache-Control": "no-store" },
  });
}
