import Link from "next/link";
import { getLocale } from "next-intl/server";
import { fastTranslations } from "@/lib/i18n/fast-messages";
import { dateFormat } from "@/lib/i18n/fast-format";
import type { AskableChild } from "@/lib/domain/pupils/queries";

/**
 * The children a guardian without parental authority may ask the school
 * about (art. 1:377c BW), with where their last request stands.
 */
export async function AskInformation({ pupils }: { pupils: AskableChild[] }) {
  if (pupils.length === 0) return null;
  const locale = await getLocale();
  const t = await fastTranslations(locale, "childRights");
  const day = dateFormat(locale, "full");
  const status = (child: AskableChild) => {
    const last = child.lastRequest;
    if (last?.status === "PENDING") return t("lastPending", { date: day.format(last.createdAt) });
    if (last?.status === "REFUSED" && last.decidedAt) return t("lastRefused", { date: day.format(last.decidedAt) });
    return child.grantEnded ? t("lastGrantEnded") : null;
  };
  return (
    <section aria-labelledby="ask-heading" className="mt-8 max-w-3xl">
      <h2 id="ask-heading" className="text-xl font-semibold">{t("askTitle")}</h2>
      <p className="mt-1 max-w-prose text-slate-700">{t("askIntro", { count: pupils.length })}</p>
      <ul className="mt-3 space-y-3">
        {pupils.map((child) => (
          <li key={child.id} className="rounded-2xl border border-slate-200 bg-white p-4 sm:p-6">
            <h3 className="text-lg font-semibold text-brand-900">{child.firstName} {child.lastName}</h3>
            <p className="text-slate-700">{t("askCardLine", { school: child.school })}</p>
            {status(child) ? <p className="mt-2 text-slate-800">{status(child)}</p> : null}
            <Link
              href={`/parent/information/${child.id}`}
              className="mt-3 inline-flex min-h-12 w-full items-center justify-center rounded-lg bg-brand-600 px-4 font-semibold text-white hover:bg-brand-700 sm:w-auto"
            >
              {t("askFor", { name: child.firstName })}
            </Link>
          </li>
        ))}
      </ul>
    </section>
  );
}
