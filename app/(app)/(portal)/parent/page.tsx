import type { Metadata } from "next";
import { getLocale } from "next-intl/server";
import { fastTranslations } from "@/lib/i18n/fast-messages";
import { requirePermission } from "@/lib/auth/guard";
import { parentOverview } from "@/lib/domain/pupils/queries";
import { AskInformation } from "@/components/parent/ask-information";
import { ChildCard } from "@/components/parent/child-card";
import { MessageList } from "@/components/parent/message-list";
import { listMessages } from "@/lib/domain/alerts/queries";
import Link from "next/link";
import { welcomeFacts } from "@/lib/domain/accounts/welcome";
import { Welcome } from "@/components/parent/welcome";
import { OverviewEvents } from "@/components/events/overview-events";
import { ConferenceBanner } from "@/components/conferences/child-card";
import { restrictedSchools } from "@/lib/domain/pupils/restricted";
import { RestrictedAccess } from "@/components/parent/restricted-access";
import { pendingAgreements } from "@/lib/domain/agreement/queries";
import { AgreementCard } from "@/components/agreement/agreement-card";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await fastTranslations(await getLocale(), "parent"))("title") };
}

export default async function ParentHome() {
  const actor = await requirePermission("parent:view", "/parent", { route: "/parent", category: "record" });
  const locale = await getLocale();
  const [t, tInbox, tConferences, { children, askable }, messages, welcome, tAnnounce, tAgreement, agreements, tSurveys] = await Promise.all([
    fastTranslations(locale, "parent"),
    fastTranslations(locale, "inbox"),
    fastTranslations(locale, "conferences"),
    parentOverview(actor),
    listMessages(actor, 5),
    // No query once the guardian has read it (actor.welcomed).
    welcomeFacts(actor),
    fastTranslations(locale, "announcementList"),
    // A newly published school–parent agreement: first thing on the page (issue 19), one statement.
    fastTranslations(locale, "agreement"),
    pendingAgreements(actor),
    fastTranslations(locale, "surveys"),
  ]);
  // Only a guardian with nothing to show is asked about restricted links (issue 18): no extra query for the others.
  const restricted = children.length || askable.length ? [] : await restrictedSchools(actor);
  return (
    <>
      <h1 className="text-2xl font-semibold">{t("title")}</h1>
      <p className="mt-2 max-w-prose text-slate-700">{t("intro")}</p>
      <AgreementCard schools={agreements.map((a) => a.schoolName)} t={tAgreement} />
      {welcome ? <Welcome facts={welcome} /> : null}
      <ConferenceBanner names={children.filter((c) => c.conferenceOpen).map((c) => c.firstName)} locale={locale} t={tConferences} />
      {children.length ? (
        <div className="mt-6 grid grid-cols-1 gap-6 lg:grid-cols-2">
          {children.map((child) => (
            <ChildCard key={child.id} child={child} />
          ))}
        </div>
      ) : askable.length ? null : restricted.length ? (
        <RestrictedAccess schools={restricted} texts={{ title: t("restrictedTitle"), body: (school) => t("restricted", { school }), phone: t("restrictedPhone") }} />
      ) : (
        <p className="mt-6 rounded-lg bg-white p-4">{t("noChildren")}</p>
      )}
      <AskInformation pupils={askable} />
      <OverviewEvents childrenEvents={children} />
      <section aria-labelledby="inbox-heading" className="mt-10 max-w-3xl">
        <div className="flex flex-wrap items-baseline justify-between gap-3">
          <h2 id="inbox-heading" className="text-xl font-semibold">{tInbox("title")}</h2>
          <Link href="/parent/settings" className="inline-flex min-h-11 items-center text-brand-700 underline">
            {tInbox("settingsLink")}
          </Link>
          {/* Class announcements (issue 16): their own page, so the overview keeps its queries. */}
          <Link href="/parent/announcements" className="inline-flex min-h-11 items-center text-brand-700 underline">
            {tAnnounce("link")}
          </Link>
          {/* Needs and satisfaction surveys (issue 19): their own page too. */}
          <Link href="/parent/surveys" className="inline-flex min-h-11 items-center text-brand-700 underline">
            {tSurveys("parent.link")}
          </Link>
        </div>
        <p className="mt-1 text-sm text-slate-700">{tInbox("intro")}</p>
        <MessageList messages={messages} />
      </section>
    </>
  );
}
