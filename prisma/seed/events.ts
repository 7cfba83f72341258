import type { PrismaClient } from "../../lib/generated/prisma/client";
import { dutchToday, schoolYearOf } from "../../lib/domain/calendar/dates";
import { amsterdamInstant } from "../../lib/domain/events/audience";

// School events at the demo school of ouder@demo.test's first child (the class
// mentor@demo.test mentors), relative to "now" (docs/architecture.md, demo data):
// an upcoming parent evening for the child's year that asks for a reply, an
// information evening for that year, and an open day that has passed.

const DAY = 86_400_000;

/** "YYYY-MM-DDTHH:MM" of the Dutch day `days` after today, at a Dutch wall-clock time. */
function localAt(now: Date, days: number, time: string): Date {
  const day = new Date(dutchToday(now).getTime() + days * DAY).toISOString().slice(0, 10);
  return amsterdamInstant(`${day}T${time}`)!;
}

export async function writeDemoEvents(db: PrismaClient, now: Date): Promise<void> {
  const child = await db.pupil.findFirst({
    where: {
      guardianLinks: { some: { guardian: { user: { email: "ouder@demo.test" } } } },
      classGroup: { mentorships: { some: { staff: { user: { email: "mentor@demo.test" } } } } },
    },
    select: { schoolId: true, classGroup: { select: { year: true } } },
  });
  const leader = await db.user.findUnique({ where: { email: "leider@demo.test" }, select: { id: true } });
  if (!child || !leader) return;
  const years = new Map((await db.schoolYear.findMany({ select: { id: true, name: true } })).map((y) => [y.name, y.id]));
  const yearOf = (at: Date) => years.get(schoolYearOf(dutchToday(at)).name);
  const currentEnd = schoolYearOf(dutchToday(now)).endsOn.getTime();
  // Inside the current school year (near its end the evenings move closer).
  const ahead = (days: number) => Math.max(1, Math.min(days, Math.floor((currentEnd - dutchToday(now).getTime()) / DAY)));
  const plans = [
    {
      key: "demo-event-parent-evening", kind: "PARENT_EVENING" as const, title: `Ouderavond leerjaar ${child.classGroup.year}`,
      description: "Kennismaken met de mentor en de vakdocenten. Koffie en thee staan klaar.", place: "Aula, hoofdgebouw",
      startsAt: localAt(now, ahead(14), "19:30"), endsAt: localAt(now, ahead(14), "21:00"), audience: "YEARS" as const, asksReply: true,
    },
    {
      key: "demo-event-information-evening", kind: "INFORMATION_EVENING" as const, title: `Informatieavond profielkeuze leerjaar ${child.classGroup.year}`,
      description: "Uitleg over de keuze van vakken en profielen voor volgend schooljaar.", place: "Mediatheek",
      startsAt: localAt(now, ahead(28), "20:00"), endsAt: localAt(now, ahead(28), "21:30"), audience: "YEARS" as const, asksReply: false,
    },
    {
      key: "demo-event-open-day", kind: "OPEN_DAY" as const, title: "Open dag",
      description: "De school is open voor nieuwe leerlingen en hun ouders.", place: "Hele school",
      startsAt: localAt(now, -20, "10:00"), endsAt: localAt(now, -20, "14:00"), audience: "SCHOOL" as const, asksReply: false,
    },
  ];
  for (const plan of plans) {
    const schoolYearId = yearOf(plan.startsAt);
    if (!schoolYearId) continue;
    await db.schoolEvent.create({
      data: {
        schoolId: child.schoolId, schoolYearId, kind: plan.kind, title: plan.title, description: plan.description, place: plan.place,
        startsAt: plan.startsAt, endsAt: plan.endsAt, audience: plan.audience, audienceYears: plan.audience === "YEARS" ? [child.classGroup.year] : [],
        asksReply: plan.asksReply, createdById: leader.id, idempotencyKey: plan.key, createdAt: now, updatedAt: now,
      },
    });
  }
}
