import { newId } from "./ids";
import { AGE_OF_MAJORITY, birthdayAt, type FamilyFactory } from "./families";
import { dayOf, momentAt, partsOf } from "./calendar";
import type { ClassInfo, GuardianInfo, LinkInfo, PupilInfo, SchoolState, SeedContext, StaffInfo } from "./model";
import type { Buffers } from "./tables";
import type { Level } from "./schools";
import type { Locale } from "../../lib/generated/prisma/enums";

// The accounts of the "demo data" contract (docs/architecture.md), placed
// into generated schools: school 0 (havo/vwo) holds child #1 and its staff
// and the pupil of 17, school 1 (vmbo) child #2, school 3 (mbo) the adult pupil.

export type DemoAccounts = {
  ouder: GuardianInfo;
  ouder2: GuardianInfo;
  ouder3: GuardianInfo;
  stiefouder: GuardianInfo;
  beperkt: GuardianInfo;
  ouder4: GuardianInfo;
  /** Parents who read Turkish, Polish and Ukrainian (issue 18): children in vmbo-k, havo and mbo. */
  ouderTr: GuardianInfo;
  ouderPl: GuardianInfo;
  ouderUk: GuardianInfo;
  leerlingUserId: string;
  leerling17UserId: string;
  beheerUserId: string;
};

function demoGuardian(email: string, firstName: string, lastName: string, extra: Partial<GuardianInfo> = {}): GuardianInfo {
  return {
    id: newId(), userId: newId(), email, name: { firstName, lastName }, sex: "female", locale: "nl",
    phone: "06-00000000", preferredChannel: "EMAIL", interpreterWanted: false, global: true, ...extra,
  };
}

export function createDemoAccounts(): DemoAccounts {
  return {
    ouder: demoGuardian("ouder@demo.test", "Sanne", "Visser", { phone: "06-31415926" }),
    ouder2: demoGuardian("ouder2@demo.test", "Youssef", "El Amrani", {
      sex: "male", locale: "ar", interpreterWanted: true, preferredChannel: "PHONE", phone: "06-27182818",
    }),
    ouder3: demoGuardian("ouder3@demo.test", "Petra", "Mulder", { phone: "06-16180339", preferredChannel: "APP" }),
    stiefouder: demoGuardian("stiefouder@demo.test", "Rob", "Hendriks", { sex: "male", phone: "06-14142135" }),
    beperkt: demoGuardian("beperkt@demo.test", "Erik", "de Groot", { sex: "male", phone: "06-17320508" }),
    ouder4: demoGuardian("ouder4@demo.test", "Mark", "Bakker", { sex: "male", phone: "06-22360679" }),
    ouderTr: demoGuardian("ouder-tr@demo.test", "Elif", "Yıldız", { locale: "tr", phone: "06-28657309", preferredChannel: "PHONE" }),
    ouderPl: demoGuardian("ouder-pl@demo.test", "Agnieszka", "Kowalska", { locale: "pl", phone: "06-30102999" }),
    ouderUk: demoGuardian("ouder-uk@demo.test", "Olena", "Kovalenko", { locale: "uk", phone: "06-11421356", interpreterWanted: true }),
    leerlingUserId: newId(),
    leerling17UserId: newId(),
    beheerUserId: newId(),
  };
}

/** Users and guardian profiles that belong to no single school. */
export function writeDemoAccounts(ctx: SeedContext, demo: DemoAccounts, buffers: Buffers): void {
  const user = (id: string, email: string, name: string, role: "PARENT" | "PUPIL" | "ADMIN", locale: Locale = "nl") =>
  {
    buffers.User.add({ id, email, name, locale, passwordHash: ctx.passwordHash, createdAt: ctx.now, updatedAt: ctx.now });
    buffers.RoleMembership.add({ id: newId(), userId: id, role, schoolId: null, boardId: role === "ADMIN" ? ctx.boardId : null, createdAt: ctx.now });
  };
  for (const g of [demo.ouder, demo.ouder2, demo.ouder3, demo.stiefouder, demo.beperkt, demo.ouder4, demo.ouderTr, demo.ouderPl, demo.ouderUk]) {
    user(g.userId, g.email, `${g.name.firstName} ${g.name.lastName}`, "PARENT", g.locale);
    buffers.Guardian.add({
      id: g.id, userId: g.userId, phone: g.phone, preferredChannel: g.preferredChannel, interpreterWanted: g.interpreterWanted,
      // The demo parents hear about absence by e-mail straight away (in their own language).
      alertChannel: "EMAIL", alertTiming: "IMMEDIATE",
    });
  }
  user(demo.leerlingUserId, "leerling@demo.test", "Sem Willems", "PUPIL");
  user(demo.leerling17UserId, "leerling17@demo.test", "Lina Bakker", "PUPIL");
  user(demo.beheerUserId, "beheer@demo.test", "Joost Hermans", "ADMIN");
}

