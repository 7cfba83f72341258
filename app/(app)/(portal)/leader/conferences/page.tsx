import type { Metadata } from "next";
import { randomUUID } from "node:crypto";
import Link from "next/link";
import { NextIntlClientProvider } from "next-intl";
import { getMessages, getTranslations } from "next-intl/server";
import { requirePermission } from "@/lib/auth/guard";
import { listSchoolRounds, roundFormOptions } from "@/lib/domain/conferences/round-queries";
import { saveRoundAction } from "@/lib/domain/conferences/school-actions";
import { RoundForm } from "@/components/conference-school/round-form";
import { RoundsTable } from "@/components/conference-school/rounds-table";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("conferenceSchool"))("leaderTitle") };
}

/** The school leader's conference rounds: the list with counts, and a form to open one. */
export default async function LeaderConferences() {
  const actor = await requirePermission("conferences:manage", "/leader/conferences", { route: "/leader/conferences", category: "conferences" });
  const now = new Date();
  const [t, messages, rounds, options] = await Promise.all([
    getTranslations("conferenceSchool"), getMessages(), listSchoolRounds(actor), roundFormOptions(actor, now),
  ]);
  return (
    <>
      <Link href="/leader" className="inline-flex min-h-11 items-center text-brand-700 underline">
        <span aria-hidden="true" className="me-1 inline-block rtl:rotate-180">←</span>
        {t("backHome")}
      </Link>
      <h1 className="mt-1 text-2xl font-semibold">{t("leaderTitle")}</h1>
      <p className="mt-2 max-w-prose text-slate-700">{t("leaderIntro")}</p>
      <section aria-labelledby="rounds-heading" className="mt-6">
        <h2 id="rounds-heading" className="text-xl font-semibold">{t("roundsTitle")}</h2>
        <div className="mt-3"><RoundsTable rounds={rounds} now={now} /></div>
      </section>
      <section aria-labelledby="new-round-heading" className="mt-8 rounded-xl border border-slate-200 bg-white p-4">
        <h2 id="new-round-heading" className="text-xl font-semibold">{t("newRoundTitle")}</h2>
        <div className="mt-3">
          <NextIntlClientProvider messages={{ conferenceSchool: messages.conferenceSchool, errors: messages.errors }}>
            <RoundForm
              action={saveRoundAction}
              idempotencyKey={randomUUID()}
              classes={options.classes}
              staff={options.staff}
              defaults={{ title: "", classIds: [], hostStaffIds: [], opensAt: "", closesAt: "", slotMinutes: "10", breakAfterSlots: "", breakMinutes: "", parentMode: "SHARED" }}
            />
          </NextIntlClientProvider>
        </div>
      </section>
    </>
  );
}
