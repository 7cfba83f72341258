import { getLocale } from "next-intl/server";
import { fastTranslations } from "@/lib/i18n/fast-messages";
import type { ChildDetail } from "@/lib/domain/pupils/queries";
import { PhoneLink } from "@/components/ui/ltr";

export async function MentorCard({ mentors }: { mentors: ChildDetail["mentors"] }) {
  const t = await fastTranslations(await getLocale(), "child");
  return (
    <section aria-labelledby="mentor-heading" className="rounded-2xl border border-brand-100 bg-brand-50 p-4 sm:p-6">
      <h2 id="mentor-heading" className="text-lg font-semibold text-brand-900">
        {t("mentorTitle")}
      </h2>
      <p className="mt-1 text-brand-900">{t("mentorIntro")}</p>
      {mentors.length === 0 ? <p className="mt-3">{t("noMentor")}</p> : null}
      {mentors.map((m) => (
        <div key={m.email} className="mt-4">
          <p className="text-lg font-semibold">{m.name}</p>
          <dl className="mt-2 space-y-2">
            <div>
              <dt className="text-sm text-slate-600">{t("email")}</dt>
              <dd>
                <a href={`mailto:${m.email}`} dir="ltr" className="inline-flex min-h-11 items-center font-medium text-brand-700 underline break-all">
                  {m.email}
                </a>
              </dd>
            </div>
            {m.phone ? (
              <div>
                <dt className="text-sm text-slate-600">{t("phone")}</dt>
                <dd>
                  <PhoneLink phone={m.phone} className="inline-flex min-h-11 items-center font-medium text-brand-700 underline" />
                </dd>
              </div>
            ) : null}
            <div>
              <dt className="text-sm text-slate-600">{t("contactHours")}</dt>
              {/* The mentor's own words are Dutch (screen readers and read-aloud); the fallback is in the page's language. */}
              <dd dir={m.contactHours ? "auto" : undefined} lang={m.contactHours ? "nl" : undefined}>{m.contactHours ?? t("noContactHours")}</dd>
            </div>
          </dl>
        </div>
      ))}
    </section>
  );
}
