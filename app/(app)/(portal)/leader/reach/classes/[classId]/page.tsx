import type { Metadata } from "next";
import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { requirePermission } from "@/lib/auth/guard";
import { reachClass } from "@/lib/domain/reach/queries";
import { share } from "@/lib/domain/reach/filter";
import { percentOf } from "@/components/reach/reach-table";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("reach"))("title"), robots: { index: false } };
}

type Props = { params: Promise<{ classId: string }> };

const ROUTE = "/leader/reach/classes/[classId]" as const;
const th = "px-3 py-2 text-start font-medium";
const td = "px-3 py-2 align-top";

/**
 * One class of the leader's school: its reach figures and, by name, the
 * families not reached within the threshold. Every family shown writes one
 * audit row (lib/domain/reach/queries.ts); another school's class is a 404.
 */
export default async function ReachClassPage({ params }: Props) {
  const { classId } = await params;
  const actor = await requirePermission("leader:view", `/leader/reach/classes/${classId}`, { route: ROUTE, category: "contacts" });
  const data = await reachClass(actor, classId, new Date());
  const [t, tLanguages, format, percent] = await Promise.all([getTranslations("reach"), getTranslations("languages"), getFormatter(), percentOf()]);
  const integer = (n: number) => format.number(n, "integer");
  const c = data.class;
  const weeks = data.thresholdWeeks;
  const figures: [string, string][] = [
    [t("summary.families"), integer(c.families)],
    [t("summary.reached", { weeks }), percent(share(c.reached, c.families))],
    [t("summary.positive"), percent(share(c.positive, c.moments))],
    [t("summary.never"), integer(c.never)],
    [t("summary.onlyProblems"), integer(c.onlyProblems)],
  ];
  return (
    <>
      <Link href="/leader#reach-tables" className="inline-flex min-h-11 items-center text-brand-700 underline">
        <span aria-hidden="true" className="me-1 inline-block rtl:rotate-180">←</span>
        {t("class.back")}
      </Link>
      <h1 className="mt-2 text-2xl font-semibold">{t("class.title", { name: c.name })}</h1>
      <p className="mt-2 max-w-prose text-slate-700">{t("class.intro", { weeks })}</p>
      <dl className="mt-4 grid grid-cols-1 gap-3 min-[420px]:grid-cols-2 lg:grid-cols-5">
        {figures.map(([label, value]) => (
          <div key={label} className="rounded-2xl border border-slate-200 bg-white p-4">
            <dt className="text-sm text-slate-700">{label}</dt>
            <dd className="mt-1 text-2xl font-semibold">{value}</dd>
          </div>
        ))}
      </dl>
      <h2 className="mt-8 text-xl font-semibold">{t("class.listTitle")}</h2>
      {data.families.length === 0 ? <p className="mt-2">{t("class.none")}</p> : (
        <div role="region" aria-labelledby="reach-class-caption" tabIndex={0} className="mt-3 overflow-x-auto rounded-xl border border-slate-200 bg-white">
          <table className="w-full min-w-[36rem] border-collapse text-sm">
            <caption id="reach-class-caption" className="sr-only">{t("class.listTitle")}</caption>
            <thead>
              <tr className="border-b border-slate-300 text-slate-600">
                <th scope="col" className={th}>{t("class.pupils")}</th><th scope="col" className={th}>{t("class.lastContact")}</th>
                <th scope="col" className={th}>{t("class.guardians")}</th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-200">
              {data.families.map((f) => (
                <tr key={f.family} data-testid="reach-family">
                  <th scope="row" className={`${td} text-start font-medium`}>
                    {f.pupils.map((p) => <span key={p.id} dir="auto" className="block">{`${p.firstName} ${p.lastName}`}</span>)}
                  </th>
                  <td className={td}>{f.last ? format.dateTime(f.last, "dayMonth") : t("class.never")}</td>
                  <td className={td}>
                    {/* Per guardian: the name, then language, alert channel and portal use on one line. */}
                    <ul className="space-y-1">
                      {f.guardians.map((g, i) => (
                        <li key={i}>
                          <span dir="auto" className="block font-medium">{g.name}</span>
                          <span className="block text-slate-700">
                            {t("class.facts", { language: tLanguages(g.locale), channel: t(`missed.channels.${g.channel}`), portal: t(`missed.portalKinds.${g.portal}`) })}
                          </span>
                        </li>
                      ))}
                    </ul>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </>
  );
}
