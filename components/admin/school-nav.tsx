import Link from "next/link";
import { useTranslations } from "next-intl";

export const SCHOOL_TABS = ["details", "calendar", "staff", "imports", "invitations", "retention"] as const;
export type SchoolTab = (typeof SCHOOL_TABS)[number];

const path = (schoolId: string, tab: SchoolTab) => `/admin/schools/${encodeURIComponent(schoolId)}${tab === "details" ? "" : `/${tab}`}`;

/**
 * The tabs of one school's administration pages. Plain links (no JavaScript);
 * on a narrow screen they wrap instead of scrolling sideways.
 */
export function SchoolNav({ schoolId, current }: { schoolId: string; current: SchoolTab }) {
  const t = useTranslations("schoolNav");
  return (
    <nav aria-label={t("label")} className="mt-4 border-b border-slate-200">
      <ul className="flex flex-wrap gap-x-1 gap-y-1">
        {SCHOOL_TABS.map((tab) => (
          <li key={tab}>
            <Link
              href={path(schoolId, tab)}
              aria-current={tab === current ? "page" : undefined}
              className={`inline-flex min-h-11 items-center rounded-t-lg px-3 font-medium ${
                tab === current ? "border-b-4 border-brand-600 text-brand-900" : "text-brand-700 underline-offset-4 hover:underline"
              }`}
            >
              {t(tab)}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}

/** The page header of a school's administration page: back to the board, the school's name, the tabs. */
export function SchoolHeader({ schoolId, name, current, title }: { schoolId: string; name: string; current: SchoolTab; title: string }) {
  const t = useTranslations("schoolNav");
  return (
    <header>
      <Link href="/admin" className="text-brand-700 underline">{t("back")}</Link>
      <p className="mt-3 text-slate-700">{name}</p>
      <h1 className="text-2xl font-semibold">{title}</h1>
      <SchoolNav schoolId={schoolId} current={current} />
    </header>
  );
}
