import "server-only";
import { db, sqlRows } from "@/lib/db/client";
import { day, instantOrNull, isoDay } from "@/lib/db/json-values";
import { assertCan } from "@/lib/auth/permissions";
import { visibleLinkFor } from "@/lib/auth/scope";
import { rightsSql } from "@/lib/auth/guardian-rights-forms";
import { dutchToday } from "@/lib/domain/calendar/dates";
import type { Actor } from "@/lib/auth/types";
import { AppError } from "@/lib/errors";
import type { AlertChannel, Locale, NotificationKind } from "@/lib/generated/prisma/enums";
import { shownMobile } from "@/lib/domain/alerts/mobile";

/**
 * The guardian's alert settings, and the quiet hours for text messages of the
 * schools of the children they may hear about (each school sets its own), one entry per school.
 */
export async function getAlertSettings(actor: Actor) {
  assertCan(actor, "alerts:settings");
  if (!actor.guardianId) throw new AppError("forbidden");
  const { links, phoneAsEntered, ...settings } = await db.guardian.findUniqueOrThrow({
    where: { id: actor.guardianId },
    select: {
      alertChannel: true, alertTiming: true, phone: true, phoneAsEntered: true, user: { select: { email: true, locale: true } },
      links: { where: visibleLinkFor(actor.guardianId, "absenceAlerts"), select: { pupil: { select: { school: { select: { id: true, name: true, quietHoursStart: true, quietHoursEnd: true } } } } } },
    },
  });
  const schools = new Map(links.map(({ pupil: { school } }) => [school.id, { school: school.name, start: school.quietHoursStart, end: school.quietHoursEnd }]));
  return { ...settings, phoneShown: shownMobile(settings.phone, phoneAsEntered), quietHours: [...schools.values()].sort((a, b) => a.school.localeCompare(b.school)) };
}

type MessageRaw = {
  id: string; channel: AlertChannel; subject: string | null; body: string | null;
  deliveredAt: string | null; readAt: string | null; pupilId: string; pupilFirstName: string;
  kind: NotificationKind; aboutDate: string | null; locale: Locale;
};

// On the parent's overview, a hot path (docs/decisions/0006): one hand-written
// statement; tests/integration/hot-path-sql.test.ts compares it with Prisma.
// An absence alert shows while the guardian may still hear about the pupil's
// absence (the rule's SQL form); a notice about the guardian's own rights
// (consent, information requests) shows unless the school restricted the link.
const may = rightsSql("l", "p", "$3");
const MESSAGES = `
SELECT coalesce(json_agg(x ORDER BY x."deliveredAt" DESC, x.id), '[]'::json) AS messages
FROM (SELECT n.id, n.channel, n.subject, n.body, n."deliveredAt", n."readAt", p.id AS "pupilId", p."firstName" AS "pupilFirstName",
             n.kind, n."aboutDate"::text AS "aboutDate", n.locale
      FROM "Notification" n JOIN "Pupil" p ON p.id = n."pupilId" JOIN "GuardianLink" l ON l."pupilId" = p.id AND l."guardianId" = $1
      WHERE n."guardianId" = $1 AND n.status = 'DELIVERED'
        AND CASE WHEN n.kind = 'ABSENCE_ALERT' THEN ${may.absenceAlerts} ELSE NOT l."accessRestricted" END
      ORDER BY n."deliveredAt" DESC, n.id LIMIT $2) x`;

/**
 * The guardian's messages (every channel), newest first — absence alerts only
 * about pupils they may still hear about. One statement.
 */
export async function listMessages(actor: Actor, take = 10, now: Date = new Date()) {
  assertCan(actor, "alerts:settings");
  if (!actor.guardianId) return [];
  const [{ messages }] = await sqlRows<{ messages: MessageRaw[] }>(MESSAGES, [actor.guardianId, take, isoDay(dutchToday(now))]);
  return messages.map((m) => ({
    id: m.id,
    channel: m.channel,
    subject: m.subject,
    body: m.body,
    deliveredAt: instantOrNull(m.deliveredAt),
    readAt: instantOrNull(m.readAt),
    pupil: { id: m.pupilId, firstName: m.pupilFirstName },
    // The school day an absence alert is about (issue 18: not only when it was sent).
    kind: m.kind,
    aboutDate: m.aboutDate === null ? null : day(m.aboutDate),
    // The language the text was written in (the guardian's language when it was queued), so it can be marked up as such.
    locale: m.locale,
  }));
}
