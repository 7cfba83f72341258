import Link from "next/link";
import { useTranslations } from "next-intl";
import { SCHOOL_TABS } from "@/components/admin/school-nav";

type School = { id: string; name: string; brin: string; locationCode: string; city: string; kind: string; pupils: number; staff: number };

/** One school on the board's overview, with links to its administration pages. */
export function SchoolCard({ school }: { school: School }) {
  const t = useTranslations("adminHome");
  const tNav = useTranslations("schoolNav");
  const tKinds = useTranslations("schoolAdmin.kinds");
  const base = `/admin/schools/${encodeURIComponent(school.id)}`;
  return (
    <li className="rounded-xl border border-slate-200 bg-white p-4">
      <h3 className="text-lg font-semibold">{school.name}</h3>
      <dl className="mt-2 grid grid-cols-[auto_1fr] gap-x-3 gap-y-1 text-sm">
        <dt className="text-slate-600">{t("brin")}</dt>
        <dd dir="ltr" className="text-start">{`${school.brin} ${school.locationCode}`}</dd>
        <dt className="text-slate-600">{t("place")}</dt>
        <dd>{`${school.city} · ${tKinds(school.kind)}`}</dd>
        <dt className="text-slate-600">{t("pupils")}</dt>
        <dd>{t("pupilCount", { count: school.pupils })}</dd>
        <dt className="text-slate-600">{t("staff")}</dt>
        <dd>{t("staffCount", { count: school.staff })}</dd>
      </dl>
      <ul className="mt-3 flex flex-wrap gap-x-4 gap-y-1" aria-label={t("schoolLinks", { school: school.name })}>
        {SCHOOL_TABS.map((tab) => (
          <li key={tab}>
            <Link href={tab === "details" ? base : `${base}/${tab}`} className="inline-flex min-h-11 items-center text-brand-700 underline">
              {tNav(tab)}
            </Link>
          </li>
        ))}
      </ul>
    </li>
  );
}
