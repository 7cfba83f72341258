import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { requirePermission } from "@/lib/auth/guard";
import { listClassPupils, listRegistrationClasses } from "@/lib/domain/attendance/queries";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("absence"))("pupilsTitle"), robots: { index: false } };
}

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

/** The attendance officer picks a class of their school, then a pupil. */
export default async function AttendancePupilsPage({ searchParams }: Props) {
  const actor = await requirePermission("absence:record", "/attendance/pupils", { route: "/attendance/pupils", category: "profile" });
  const params = await searchParams;
  const chosen = typeof params.class === "string" && params.class.length <= 64 ? params.class : "";
  // One query each, in parallel; the pupils query is scoped, so another school's class gives nothing.
  const [t, classes, pupils] = await Promise.all([
    getTranslations("absence"), listRegistrationClasses(actor), chosen ? listClassPupils(actor, chosen) : Promise.resolve([]),
  ]);
  const current = classes.find((c) => c.id === chosen);
  return (
    <>
      <h1 className="text-2xl font-semibold">{t("pupilsTitle")}</h1>
      <p className="mt-1 max-w-prose text-slate-700">{t("pupilsIntro")}</p>
      {classes.length ? (
        <form method="get" className="mt-4 flex flex-wrap items-end gap-2">
          <div>
            <label htmlFor="class" className="block font-medium">{t("classLabel")}</label>
            <select id="class" name="class" defaultValue={current?.id ?? ""} className="mt-1 block min-h-11 rounded-lg border border-slate-400 bg-white px-2">
              <option value="" disabled>{t("chooseClass")}</option>
              {classes.map((c) => (
                <option key={c.id} value={c.id}>{c.name}</option>
              ))}
            </select>
          </div>
          <button type="submit" className="min-h-11 rounded-lg border border-slate-400 bg-white px-4">{t("showClass")}</button>
        </form>
      ) : (
        <p className="mt-4">{t("noClasses")}</p>
      )}
      {current ? (
        <section aria-labelledby="pupils-heading" className="mt-6">
          <h2 id="pupils-heading" className="mb-2 text-lg font-semibold">{t("pupilsOf", { className: current.name })}</h2>
          {pupils.length ? (
            <ul className="divide-y divide-slate-100 rounded-xl border border-slate-200 bg-white px-3">
              {pupils.map((p) => (
                <li key={p.id}>
                  <Link href={`/attendance/pupils/${p.id}`} className="flex min-h-11 items-center font-medium text-brand-700 underline">
                    {p.firstName} {p.lastName}
                  </Link>
                </li>
              ))}
            </ul>
          ) : (
            <p>{t("noPupils")}</p>
          )}
        </section>
      ) : null}
    </>
  );
}
