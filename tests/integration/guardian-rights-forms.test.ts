import { beforeAll, describe, expect, it } from "vitest";
import { randomUUID } from "node:crypto";
import { db, sqlRows } from "@/lib/db/client";
import { guardianRights, rightsMoment, schoolMayInvolve, seesAnything, type GuardianRights, type LinkFacts } from "@/lib/auth/guardian-rights";
import { linkWhere, rightsSql, type LinkRight } from "@/lib/auth/guardian-rights-forms";
import { pupilScope, visibleLinkSql } from "@/lib/auth/scope";
import { actorOf, createClass, createSchool, createUser } from "@/tests/factories";

// The one rule has three forms: the TypeScript function the pages and messages
// ask, the Prisma `where` the queries use, and the SQL the hand-written
// statements use. For every combination of a link's facts and the pupil's age
// around the 16th and 18th birthdays, all three give the same answer for every
// right. The moment is 00:30 in Amsterdam, still the previous day in UTC.

const NOW = new Date("2026-12-07T23:30:00Z");
const TODAY = new Date(Date.UTC(2026, 11, 8));
const DAY = 86_400_000;
const years = (n: number, plusDays = 0) => new Date(Date.UTC(2026 - n, 11, 8) + plusDays * DAY);

const AGES: Record<string, Date> = {
  "15": years(15, -40), "16 today": years(16), "16 tomorrow": years(16, 1), "17": years(17, -100),
  "18 today": years(18), "18 tomorrow": years(18, 1), "25": years(25, -3),
};
const GRANTS: Record<string, Partial<LinkFacts>> = {
  none: {},
  results: { informationGrantedAt: new Date(TODAY.getTime() - 9 * DAY), informationCategories: ["RESULTS"], informationUntil: null },
  absences: { informationGrantedAt: new Date(TODAY.getTime() - 9 * DAY), informationCategories: ["ABSENCES"], informationUntil: new Date(TODAY.getTime() + 30 * DAY) },
  both: { informationGrantedAt: new Date(TODAY.getTime() - 9 * DAY), informationCategories: ["RESULTS", "ABSENCES"], informationUntil: TODAY },
  ended: { informationGrantedAt: new Date(TODAY.getTime() - 9 * DAY), informationCategories: ["RESULTS", "ABSENCES"], informationUntil: new Date(TODAY.getTime() - DAY) },
  empty: { informationGrantedAt: new Date(TODAY.getTime() - 9 * DAY), informationCategories: [], informationUntil: null },
};

const TS: Record<LinkRight, (r: GuardianRights, facts: LinkFacts, birthDate: Date) => boolean> = {
  any: (r) => seesAnything(r),
  results: (r) => r.see.results,
  absences: (r) => r.see.absences,
  absenceReasons: (r) => r.see.absenceReasons,
  contacts: (r) => r.see.contacts,
  mentor: (r) => r.see.mentor,
  absenceAlerts: (r) => r.receive.absenceAlerts,
  otherMessages: (r) => r.receive.otherMessages,
  book: (r) => r.book,
  reportSick: (r) => r.reportSick,
  ask: (r) => r.mayAsk,
  involve: (_, facts, birthDate) => schoolMayInvolve(facts, birthDate, NOW),
};

let guardianId: string;
let guardianUserId: string;
const cases: { pupilId: string; facts: LinkFacts; birthDate: Date; label: string }[] = [];

