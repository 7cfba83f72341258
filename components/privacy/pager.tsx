import Link from "next/link";
import { getTranslations } from "next-intl/server";

/** Older / newer pages (keyset cursors) and the way back to the newest, keeping the filter in the address. */
export async function Pager({ base, query, older, newer }: { base: string; query: URLSearchParams; older: string | null; newer: string | null }) {
  if (!older && !newer) return null;
  const t = await getTranslations("privacy");
  const href = (key: "older" | "newer" | null, cursor?: string) => {
    const q = new URLSearchParams(query);
    q.delete("older");
    q.delete("newer");
    if (key && cursor) q.set(key, cursor);
    const s = q.toString();
    return s ? `${base}?${s}` : base;
  };
  const link = "inline-flex min-h-11 items-center rounded-lg border border-brand-600 px-4 font-medium text-brand-700 hover:bg-brand-50";
  return (
    <nav aria-label={t("pagesLabel")} className="mt-4 flex flex-wrap gap-3">
      {newer ? <Link href={href(null)} className={link}>{t("newest")}</Link> : null}
      {newer ? <Link href={href("newer", newer)} className={link} rel="prev">{t("newer")}</Link> : null}
      {older ? <Link href={href("older", older)} className={link} rel="next">{t("older")}</Link> : null}
    </nav>
  );
}
