import "server-only";
import { db, sqlRows } from "@/lib/db/client";
import { instantOrNull } from "@/lib/db/json-values";
import { assertCan } from "@/lib/auth/permissions";
import { visibleLinkFor, visibleLinkSql } from "@/lib/auth/scope";
import type { Actor } from "@/lib/auth/types";
import { AppError } from "@/lib/errors";
import type { AlertChannel } from "@/lib/generated/prisma/enums";

/**
 * The guardian's alert settings, and the quiet hours for text messages of the
 * schools of the children they may see (each school sets its own), one entry per school.
 */
export async function getAlertSettings(actor: Actor) {
  assertCan(actor, "alerts:settings");
  if (!actor.guardianId) throw new AppError("forbidden");
  const { links, ...settings } = await db.guardian.findUniqueOrThrow({
    where: { id: actor.guardianId },
    select: {
      alertChannel: true, alertTiming: true, phone: true, user: { select: { email: true, locale: true } },
      links: { where: visibleLinkFor(actor.guardianId), select: { pupil: { select: { school: { select: { id: true, name: true, quietHoursStart: true, quietHoursEnd: true } } } } } },
    },
  });
  const schools = new Map(links.map(({ pupil: { school } }) => [school.id, { school: school.name, start: school.quietHoursStart, end: school.quietHoursEnd }]));
  return { ...settings, quietHours: [...schools.values()].sort((a, b) => a.school.localeCompare(b.school)) };
}

type MessageRaw = {
  id: string; channel: AlertChannel; subject: string | null; body: string | null;
  deliveredAt: string | null; readAt: string | null; pupilId: string; pupilFirstName: string;
};

// On the parent's overview, a hot path (docs/decisions/0006): one hand-written
// statement; tests/integration/hot-path-sql.test.ts compares it with Prisma.
const MESSAGES = `
SELECT coalesce(json_agg(x ORDER BY x."deliveredAt" DESC, x.id), '[]'::json) AS messages
FROM (SELECT n.id, n.channel, n.subject, n.body, n."deliveredAt", n."readAt", p.id AS "pupilId", p."firstName" AS "pupilFirstName"
      FROM "Notification" n JOIN "Pupil" p ON p.id = n."pupilId"
      WHERE n."guardianId" = $1 AND n.status = 'DELIVERED' AND ${visibleLinkSql("p.id", "$1")}
      ORDER BY n."deliveredAt" DESC, n.id LIMIT $2) x`;

/**
 * The guardian's messages (every channel), newest first — only about pupils
 * they may still see. One statement.
 */
export async function listMessages(actor: Actor, take = 10) {
  assertCan(actor, "alerts:settings");
  if (!actor.guardianId) return [];
  const [{ messages }] = await sqlRows<{ messages: MessageRaw[] }>(MESSAGES, [actor.guardianId, take]);
  return messages.map((m) => ({
    id: m.id,
    channel: m.channel,
    subject: m.subject,
    body: m.body,
    deliveredAt: instantOrNull(m.deliveredAt),
    readAt: instantOrNull(m.readAt),
    pupil: { id: m.pupilId, firstName: m.pupilFirstName },
  }));
}