beforeAll(async () => {
  const { school, schoolYear } = await createSchool();
  const classGroup = await createClass(school.id, schoolYear.id);
  const user = await createUser("PARENT");
  guardianUserId = user.id;
  guardianId = (await db.guardian.create({ data: { userId: user.id } })).id;
  for (const [age, birthDate] of Object.entries(AGES))
    for (const [grant, grantFacts] of Object.entries(GRANTS))
      for (const hasParentalAuthority of [true, false])
        for (const accessRestricted of [false, true])
          for (const consentGrantedAt of [null, new Date(TODAY.getTime() - 5 * DAY)])
            for (const reasonsSharedAt of [null, new Date(TODAY.getTime() - 2 * DAY)]) {
              const facts: LinkFacts = {
                hasParentalAuthority, accessRestricted, informationGrantedAt: null, informationCategories: [], informationUntil: null,
                consentGrantedAt, reasonsSharedAt, ...grantFacts,
              };
              cases.push({ pupilId: randomUUID(), facts, birthDate, label: `${age}/${grant}/${hasParentalAuthority}/${accessRestricted}/${!!consentGrantedAt}/${!!reasonsSharedAt}` });
            }
  await db.pupil.createMany({
    data: cases.map((c, i) => ({ id: c.pupilId, schoolId: school.id, classGroupId: classGroup.id, studentNumber: `r${i}-${c.pupilId.slice(0, 6)}`, firstName: "Kim", lastName: `Case ${i}`, birthDate: c.birthDate })),
  });
  await db.guardianLink.createMany({
    data: cases.map((c) => ({ guardianId, pupilId: c.pupilId, relationship: "OTHER" as const, ...c.facts, informationCategories: [...c.facts.informationCategories] })),
  });
});

describe("the rule's three forms", () => {
  it(`agree for every right, for all ${7 * 6 * 2 * 2 * 2 * 2} combinations`, async () => {
    const ids = cases.map((c) => c.pupilId);
    const at = rightsMoment(NOW);
    expect(at.today).toEqual(TODAY);
    for (const right of Object.keys(TS) as LinkRight[]) {
      const viaTs = cases.filter((c) => TS[right](guardianRights(c.facts, c.birthDate, NOW), c.facts, c.birthDate)).map((c) => c.pupilId).sort();
      const viaPrisma = (await db.guardianLink.findMany({ where: { guardianId, pupilId: { in: ids }, ...linkWhere(right, at) }, select: { pupilId: true } }))
        .map((l) => l.pupilId).sort();
      const viaSql = (await sqlRows<{ id: string }>(
        `SELECT p.id FROM "Pupil" p JOIN "GuardianLink" l ON l."pupilId" = p.id WHERE l."guardianId" = $1 AND p.id = ANY($2::text[]) AND ${rightsSql("l", "p", "$3")[right]}`,
        [guardianId, ids, "2026-12-08"],
      )).map((r) => r.id).sort();
      const label = (id: string) => cases.find((c) => c.pupilId === id)!.label;
      expect({ right, onlyPrisma: viaPrisma.filter((id) => !viaTs.includes(id)).map(label), onlyTs: viaTs.filter((id) => !viaPrisma.includes(id)).map(label) })
        .toEqual({ right, onlyPrisma: [], onlyTs: [] });
      expect({ right, onlySql: viaSql.filter((id) => !viaTs.includes(id)).map(label), onlyTs: viaTs.filter((id) => !viaSql.includes(id)).map(label) })
        .toEqual({ right, onlySql: [], onlyTs: [] });
      // Each right is granted to some links and refused to others: the comparison means something.
      expect({ right, some: viaTs.length > 0, notAll: viaTs.length < cases.length }).toEqual({ right, some: true, notAll: true });
    }
  });

  it("is what a parent's scope and the SQL form of the child page's check use", async () => {
    const at = rightsMoment(NOW);
    const expected = cases.filter((c) => seesAnything(guardianRights(c.facts, c.birthDate, at))).map((c) => c.pupilId).sort();
    const viaSql = (await sqlRows<{ id: string }>(`SELECT p.id FROM "Pupil" p WHERE p.id = ANY($1::text[]) AND ${visibleLinkSql("p", "$2", "$3")}`, [cases.map((c) => c.pupilId), guardianId, "2026-12-08"]))
      .map((r) => r.id).sort();
    expect(viaSql).toEqual(expected);
    // pupilScope reads the clock itself; compare on today's answer.
    const parent = await actorOf(guardianUserId);
    const today = cases.filter((c) => seesAnything(guardianRights(c.facts, c.birthDate, new Date()))).map((c) => c.pupilId).sort();
    const viaScope = (await db.pupil.findMany({ where: { id: { in: cases.map((c) => c.pupilId) }, ...pupilScope(parent) }, select: { id: true } })).map((p) => p.id).sort();
    expect(viaScope).toEqual(today);
  });
});
