import { db } from "@/lib/db/client";
import type { AlertChannel } from "@/lib/generated/prisma/enums";
import { guardianRights } from "@/lib/auth/guardian-rights";
import { LINK_FACTS_SELECT } from "@/lib/auth/guardian-rights-forms";
import { renderConferenceReminder } from "@/lib/notifications/conference-templates";
import type { Transport } from "@/lib/notifications/transports/types";
import { failedSend } from "@/lib/notifications/send-failure";

// Delivering a conference reminder (issue 16). The row is already claimed
// (deliver.ts). The text is written now, from the booking as it is now, in
// the guardian's language; a cancelled booking, a guardian who no longer
// attends or may no longer book (restricted, an 18+ pupil's consent
// withdrawn) is skipped.

type Claimed = { id: string; channel: AlertChannel; address: string | null; attempts: number; guardianId: string | null };
type Finish = (id: string, data: { status: "DELIVERED" | "SKIPPED" | "FAILED"; lastError?: string; providerRef?: string; subject?: string; body?: string }) => Promise<void>;
type Outcome = "delivered" | "skipped" | "failed" | "retry";

export async function deliverConferenceReminder(
  n: Claimed, deps: { email: Transport; sms: Transport; baseUrl: string; now?: () => Date }, finish: Finish,
): Promise<Outcome> {
  const row = await db.notification.findUniqueOrThrow({
    where: { id: n.id },
    select: {
      conferenceBooking: {
        select: {
          cancelledAt: true, startsAt: true, endsAt: true, interpreterLanguage: true, childcare: true, pupilId: true,
          guardians: { where: { guardianId: n.guardianId ?? "" }, select: { guardianId: true } },
          pupil: { select: { firstName: true, birthDate: true, guardianLinks: { where: { guardianId: n.guardianId ?? "" }, select: LINK_FACTS_SELECT } } },
          staff: { select: { user: { select: { name: true } } } },
          claims: { select: { slot: { select: { startsAt: true, availability: { select: { location: true } } } } } },
        },
      },
      guardian: { select: { user: { select: { name: true, locale: true, disabledAt: true } } } },
    },
  });
  const booking = row.conferenceBooking;
  const user = row.guardian?.user;
  const skip = (reason: string) => finish(n.id, { status: "SKIPPED", lastError: reason }).then((): Outcome => "skipped");
  if (!booking || booking.cancelledAt) return skip("cancelled");
  if (!user || user.disabledAt) return skip("blocked");
  const link = booking.pupil.guardianLinks[0];
  if (booking.guardians.length === 0 || !link || !guardianRights(link, booking.pupil.birthDate, deps.now?.() ?? new Date()).book) return skip("not-eligible");
  const first = [...booking.claims].sort((a, b) => a.slot.startsAt.getTime() - b.slot.startsAt.getTime())[0];
  const message = renderConferenceReminder(user.locale, n.channel, {
    guardianName: user.name,
    pupilFirstName: booking.pupil.firstName,
    hostName: booking.staff.user.name,
    startsAt: booking.startsAt,
    endsAt: booking.endsAt,
    location: first?.slot.availability.location ?? null,
    interpreterLanguage: booking.interpreterLanguage,
    childcare: booking.childcare,
    portalUrl: `${deps.baseUrl}/parent/conferences`,
  });
  if (n.channel === "PORTAL") {
    await finish(n.id, { status: "DELIVERED", providerRef: "portal", subject: message.subject, body: message.text });
    return "delivered";
  }
  if (!n.address) return finish(n.id, { status: "FAILED", lastError: "no-address" }).then((): Outcome => "failed");
  const transport = n.channel === "SMS" ? deps.sms : deps.email;
  try {
    const { providerRef } = await transport.send({ id: n.id, to: n.address, subject: message.subject, text: message.text, locale: user.locale });
    await finish(n.id, { status: "DELIVERED", providerRef, subject: message.subject, body: message.text });
    return "delivered";
  } catch (error) {
    return failedSend(n, error, finish, deps.now?.() ?? new Date());
  }
}
