import type { Prisma } from "@/lib/generated/prisma/client";
import type { Role } from "@/lib/generated/prisma/enums";

// The document a guardian or pupil downloads (AVG art. 15): plain JSON with ISO
// dates, the same data the readable page shows. Pure: tested without a database.

type Day = Date;
const iso = (d: Date | null | undefined) => (d ? d.toISOString() : null);
const isoDay = (d: Day | null | undefined) => (d ? d.toISOString().slice(0, 10) : null);

type Input = {
  now: Date;
  role: Role;
  user: {
    name: string; email: string | null; locale: string; createdAt: Date; lastSignInAt: Date | null; passwordChangedAt: Date | null; totpEnabledAt: Date | null; welcomedAt: Date | null;
    memberships: { role: Role; school: { name: string } | null }[];
    guardian: { phone: string | null; phoneAsEntered: string | null; preferredChannel: string; interpreterWanted: boolean; alertChannel: string; alertTiming: string } | null;
  };
  pupils: {
    id: string; firstName: string; lastName: string; birthDate: Date; studentNumber: string; leftOn: Date | null; releasedUntil: Date;
    /** What the reader may see of this pupil (a guardian: the one rule; the pupil: everything). */
    sees: { results: boolean; absences: boolean; absenceReasons: boolean; contacts: boolean };
    school: { name: string }; classGroup: { name: string; year: number; track: string };
    guardianLinks: { relationship: string; hasParentalAuthority: boolean; household: string | null; informationGrantedAt: Date | null; consentGrantedAt: Date | null; consentWithdrawnAt: Date | null; guardian: { user: { name: string } } }[];
    results: { grade: Prisma.Decimal | null; textValue: string | null; enteredAt: Date; assessment: { description: string; weight: number; heldOn: Date; subject: { name: string } } }[];
    absences: { date: Date; lessonHour: number | null; kind: string; minutes: number; reason: string | null; pupilReason: string | null; reportedBy: string }[];
    sickReports: { reason: string; note: string | null; startsOn: Date; endsOn: Date | null; endedAt: Date | null; createdAt: Date }[];
    contactMoments: { occurredOn: Date; kind: string; initiatedBy: string; tone: string; summary: string; followUpOn: Date | null; staff: { user: { name: string } } }[];
    eventReplies?: { answer: string; updatedAt: Date; event: { title: string; startsAt: Date } }[];
  }[];
  messages: { createdAt: Date; kind: string; channel: string; status: string; address: string | null; subject: string | null; body: string | null; deliveredAt: Date | null; readAt: Date | null; pupilId: string | null }[];
};

export function toPersonalData({ now, role, user, pupils, messages }: Input) {
  return {
    format: "schoolkompas-personal-data/1",
    exportedAt: iso(now)!,
    as: role,
    you: {
      name: user.name,
      email: user.email,
      language: user.locale,
      accountCreatedAt: iso(user.createdAt),
      lastSignInAt: iso(user.lastSignInAt),
      passwordChangedAt: iso(user.passwordChangedAt),
      twoStepSignIn: user.totpEnabledAt !== null,
      roles: user.memberships.map((m) => ({ role: m.role, school: m.school?.name ?? null })),
      contact: user.guardian
        ? { phone: user.guardian.phone, phoneAsEntered: user.guardian.phoneAsEntered, preferredChannel: user.guardian.preferredChannel, interpreterWanted: user.guardian.interpreterWanted,
            absenceAlerts: { channel: user.guardian.alertChannel, timing: user.guardian.alertTiming } }
        : null,
    },
    pupils: pupils.map((p) => ({
      id: p.id,
      name: `${p.firstName} ${p.lastName}`,
      birthDate: isoDay(p.birthDate),
      pupilNumber: p.studentNumber,
      school: p.school.name,
      class: { name: p.classGroup.name, year: p.classGroup.year, track: p.classGroup.track },
      leftOn: isoDay(p.leftOn),
      guardianLinks: p.guardianLinks.map((l) => ({
        guardian: l.guardian.user.name,
        relationship: l.relationship, parentalAuthority: l.hasParentalAuthority, household: l.household,
        informationGrantedAt: iso(l.informationGrantedAt), consentGrantedAt: iso(l.consentGrantedAt), consentWithdrawnAt: iso(l.consentWithdrawnAt),
      })),
      // Results the school has not released yet (a fixed release time) are not shown anywhere yet.
      results: (p.sees.results ? p.results : [])
        .filter((r) => r.enteredAt.getTime() <= p.releasedUntil.getTime())
        .map((r) => ({ subject: r.assessment.subject.name, assessment: r.assessment.description, heldOn: isoDay(r.assessment.heldOn), weight: r.assessment.weight, grade: r.grade === null ? null : r.grade.toFixed(1), text: r.textValue })),
      absences: (p.sees.absences ? p.absences : []).map((a) => ({
        date: isoDay(a.date), lessonHour: a.lessonHour, kind: a.kind, minutes: a.minutes, reason: a.reason,
        ...(p.sees.absenceReasons ? { pupilReason: a.pupilReason } : {}), reportedBy: a.reportedBy,
      })),
      sickReports: p.sickReports.map((s) => ({ reason: s.reason, note: s.note, from: isoDay(s.startsOn), until: isoDay(s.endsOn), endedAt: iso(s.endedAt), reportedAt: iso(s.createdAt) })),
      contactMoments: (p.sees.contacts ? p.contactMoments : []).map((c) => ({ date: isoDay(c.occurredOn), kind: c.kind, initiatedBy: c.initiatedBy, tone: c.tone, summary: c.summary, followUpOn: isoDay(c.followUpOn), staff: c.staff.user.name })),
      eventReplies: (p.eventReplies ?? []).map((r) => ({ event: r.event.title, startsAt: iso(r.event.startsAt), answer: r.answer, answeredAt: iso(r.updatedAt) })),
    })),
    messages: messages.map((m) => ({
      sentAt: iso(m.deliveredAt), queuedAt: iso(m.createdAt), readAt: iso(m.readAt), kind: m.kind, channel: m.channel, status: m.status, address: m.address, subject: m.subject, text: m.body, pupilId: m.pupilId,
    })),
  };
}

export type PersonalData = ReturnType<typeof toPersonalData>;
