import { writeAbsences } from "./absences";
import { writeNotifications } from "./notifications";

// Where the seeded messages point guardians for their settings (the demo's address).
const SETTINGS_URL = `${process.env.NEXTAUTH_URL ?? "http://localhost:3000"}/parent/settings`;
import { periodsOf, schoolCalendar, schoolDays } from "./calendar";
import { ContactWriter } from "./contacts";
import { placeDemoAccounts, type DemoAccounts } from "./demo-accounts";
import { FamilyFactory } from "./families";
import { newId } from "./ids";
import { writeIndicatorValues } from "./indicators";
import type { ClassInfo, SchoolState, SeedContext, SubjectInfo } from "./model";
import { writePeople } from "./people";
import { writeResults } from "./results";
import type { Rng } from "./random";
import { planClasses, type SchoolPlan } from "./schools";
import { StaffFactory } from "./staff";
import { classSubjects, subjectsOffered } from "./subjects";
import { newBuffers, type Buffers } from "./tables";

// Everything about one school, generated in memory and encoded into COPY
// buffers. Each part draws from its own fork of the school's Rng, so a change
// in one part leaves the others' data as it was.

function lessonsPerDay(rng: Rng, mbo: boolean): number[] {
  // Wednesday afternoons are short; MBO days are shorter overall.
  return [0, 1, 2, 3, 4].map((d) => (d === 2 ? rng.int(4, 6) : mbo ? rng.int(5, 7) : rng.int(6, 8)));
}

function buildState(ctx: SeedContext, plan: SchoolPlan, demo: DemoAccounts): SchoolState {
  const rng = ctx.rng.fork(`school/${plan.index}`);
  const current = ctx.years[ctx.years.length - 1];
  const subjects: SubjectInfo[] = subjectsOffered(plan.kind).map((s) => ({ ...s, id: newId() }));
  const byCode = new Map(subjects.map((s) => [s.code, s]));
  const periodIds = ctx.years.flatMap((year) => periodsOf(year.dates).map((p) => ({ ...p, id: newId(), yearId: year.id })));
  const staff = new StaffFactory(rng.fork("staff"), `${plan.slug}.demo.test`);
  const leader = staff.create(true);
  const families = new FamilyFactory(rng.fork("families"), ctx, plan.index + 1, leader.userId);
  const shape = rng.fork("classes");
  const parallel = new Map<string, number>();
  const classes: ClassInfo[] = planClasses(shape, plan).map((cp, i) => {
    // Parallel classes of a year and level follow different profiles or programmes.
    const key = `${cp.year}/${cp.track}`;
    const variant = (parallel.get(key) ?? plan.index) + 1;
    parallel.set(key, variant);
    const contactLevel = shape.weighted<number>([[0.3, 25], [1, 50], [2.5, 25]]);
    return {
      id: newId(),
      plan: cp,
      subjects: classSubjects(cp, variant).map((code) => byCode.get(code)!),
      mentor: staff.create(false),
      pupils: Array.from({ length: cp.size }, () => families.pupil(cp, i, current.dates.startYear)),
      lessonsPerDay: lessonsPerDay(shape, cp.track.startsWith("MBO")),
      contactLevel,
      positiveShare: contactLevel > 2 ? shape.between(0.55, 0.75) : shape.between(0.2, 0.5),
      heldStartMeetings: shape.chance(0.7),
    };
  });
  const state: SchoolState = {
    id: newId(),
    plan,
    leader,
    classes,
    subjects,
    periodIds,
    schoolDays: schoolDays(current.dates.startYear, plan.region, ctx.today),
  };
  placeDemoAccounts(ctx, state, demo, families);
  return state;
}

export type SchoolOutput = { buffers: Buffers; pupils: number };

