import { dateOf, momentAt, type Day } from "./calendar";
import { newId } from "./ids";
import type { ClassInfo, SchoolState } from "./model";
import { fullName } from "./names";
import { alertPreferenceOf } from "./people";
import type { RecentAlerts } from "./absences";
import type { Buffers } from "./tables";
import { addressFor, effectiveChannel, mayReceiveAbsenceAlerts } from "../../lib/notifications/recipients";
import { linkFacts } from "./people";
import { renderAlert } from "../../lib/notifications/templates";

// The message history of the last school days: one absence alert per guardian,
// pupil and day, as the outbox would have delivered it (same rules, same texts).

const DIGEST_AT = 18 * 60;

export function writeNotifications(
  school: SchoolState,
  cls: ClassInfo,
  recent: RecentAlerts,
  schoolPhone: string,
  settingsUrl: string,
  buffers: Buffers,
): void {
  for (const [pupil, records] of recent) {
    const byDay = new Map<Day, typeof records>();
    for (const r of records) byDay.set(r.day, [...(byDay.get(r.day) ?? []), r]);
    for (const [day, dayRecords] of byDay) {
      const first = Math.min(...dayRecords.map((r) => r.at));
      for (const link of pupil.links) {
        const g = link.guardian;
        // The one rule, at the moment the first record was registered.
        const eligible = mayReceiveAbsenceAlerts(linkFacts(link), dateOf(pupil.birthDate), new Date(first));
        if (!eligible) continue;
        const preference = g.global ? { alertChannel: "EMAIL" as const, alertTiming: "IMMEDIATE" as const } : alertPreferenceOf(g);
        const channel = effectiveChannel(preference.alertChannel, g.phone, g.email);
        const message = renderAlert(g.locale, channel, {
          pupilFirstName: pupil.firstName,
          date: dateOf(day),
          records: dayRecords.map((r) => ({ lessonHour: r.hour, kind: r.kind, minutes: r.minutes })),
          mentor: { name: fullName(cls.mentor.name), contactHours: cls.mentor.contactHours },
          schoolPhone,
          settingsUrl,
        });
        if (!message) continue;
        const sendAfter = preference.alertTiming === "DAILY_DIGEST" ? Math.max(first, momentAt(day, DIGEST_AT)) : first + 20_000;
        const delivered = sendAfter + 4_000;
        buffers.Notification.add({
          id: newId(), kind: "ABSENCE_ALERT", guardianId: g.id, pupilId: pupil.id, schoolId: school.id, aboutDate: day,
          channel, locale: g.locale, address: addressFor(channel, g.email, g.phone), status: "DELIVERED", sendAfter,
          attempts: 1, deliveredAt: delivered, providerRef: channel === "PORTAL" ? "portal" : `seed:${channel.toLowerCase()}`,
          subject: message.subject, body: message.text, readAt: null, createdAt: first, updatedAt: delivered,
        });
      }
    }
  }
}
