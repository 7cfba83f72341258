import Link from "next/link";
import { getLocale } from "next-intl/server";
import { fastTranslations } from "@/lib/i18n/fast-messages";
import { dismissWelcome } from "@/lib/domain/accounts/actions";
import type { WelcomeFacts } from "@/lib/domain/accounts/welcome";
import { PhoneLink } from "@/components/ui/ltr";

/**
 * The first-sign-in welcome: who each child's mentor is and how to reach
 * them, that any question is welcome, how to report sick, where to choose
 * language and alerts. "Got it" hides it for good.
 */
export async function Welcome({ facts }: { facts: WelcomeFacts }) {
  const t = await fastTranslations(await getLocale(), "welcome");
  return (
    <section aria-labelledby="welcome-heading" className="mt-4 rounded-2xl border-2 border-brand-600 bg-brand-50 p-4 text-brand-900 sm:p-6">
      <h2 id="welcome-heading" className="text-xl font-semibold">{t("title")}</h2>
      <p className="mt-2">{t("intro")}</p>
      <h3 className="mt-4 font-semibold">{t("mentorTitle")}</h3>
      <ul className="mt-1 space-y-3">
        {facts.children.map((child) => (
          <li key={child.id}>
            {child.mentors.length === 0 ? (
              <p>{t("noMentor", { child: child.firstName, className: child.className })}</p>
            ) : (
              child.mentors.map((m) => (
                <div key={`${child.id}-${m.name}`}>
                  <p>{t("mentorOf", { child: child.firstName, className: child.className, mentor: m.name })}</p>
                  <p className="text-sm">
                    {m.email ? <a href={`mailto:${m.email}`} dir="ltr" className="inline-flex min-h-11 items-center break-all text-brand-700 underline">{m.email}</a> : null}
                    {m.phone ? <span className="ms-3"><PhoneLink phone={m.phone} className="inline-flex min-h-11 items-center text-brand-700 underline" /></span> : null}
                  </p>
                  {m.contactHours ? <p className="text-sm">{t("hours")} <span dir="auto" lang="nl">{m.contactHours}</span></p> : null}
                </div>
              ))
            )}
          </li>
        ))}
      </ul>
      <p className="mt-4 font-medium">{t("anyQuestion")}</p>
      <h3 className="mt-4 font-semibold">{t("sickTitle")}</h3>
      <p>{t("sick")}</p>
      <h3 className="mt-4 font-semibold">{t("settingsTitle")}</h3>
      <p>
        {t("settings")}{" "}
        <Link href="/parent/settings" className="inline-flex min-h-11 items-center text-brand-700 underline">{t("settingsLink")}</Link>
      </p>
      <form action={dismissWelcome} className="mt-4">
        <button type="submit" className="min-h-12 w-full rounded-lg bg-brand-600 px-5 font-semibold text-white hover:bg-brand-700 sm:w-auto">{t("gotIt")}</button>
      </form>
    </section>
  );
}
