import { getTranslations } from "next-intl/server";
import type { MentorPupil } from "@/lib/domain/contacts/queries";

export async function GuardianCards({ guardians }: { guardians: MentorPupil["guardians"] }) {
  const [t, tLang, tChannel] = await Promise.all([getTranslations("mentorPupil"), getTranslations("languages"), getTranslations("channels")]);
  return (
    <ul className="space-y-2">
      {guardians.map((g) => (
        <li key={g.id} className="rounded-xl border border-slate-200 bg-white p-3">
          <p className="font-semibold">{g.name}</p>
          <p className="text-sm text-slate-600">{g.hasParentalAuthority ? t("authority") : t("noAuthority")}</p>
          <dl className="mt-1 grid grid-cols-[auto_1fr] gap-x-3 gap-y-1 text-sm">
            <dt className="text-slate-600">{t("language")}</dt>
            <dd>{tLang(g.locale)}{g.interpreterWanted ? <strong className="ms-1 text-warn-700">· {t("interpreter")}</strong> : null}</dd>
            <dt className="text-slate-600">{t("channel")}</dt>
            <dd>{tChannel(g.channel)}</dd>
            {g.phone ? (
              <>
                <dt className="text-slate-600">{t("phone")}</dt>
                <dd><a href={`tel:${g.phone.replace(/[^+\d]/g, "")}`} dir="ltr" className="text-brand-700 underline">{g.phone}</a></dd>
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