/** An average pupil with one weak subject, so the parent pages show both passes and fails. */
const DEMO_CHILD: Partial<PupilInfo> = { ability: 6.8, trend: 0, everyAbsenceKind: true };

function parent(guardian: GuardianInfo, relationship: LinkInfo["relationship"], extra: Partial<LinkInfo> = {}): LinkInfo {
  return {
    guardian, relationship, hasParentalAuthority: true, restrictionReason: null, informationGrantedAt: null,
    informationGrantedBy: null, consentWithdrawnAt: null, ...extra,
  };
}

function rename(pupil: PupilInfo, firstName: string, lastName: string, sex: PupilInfo["sex"], links: LinkInfo[]): PupilInfo {
  return Object.assign(pupil, { firstName, lastName, sex, links, hardToReach: false, nearTruancyThreshold: false });
}

function restaff(staff: StaffInfo, email: string, firstName: string, lastName: string, phone: string, contactHours: string): void {
  Object.assign(staff, { email, name: { firstName, lastName }, phone, contactHours });
}

/** The first class from year 2 on, so the demo children have a history at the school. */
function pickClass(classes: ClassInfo[], except?: ClassInfo): ClassInfo {
  const candidates = classes.filter((c) => c !== except && c.pupils.length > 0);
  return candidates.find((c) => c.plan.year >= 2) ?? candidates[0];
}

export function placeDemoAccounts(ctx: SeedContext, school: SchoolState, demo: DemoAccounts, families: FamilyFactory): void {
  if (school.plan.index === 0) placeAtFirstSchool(ctx, school, demo, families);
  if (school.plan.index === 1) {
    const daansClass = pickClass(school.classes);
    const child2 = rename(daansClass.pupils[0], "Daan", "Visser", "male", [parent(demo.ouder, "MOTHER")]);
    Object.assign(child2, DEMO_CHILD, { weakSubject: "en" });
    placeLanguageParent(ctx, school, "VMBO_K", 2, [daansClass], demo.ouderTr, ["Emre", "Yıldız", "male"]);
  }
  if (school.plan.index === 3) {
    const taken = placeAdultPupil(ctx, school, demo, families);
    placeLanguageParent(ctx, school, "MBO_3", 1, [taken], demo.ouderUk, ["Maksym", "Kovalenko", "male"]);
  }
}

/**
 * ouder-tr@, ouder-pl@ and ouder-uk@demo.test (issue 18): one child each, in a
 * class of the given track (vmbo-k, havo, mbo), never a class another demo
 * account uses. The child is 13–16, so the parent sees everything.
 */
function placeLanguageParent(
  ctx: SeedContext, school: SchoolState, track: Level, year: number, taken: (ClassInfo | undefined)[], guardian: GuardianInfo, [firstName, lastName, sex]: [string, string, PupilInfo["sex"]],
): void {
  const ofTrack = school.classes.filter((c) => !taken.includes(c) && c.plan.track === track && c.pupils.length > 2);
  const cls = ofTrack.find((c) => c.plan.year === year) ?? ofTrack[0];
  if (!cls) return;
  const child = rename(cls.pupils[1], firstName, lastName, sex, [parent(guardian, "MOTHER")]);
  Object.assign(child, DEMO_CHILD);
  const { year: thisYear, month, date } = partsOf(ctx.today - 120);
  child.birthDate = dayOf(thisYear - (12 + cls.plan.year + (track.startsWith("MBO") ? 3 : 0)), month, Math.min(date, 28));
}

