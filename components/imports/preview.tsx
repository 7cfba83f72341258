import { getTranslations } from "next-intl/server";
import { ENTITIES, type Summary } from "@/lib/domain/imports/check/types";

/** What an import creates, changes, leaves alone and marks as left, per kind of record, with examples. */
export async function Preview({ summary }: { summary: Summary }) {
  const [t, tEntity, tField] = await Promise.all([getTranslations("imports"), getTranslations("importEntities"), getTranslations("importFields")]);
  const entities = ENTITIES.filter((e) => summary.counts[e]);
  if (entities.length === 0) return <p>{t("noChanges")}</p>;
  const nothing = entities.every((e) => !summary.counts[e]!.created && !summary.counts[e]!.changed && !summary.counts[e]!.removed);
  return (
    <div className="space-y-4">
      <p className="text-sm text-slate-700">{t("previewRows", { count: summary.rows })}</p>
      {nothing ? <p className="font-medium">{t("noChanges")}</p> : null}
      {/* Below sm a list per kind of record (five columns do not fit 320 px), a table above. */}
      <ul className="space-y-2 text-sm sm:hidden">
        {entities.map((e) => {
          const c = summary.counts[e]!;
          return (
            <li key={e} className="rounded-lg border border-slate-200 bg-white p-2">
              <p className="font-medium">{tEntity(e)}</p>
              <p>{t("created")}: {String(c.created)} · {t("changed")}: {String(c.changed)} · {t("unchanged")}: {String(c.unchanged)} · {t("removed")}: {String(c.removed)}</p>
            </li>
          );
        })}
      </ul>
      <div className="hidden sm:block">
        <table className="w-full min-w-0 border-collapse text-sm">
          <thead>
            <tr className="border-b border-slate-300 text-start">
              <th scope="col" className="py-2 pe-2 text-start">{t("colEntity")}</th>
              <th scope="col" className="px-1 py-2 text-end">{t("created")}</th>
              <th scope="col" className="px-1 py-2 text-end">{t("changed")}</th>
              <th scope="col" className="px-1 py-2 text-end">{t("unchanged")}</th>
              <th scope="col" className="ps-1 py-2 text-end">{t("removed")}</th>
            </tr>
          </thead>
          <tbody>
            {entities.map((e) => {
              const c = summary.counts[e]!;
              return (
                <tr key={e} className="border-b border-slate-200">
                  <th scope="row" className="py-2 pe-2 text-start font-medium">{tEntity(e)}</th>
                  <td className="px-1 py-2 text-end tabular-nums">{String(c.created)}</td>
                  <td className="px-1 py-2 text-end tabular-nums">{String(c.changed)}</td>
                  <td className="px-1 py-2 text-end tabular-nums">{String(c.unchanged)}</td>
                  <td className="ps-1 py-2 text-end tabular-nums">{String(c.removed)}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      {entities.filter((e) => summary.examples[e]?.length).map((e) => (
        <details key={e} className="rounded-lg border border-slate-200 bg-white p-3">
          <summary className="cursor-pointer font-medium">{t("examplesTitle", { entity: tEntity(e) })}</summary>
          <ul className="mt-2 space-y-1 text-sm">
            {summary.examples[e]!.map((x, i) => (
              <li key={i} className="break-words">
                <span dir="auto">{x.label}</span>{" – "}
                {x.action === "created" ? t("exampleCreated") : x.action === "removed" ? t("exampleRemoved") : t("exampleChanged", { fields: (x.fields ?? []).map((f) => tField(f)).join(", ") })}
              </li>
            ))}
          </ul>
        </details>
      ))}
    </div>
  );
}