export function generateSchool(ctx: SeedContext, plan: SchoolPlan, demo: DemoAccounts): SchoolOutput {
  const state = buildState(ctx, plan, demo);
  const rng = ctx.rng.fork(`school/${plan.index}/activity`);
  const buffers = newBuffers();
  const { policy, policyPublishedAt, ...details } = publicDetails(plan, rng.fork("details"), ctx.now);
  buffers.School.add({
    id: state.id, boardId: ctx.boardId, brin: plan.brin, locationCode: "00", name: plan.name, slug: plan.slug, city: plan.city,
    kind: plan.kind, levels: plan.levels, websiteUrl: `https://www.${plan.slug}.example`, gradeReleaseMode: plan.gradeReleaseMode,
    gradeReleaseTime: "17:00", createdAt: ctx.now, ...details,
  });
  if (policy) {
    // Version 1 of the policy, published two months ago (issue 19: the versions are the source).
    const versionId = newId();
    buffers.SchoolTextVersion.add({ id: versionId, schoolId: state.id, kind: "POLICY", number: 1, publishedAt: policyPublishedAt, createdAt: policyPublishedAt, updatedAt: policyPublishedAt });
    buffers.SchoolTextTranslation.add({ versionId, locale: "nl", body: policy });
  }
  for (const p of state.periodIds) {
    buffers.Period.add({ id: p.id, schoolId: state.id, schoolYearId: p.yearId, number: p.number, startsOn: p.startsOn, endsOn: p.endsOn });
  }
  for (const h of schoolCalendar(ctx.years[ctx.years.length - 1].dates.startYear, plan.region)) {
    buffers.SchoolHoliday.add({ id: newId(), schoolId: state.id, name: h.name, startsOn: h.startsOn, endsOn: h.endsOn });
  }
  for (const s of state.subjects) buffers.Subject.add({ id: s.id, schoolId: state.id, code: s.code, name: s.name });
  writePeople(ctx, state, buffers);
  if (plan.index === 0) {
    // verzuim@demo.test: the attendance officer (verzuimcoördinator) of the demo school.
    const userId = newId();
    buffers.User.add({
      id: userId, email: "verzuim@demo.test", passwordHash: ctx.passwordHash, name: "Fatima Bakker", locale: "nl", createdAt: ctx.now, updatedAt: ctx.now,
    });
    buffers.RoleMembership.add({ id: newId(), userId, role: "ATTENDANCE_OFFICER", schoolId: state.id, boardId: null, createdAt: ctx.now });
    buffers.Staff.add({
      id: newId(), userId, schoolId: state.id, phone: "06-55501234",
      contactHours: "Elke schooldag 8.00–9.00 uur telefonisch bereikbaar voor ziekmeldingen en verlof",
    });
  }
  const contacts = new ContactWriter(ctx, state, buffers);
  state.classes.forEach((cls, i) => {
    writeResults(ctx, state, cls, rng.fork(`results/${i}`), buffers);
    const recent = writeAbsences(ctx, state, cls, rng.fork(`absences/${i}`), buffers);
    writeNotifications(state, cls, recent, details.phone, SETTINGS_URL, buffers);
    contacts.writeClass(cls, rng.fork(`contacts/${i}`));
  });
  writeIndicatorValues(ctx, state, rng.fork("indicators"), buffers);
  return { buffers, pupils: plan.pupils };
}

const DENOMINATIONS = ["OPENBAAR", "OPENBAAR", "ROOMS_KATHOLIEK", "PROTESTANTS_CHRISTELIJK", "ALGEMEEN_BIJZONDER", "INTERCONFESSIONEEL", "ISLAMITISCH"] as const;
const STREETS = ["Schoolstraat", "Stationsweg", "Julianalaan", "Kerkplein", "Parkweg", "Dorpsstraat", "Lindenlaan", "Molenweg", "Beatrixpark", "Sportlaan"];

/** Address, denomination and the parent-involvement policy shown on the public profile. */
function publicDetails(plan: SchoolPlan, rng: Rng, now: number) {
  const policy = rng.chance(0.8)
    ? "Ouders en school werken samen aan de ontwikkeling van de leerling. De mentor is uw eerste aanspreekpunt: u mag altijd bellen of mailen, ook als er niets aan de hand is. " +
      "Drie keer per jaar is er een gesprek met ouders, leerling en mentor. Bij verzuim hoort u het dezelfde dag. Wij vragen ouders om thuis belangstelling te tonen voor school en om ons te laten weten als er iets speelt."
    : null;
  return {
    denomination: rng.pick(DENOMINATIONS),
    street: `${rng.pick(STREETS)} ${rng.int(1, 180)}`,
    postalCode: `${rng.int(1000, 9999)} ${String.fromCharCode(65 + rng.int(0, 25))}${String.fromCharCode(65 + rng.int(0, 25))}`,
    phone: `0${rng.int(10, 79)}-${rng.int(100, 999)} ${rng.int(10, 99)} ${rng.int(10, 99)}`,
    email: `info@${plan.slug}.example`,
    policy,
    policyPublishedAt: now - 60 * 86_400_000,
  };
}
