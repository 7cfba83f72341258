import type { Metadata } from "next";
import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { requirePermission } from "@/lib/auth/guard";
import { announcementsForGuardian } from "@/lib/domain/announcements/queries";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("announcementList"))("metaTitle"), robots: { index: false } };
}

/** Announcements to the classes of the guardian's children (the school's own text, in Dutch). */
export default async function ParentAnnouncements() {
  const actor = await requirePermission("parent:view", "/parent/announcements", { route: "/parent/announcements", category: "announcements" });
  const [t, format, rows] = await Promise.all([getTranslations("announcementList"), getFormatter(), announcementsForGuardian(actor)]);
  return (
    <>
      <Link href="/parent" className="inline-flex min-h-11 items-center text-brand-700 underline">
        <span aria-hidden="true" className="me-1 inline-block rtl:rotate-180">←</span>
        {t("back")}
      </Link>
      <h1 className="mt-2 text-2xl font-semibold">{t("title")}</h1>
      <p className="mt-1 max-w-prose text-slate-700">{t("intro")}</p>
      {rows.length ? (
        <ul className="mt-4 max-w-2xl space-y-4">
          {rows.map((a) => (
            <li key={a.id}>
              <article aria-labelledby={`a-${a.id}`} className="rounded-2xl border border-slate-200 bg-white p-4 sm:p-6">
                <h2 id={`a-${a.id}`} lang="nl" dir="auto" className="text-lg font-semibold">{a.subject}</h2>
                <p className="text-sm text-slate-600">
                  {t("from", { name: a.author.name, date: format.dateTime(a.createdAt, "sent"), classes: a.classes.map((c) => c.classGroup.name).join(", ") })}
                </p>
                <p lang="nl" dir="auto" className="mt-3 whitespace-pre-wrap break-words">{a.body}</p>
              </article>
            </li>
          ))}
        </ul>
      ) : (
        <p className="mt-4">{t("none")}</p>
      )}
    </>
  );
}
