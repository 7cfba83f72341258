import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import type { MentorPupil } from "@/lib/domain/contacts/queries";
import { categoryList } from "@/components/parent/rights-banner";
import { PhoneLink } from "@/components/ui/ltr";
import { readablePhone } from "@/lib/domain/admin/phone";

export async function GuardianCards({ guardians }: { guardians: MentorPupil["guardians"] }) {
  const [t, tLang, tChannel, tStanding, format, locale] = await Promise.all([
    getTranslations("mentorPupil"), getTranslations("languages"), getTranslations("channels"), getTranslations("guardianStanding"), getFormatter(), getLocale(),
  ]);
  /** What the guardian gets from the school, in the rule's words (lib/auth/guardian-rights.ts). */
  const standing = async (g: MentorPupil["guardians"][number]) => {
    const { basis, grant } = g.rights;
    if (basis === "authority") return t("authority");
    if (basis === "consent") return tStanding("consent");
    if (basis === "information" && grant) {
      return tStanding("information", { categories: await categoryList(locale, grant.categories), hasUntil: grant.until ? "yes" : "no", until: grant.until ? format.dateTime(grant.until, "full") : "" });
    }
    return tStanding("none");
  };
  const lines = await Promise.all(guardians.map(standing));
  return (
    <ul className="space-y-2">
      {guardians.map((g, i) => (
        <li key={g.id} className="rounded-xl border border-slate-200 bg-white p-3">
          <p className="font-semibold">{g.name}</p>
          <p className="text-sm text-slate-600">{lines[i]}</p>
          <dl className="mt-1 grid grid-cols-[auto_1fr] gap-x-3 gap-y-1 text-sm">
            <dt className="text-slate-600">{t("language")}</dt>
            <dd>{tLang(g.locale)}{g.interpreterWanted ? <strong className="ms-1 text-warn-700">· {t("interpreter")}</strong> : null}</dd>
            <dt className="text-slate-600">{t("channel")}</dt>
            <dd>{tChannel(g.channel)}</dd>
            {g.phone ? (
              <>
                <dt className="text-slate-600">{t("phone")}</dt>
                <dd><PhoneLink phone={readablePhone(g.phone)} className="text-brand-700 underline" /></dd>
              </>
            ) : null}
            <dt className="text-slate-600">{t("email")}</dt>
            <dd className="break-all"><a href={`mailto:${g.email}`} className="text-brand-700 underline">{g.email}</a></dd>
          </dl>
        </li>
      ))}
    </ul>
  );
}
