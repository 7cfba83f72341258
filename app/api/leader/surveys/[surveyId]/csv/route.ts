import { getLocale, getTranslations } from "next-intl/server";
import { getActor } from "@/lib/auth/session";
import { can } from "@/lib/auth/permissions";
import { writeAudit } from "@/lib/auth/audit";
import { isNotFound } from "@/lib/http/responses";
import { surveyForLeader, surveyResults } from "@/lib/domain/surveys/queries";
import { csvStart } from "@/lib/domain/privacy/csv";
import { answerLabel, answerValues, questionText } from "@/components/surveys/question-words";

export const dynamic = "force-dynamic";

// The aggregated figures of one survey as a CSV file (never a response): per
// class invited and answered, then per group (all classes, each class with at
// least five respondents) and question the count per answer. The leader's own
// school only; anyone else: 404 and an audit row. No cookie is set here.
const PRIVATE = { "Cache-Control": "private, no-store" };
const ROUTE = "/api/leader/surveys/[surveyId]/csv";

type Props = { params: Promise<{ surveyId: string }> };

export async function GET(_request: Request, { params }: Props) {
  const actor = await getActor();
  if (!actor) return notFound();
  const { surveyId } = await params;
  if (!can(actor, "surveys:manage")) {
    await writeAudit(actor, "survey:export", "DENIED", surveyId.slice(0, 64), { reason: "role" }, { category: "surveys", route: ROUTE });
    return notFound();
  }
  let survey: Awaited<ReturnType<typeof surveyForLeader>>;
  try {
    survey = await surveyForLeader(actor, surveyId, "survey:export");
  } catch (error) {
    if (isNotFound(error)) return notFound();
    throw error;
  }
  const [t, locale, whole, ...perClass] = await Promise.all([
    getTranslations("surveys"), getLocale(), surveyResults(actor, survey.id, null), ...survey.classes.map((c) => surveyResults(actor, survey.id, c.id)),
  ]);
  const tt = t as unknown as (key: string) => string;
  const rows: string[][] = [[t("csvCol.class"), t("csvCol.invited"), t("csvCol.responded")]];
  for (const r of whole.rates) rows.push([r.name, String(r.invited), String(r.responded)]);
  rows.push([]);
  rows.push([t("csvCol.group"), t("csvCol.question"), t("csvCol.answer"), t("csvCol.count"), t("csvCol.share")]);
  const groups = [{ name: t("csvCol.all"), results: whole }, ...survey.classes.map((c, i) => ({ name: c.name, results: perClass[i] }))];
  for (const group of groups) {
    if (group.results.tooFew) {
      rows.push([group.name, "", t("csvCol.tooFew"), "", ""]);
      continue;
    }
    const counts = new Map(group.results.distribution.map((d) => [`${d.questionId}:${d.value}`, d.count]));
    for (const q of survey.questions.filter((x) => x.kind !== "OPEN")) {
      const answered = group.results.answeredPerQuestion[q.id] ?? 0;
      for (const value of answerValues(q)) {
        const count = counts.get(`${q.id}:${value}`) ?? 0;
        rows.push([group.name, questionText(q, locale, tt).text, answerLabel(q, value, tt).text, String(count), answered ? ((count / answered) * 100).toFixed(1).replace(".", ",") : ""]);
      }
    }
  }
  await writeAudit(actor, "survey:export", "ALLOWED", survey.id, undefined, { category: "surveys", route: ROUTE });
  return new Response(csvStart(rows[0], rows.slice(1)), {
    headers: { ...PRIVATE, "Content-Type": "text/csv; charset=utf-8", "Content-Disposition": `attachment; filename="vragenlijst-${survey.id}.csv"` },
  });
}

function notFound(): Response {
  return new Response("Not found", { status: 404, headers: { ...PRIVATE, "Content-Type": "text/plain; charset=utf-8" } });
}