function placeAtFirstSchool(ctx: SeedContext, school: SchoolState, demo: DemoAccounts, families: FamilyFactory): void {
  const classA = pickClass(school.classes);
  const classB = pickClass(school.classes, classA);
  const classC = school.classes.find((c) => c !== classA && c !== classB && c.pupils.length > 0);
  restaff(classA.mentor, "mentor@demo.test", "Marieke", "Jansen", "06-24681357",
    "Di en do 8.00–8.20 uur telefonisch; mail kan altijd, antwoord binnen 2 schooldagen");
  restaff(classB.mentor, "mentor2@demo.test", "Thomas", "Kok", "06-13579246",
    "Do 15.30–16.30 uur telefonisch spreekuur; mail kan altijd");
  restaff(school.leader, "leider@demo.test", "Annelies", "van den Berg", "06-11223344",
    "Afspraak maken via het secretariaat, of mail; antwoord binnen 2 schooldagen");
  const [first, second, third] = [0, 1, 2].map((i) => classA.pupils[Math.min(i, classA.pupils.length - 1)]);

  const child1 = rename(first, "Noor", "El Amrani", "female", [parent(demo.ouder, "MOTHER"), parent(demo.ouder2, "FATHER")]);
  Object.assign(child1, DEMO_CHILD, { weakSubject: "wi" });
  // A year older than her classmates (she repeated a year), so she is also older
  // than Daan and comes first wherever children are listed oldest first.
  const born = partsOf(child1.birthDate);
  child1.birthDate = dayOf(born.year - 1, born.month, Math.min(born.date, 28));
  child1.scriptedContacts = [
    { schoolDaysAgo: 55, kind: "CONFERENCE", initiatedBy: "SCHOOL", tone: "NEUTRAL", guardians: [demo.ouder, demo.ouder2],
      summary: "Startgesprek met Noor, haar moeder en haar vader (met tolk Arabisch). Afgesproken: Noor plant haar huiswerk in de agenda en meldt het als ze ergens vastloopt." },
    { schoolDaysAgo: 15, kind: "PHONE_CALL", initiatedBy: "SCHOOL", tone: "CONCERN", guardians: [demo.ouder], followUpInDays: 21,
      summary: "Gebeld over de cijfers voor wiskunde: Noor staat onvoldoende. Afgesproken dat ze op dinsdag naar de wiskundebijles gaat; over drie weken bellen we weer.",
      internalNote: "Bijles aangevraagd bij de sectie wiskunde." },
    { schoolDaysAgo: 4, kind: "MESSAGE", initiatedBy: "SCHOOL", tone: "POSITIVE", guardians: [demo.ouder, demo.ouder2],
      summary: "Compliment: Noor heeft deze week een heel goede presentatie gegeven bij Nederlands. Fijn om te zien hoe ze groeit!" },
  ];

  if (second !== first) {
    const mother = families.guardian("dutch", "female", "Smit");
    rename(second, "Lotte", "Smit", "female", [
      parent(mother, "MOTHER"),
      parent(demo.stiefouder, "OTHER", { hasParentalAuthority: false }),
    ]);
  }
  if (third !== second) {
    const mother = families.guardian("dutch", "female", "Bos");
    rename(third, "Milan", "de Groot", "male", [
      parent(mother, "MOTHER"),
      parent(demo.beperkt, "FATHER", {
        restrictionReason: "Beschikking kinderrechter (ondertoezichtstelling): informatie alleen via de jeugdbeschermer",
      }),
    ]);
  }
  rename(classB.pupils[0], "Fleur", "Mulder", "female", [parent(demo.ouder3, "MOTHER")]);
  if (classC && classB.pupils.length > 1) placeTeacherParent(classC, classB.pupils[1], families);
  const class17 = placePupilOf17(ctx, school, [classA, classB, classC], demo, families);
  placeLanguageParent(ctx, school, "HAVO", 3, [classA, classB, classC, class17], demo.ouderPl, ["Zofia", "Kowalska", "female"]);
  // The 16-hour list of the demo school (verzuim@demo.test): two pupils over, two near it.
  const truants = [...school.classes].reverse().flatMap((c) => c.pupils.slice(-1)).slice(0, 4);
  truants.forEach((pupil, i) => Object.assign(pupil, { nearTruancyThreshold: true, truancyHours: [22, 20, 14, 12.5][i] }));
}

