import type { Metadata } from "next";
import { randomUUID } from "node:crypto";
import Link from "next/link";
import { notFound } from "next/navigation";
import { NextIntlClientProvider } from "next-intl";
import { getMessages, getTranslations } from "next-intl/server";
import { requirePermission } from "@/lib/auth/guard";
import { getSchoolRound, roundFormOptions } from "@/lib/domain/conferences/round-queries";
import { amsterdamParts } from "@/lib/domain/conferences/local-time";
import { saveRoundAction } from "@/lib/domain/conferences/school-actions";
import { RoundForm } from "@/components/conference-school/round-form";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("conferenceSchool"))("editRoundTitle") };
}

const local = (at: Date) => {
  const { day, time } = amsterdamParts(at);
  return `${day}T${time}`;
};

type Props = { params: Promise<{ roundId: string }> };

/** Changing a round: everything until booking opens, then only the name and the closing time. */
export default async function EditConferenceRound({ params }: Props) {
  const actor = await requirePermission("conferences:manage", "/leader/conferences", { route: "/leader/conferences/[roundId]", category: "conferences" });
  const { roundId } = await params;
  const [t, messages, round, options] = await Promise.all([getTranslations("conferenceSchool"), getMessages(), getSchoolRound(actor, roundId), roundFormOptions(actor)]);
  // A round of another school: no pupil data, so no audit row; simply not found.
  if (!round) notFound();
  return (
    <>
      <Link href="/leader/conferences" className="inline-flex min-h-11 items-center text-brand-700 underline">
        <span aria-hidden="true" className="me-1 inline-block rtl:rotate-180">←</span>
        {t("backToRounds")}
      </Link>
      <h1 className="mt-1 text-2xl font-semibold">{t("editRoundTitle")}</h1>
      <p className="mt-2 max-w-prose text-slate-700">{t("editRule")}</p>
      <div className="mt-4 rounded-xl border border-slate-200 bg-white p-4">
        <NextIntlClientProvider messages={{ conferenceSchool: messages.conferenceSchool, errors: messages.errors }}>
          <RoundForm
            action={saveRoundAction}
            idempotencyKey={randomUUID()}
            classes={options.classes}
            staff={options.staff}
            roundId={round.id}
            defaults={{
              title: round.title,
              classIds: round.classes.map((c) => c.classGroupId),
              hostStaffIds: round.hosts.map((h) => h.staffId),
              opensAt: local(round.bookingOpensAt),
              closesAt: local(round.bookingClosesAt),
              slotMinutes: String(round.slotMinutes),
              breakAfterSlots: round.breakAfterSlots ? String(round.breakAfterSlots) : "",
              breakMinutes: round.breakMinutes ? String(round.breakMinutes) : "",
              parentMode: round.parentMode,
            }}
          />
        </NextIntlClientProvider>
      </div>
    </>
  );
}
