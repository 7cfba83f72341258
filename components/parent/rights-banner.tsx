import Link from "next/link";
import { getLocale } from "next-intl/server";
import { fastTranslations } from "@/lib/i18n/fast-messages";
import { dateFormat } from "@/lib/i18n/fast-format";
import type { GuardianRights } from "@/lib/auth/guardian-rights";
import type { InformationCategory } from "@/lib/generated/prisma/enums";

/** "cijfers en afwezigheid", in the page's language. */
export async function categoryList(locale: string, categories: readonly InformationCategory[]): Promise<string> {
  const t = await fastTranslations(locale, "informationCategories");
  return new Intl.ListFormat(locale, { type: "conjunction" }).format(categories.map((c) => t(c)));
}

/**
 * Why the guardian sees what they see, when it is not parental authority: the
 * school's grant (art. 1:377c BW, exactly what and until when) or the adult
 * pupil's consent. Nothing for a parent with authority.
 */
export async function RightsBanner({ rights, pupilId, firstName }: { rights: GuardianRights; pupilId: string; firstName: string }) {
  const locale = await getLocale();
  const t = await fastTranslations(locale, "childRights");
  if (rights.basis === "consent") {
    return <p className="mt-3 max-w-prose rounded-lg border border-brand-100 bg-brand-50 p-3 text-brand-900">{t("consentBanner", { name: firstName })}</p>;
  }
  if (rights.basis !== "information" || !rights.grant) return null;
  const until = rights.grant.until;
  return (
    <div className="mt-3 max-w-prose rounded-lg border border-brand-100 bg-brand-50 p-3 text-brand-900">
      <p>
        {t("grantBanner", {
          name: firstName, categories: await categoryList(locale, rights.grant.categories),
          hasUntil: until ? "yes" : "no", until: until ? dateFormat(locale, "full").format(until) : "",
        })}
      </p>
      <Link href={`/parent/information/${pupilId}`} className="mt-1 inline-flex min-h-11 items-center font-medium text-brand-700 underline">
        {t("askMore")}
      </Link>
    </div>
  );
}
