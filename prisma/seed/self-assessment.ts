import { randomUUID } from "node:crypto";
import type { PrismaClient } from "../../lib/generated/prisma/client";
import { dutchToday, schoolYearOf } from "../../lib/domain/calendar/dates";

// The involvement self-assessment of leider@demo.test's school (issue 19
// part 4, decision 0038): last school year's and this school year's scores,
// both published (the public profile shows this year's summary).

type Plan = Record<"bestaansrecht" | "leefbaarheid" | "inrichting" | "management", { level: number; note: string; sentence: string }>;

const LAST_YEAR: Plan = {
  bestaansrecht: { level: 1, note: "We weten nog weinig van wat ouders willen.", sentence: "We gaan ouders vragen wat ze van de school verwachten." },
  leefbaarheid: { level: 2, note: "Mentoren doen contact naast hun lessen.", sentence: "Contact met ouders past in de taken van de mentoren." },
  inrichting: { level: 2, note: "Schoolgids vernieuwd; website nog algemeen.", sentence: "De schoolgids beschrijft wat ouders en school van elkaar mogen verwachten." },
  management: { level: 1, note: "Nog geen visie op ouderbetrokkenheid.", sentence: "De schoolleiding schrijft dit jaar een visie op ouderbetrokkenheid." },
};
const THIS_YEAR: Plan = {
  bestaansrecht: { level: 2, note: "Enquête onder ouders in oktober; uitkomst besproken in het team.", sentence: "We vroegen ouders wat ze nodig hebben en geven ze meer duidelijkheid." },
  leefbaarheid: { level: 3, note: "Mentoren leerjaar 1 en 2 hebben een uur per week voor ouders.", sentence: "Mentoren van de onderbouw hebben vaste tijd voor contact met ouders." },
  inrichting: { level: 3, note: "Huisbezoeken in leerjaar 1; alle mentoren hebben een eigen e-mailadres.", sentence: "Mentoren gaan op huisbezoek in leerjaar 1 en zijn per e-mail bereikbaar." },
  management: { level: 2, note: "Visie staat in de schoolgids; evaluatie in juni.", sentence: "Onze visie op ouderbetrokkenheid staat in de schoolgids en op de website." },
};

export async function writeDemoSelfAssessment(db: PrismaClient, now: Date): Promise<void> {
  const leader = await db.roleMembership.findFirst({
    where: { role: "LEADER", user: { email: "leider@demo.test" } }, select: { userId: true, schoolId: true },
  });
  if (!leader?.schoolId) return;
  const current = schoolYearOf(dutchToday(now));
  const lastName = `${current.startsOn.getUTCFullYear() - 1}-${current.startsOn.getUTCFullYear()}`;
  const years = await db.schoolYear.findMany({ where: { name: { in: [lastName, current.name] } }, select: { id: true, name: true } });
  const DAY = 86_400_000;
  for (const [name, plan, publishedAt] of [
    [lastName, LAST_YEAR, new Date(now.getTime() - 300 * DAY)],
    [current.name, THIS_YEAR, new Date(now.getTime() - 7 * DAY)],
  ] as const) {
    const year = years.find((y) => y.name === name);
    if (!year) continue;
    await db.selfAssessment.create({
      data: {
        id: randomUUID(), schoolId: leader.schoolId, schoolYearId: year.id, updatedAt: publishedAt, updatedById: leader.userId,
        publishedAt, publishedById: leader.userId,
        scores: {
          create: Object.entries(plan).map(([domain, s]) => ({
            domain, level: s.level, note: s.note, sentence: s.sentence, publishedLevel: s.level, publishedSentence: s.sentence,
          })),
        },
      },
    });
  }
}