/**
 * docent@demo.test: a teacher at the first school who mentors a class and
 * whose own daughter sits in mentor2@'s class — one account, two roles
 * (mentor and parent), to show and test the role switch.
 */
function placeTeacherParent(classC: ClassInfo, child: PupilInfo, families: FamilyFactory): void {
  restaff(classC.mentor, "docent@demo.test", "Karim", "Yilmaz", "06-19283746", "Ma en wo 15.30–16.00 uur telefonisch; mail kan altijd");
  const teacher: GuardianInfo = {
    id: newId(), userId: classC.mentor.userId, email: "docent@demo.test", name: { firstName: "Karim", lastName: "Yilmaz" }, sex: "male",
    locale: "nl", phone: "06-19283746", preferredChannel: "EMAIL", interpreterWanted: false, staffAccount: true,
  };
  rename(child, "Ayla", "Yilmaz", "female", [parent(families.guardian("dutch", "female", "Yilmaz"), "MOTHER"), parent(teacher, "FATHER")]);
}

/** leerling@demo.test turns 19 today; the pupil let one guardian keep looking and refused the other (decision 0022). */
function placeAdultPupil(ctx: SeedContext, school: SchoolState, demo: DemoAccounts, families: FamilyFactory): ClassInfo {
  const cls = pickClass(school.classes);
  const pupil = cls.pupils[0];
  const { year, month, date } = partsOf(ctx.today);
  pupil.birthDate = dayOf(year - 19, month, month === 2 && date === 29 ? 28 : date);
  pupil.userId = demo.leerlingUserId;
  const adultOn = birthdayAt(pupil.birthDate, AGE_OF_MAJORITY);
  rename(pupil, "Sem", "Willems", "male", [
    parent(families.guardian("dutch", "female", "Willems"), "MOTHER", { hasParentalAuthority: false, consentGrantedAt: momentAt(adultOn, 9 * 60) }),
    parent(families.guardian("dutch", "male", "Willems"), "FATHER", { hasParentalAuthority: false, consentWithdrawnAt: momentAt(ctx.today - 40, 20 * 60) }),
  ]);
  return cls;
}

/**
 * leerling17@demo.test: a pupil of 17 at the first school (18 in two months),
 * in an upper class. Her father ouder4@demo.test has parental authority and
 * sees that and when she was absent, not the reasons she gave; she shares
 * them with her mother only (decision 0023).
 */
function placePupilOf17(ctx: SeedContext, school: SchoolState, taken: (ClassInfo | undefined)[], demo: DemoAccounts, families: FamilyFactory): ClassInfo | undefined {
  const free = school.classes.filter((c) => !taken.includes(c) && c.pupils.length > 1);
  const cls = free.find((c) => c.plan.year >= 5) ?? free.at(-1);
  if (!cls) return undefined;
  const pupil = cls.pupils[0];
  const { year, month, date } = partsOf(ctx.today + 60);
  pupil.birthDate = dayOf(year - 18, month, month === 2 && date === 29 ? 28 : date);
  pupil.userId = demo.leerling17UserId;
  rename(pupil, "Lina", "Bakker", "female", [
    parent(demo.ouder4, "FATHER"),
    parent(families.guardian("dutch", "female", "Bakker"), "MOTHER", { reasonsSharedAt: momentAt(ctx.today - 20, 19 * 60) }),
  ]);
  pupil.scriptedAbsences = [
    { schoolDaysAgo: 1, hour: 3, kind: "UNAUTHORISED", minutes: 50, pupilReason: "Ik was bij een vriendin die het moeilijk had" },
    { schoolDaysAgo: 4, hour: 1, kind: "LATE", minutes: 10, pupilReason: "Verslapen" },
  ];
  return cls;
}
