import { getFormatter, getTranslations } from "next-intl/server";
import type { ClassAcknowledgement } from "@/lib/domain/agreement/queries";

/** Answers to the newest agreement per class: counts only, from one SQL aggregate. */
export async function ClassAcknowledgements({ number, rows }: { number: number | null; rows: ClassAcknowledgement[] }) {
  const [t, format] = await Promise.all([getTranslations("agreement"), getFormatter()]);
  if (number === null) return <p className="mt-6 rounded-lg bg-white p-4">{t("perClassNone")}</p>;
  const n = (value: number) => format.number(value, "integer");
  const cell = "px-3 py-2 text-end tabular-nums";
  return (
    <section aria-labelledby="per-class-heading" className="mt-6">
      <h2 id="per-class-heading" className="text-xl font-semibold">{t("perClassTitle", { number: String(number) })}</h2>
      <p className="max-w-prose text-sm text-slate-700">{t("perClassIntro")}</p>
      <div role="region" aria-labelledby="per-class-heading" tabIndex={0} className="mt-2 overflow-x-auto rounded-xl border border-slate-200 bg-white">
        <table className="w-full border-collapse text-sm" data-testid="agreement-per-class">
          <thead>
            <tr className="border-b border-slate-300 text-slate-600">
              <th scope="col" className="px-3 py-2 text-start font-medium">{t("colClass")}</th>
              <th scope="col" className="px-3 py-2 text-end font-medium">{t("colFamilies")}</th>
              <th scope="col" className="px-3 py-2 text-end font-medium">{t("colAgreed")}</th>
              <th scope="col" className="px-3 py-2 text-end font-medium">{t("colQuestion")}</th>
              <th scope="col" className="px-3 py-2 text-end font-medium">{t("colNotYet")}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.classId} className="border-b border-slate-100">
                <th scope="row" className="px-3 py-2 text-start font-medium"><bdi dir="ltr">{r.className}</bdi></th>
                <td className={cell}>{n(r.families)}</td>
                <td className={cell}>{n(r.agreed)}</td>
                <td className={cell}>{n(r.questions)}</td>
                <td className={`${cell} ${r.notYet ? "font-semibold text-warn-700" : ""}`}>{n(r.notYet)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
