import type { ContactChannel, Locale, Relationship } from "../../lib/generated/prisma/enums";
import { dayOf, momentAt, partsOf, type Day } from "./calendar";
import { newId } from "./ids";
import type { GuardianInfo, LinkInfo, PupilInfo, SeedContext } from "./model";
import { asciiWord, FAMILY_ORIGINS, forSex, lastName, personName, pickSex, firstName, type Origin, type Sex } from "./names";
import type { Rng, Weighted } from "./random";
import type { ClassPlan } from "./schools";
import { mobileNumber } from "./staff";

// Pupils with one or two guardians: two-parent families, separated parents
// (sometimes one without parental authority, rarely one the school may not
// inform), single parents, foster carers and step-parents, and siblings who
// share their guardians.

type Member = { guardian: GuardianInfo; relationship: Relationship; authority: boolean; restriction: string | null; granted: boolean };
type Family = { origin: Origin; childLastName: string; members: Member[]; classes: Set<number> };

const LOCALES: Record<Origin, Weighted<Locale>> = {
  dutch: [["nl", 97], ["en", 3]],
  turkish: [["nl", 70], ["tr", 25], ["en", 5]],
  moroccan: [["nl", 60], ["ar", 40]],
  polish: [["nl", 35], ["pl", 50], ["en", 15]],
  ukrainian: [["nl", 20], ["uk", 65], ["en", 15]],
};
const CHANNELS: Weighted<ContactChannel> = [["EMAIL", 55], ["APP", 25], ["SMS", 10], ["PHONE", 10]];
const SHAPES: Weighted<"together" | "separated" | "mother" | "father" | "foster" | "step"> = [
  ["together", 70], ["separated", 10], ["mother", 13], ["father", 3], ["foster", 2], ["step", 2],
];

export const AGE_OF_MAJORITY = 18;

export function restrictionReason(rng: Rng): string {
  return rng.pick([
    `Beschikking rechtbank: geen informatie aan deze ouder (zaaknummer C/16/${rng.int(400000, 599999)})`,
    "Ondertoezichtstelling: informatie loopt via de jeugdbeschermer",
    "Besluit school: informatie niet in het belang van het kind (art. 1:377c lid 2 BW)",
  ]);
}

/** Cohorts run from 1 October to 30 September; some pupils are a year or two older. */
function birthDateFor(rng: Rng, plan: ClassPlan, startYear: number): Day {
  const mbo = plan.track.startsWith("MBO");
  const older = mbo
    ? Math.min(rng.weighted<number>([[0, 60], [1, 30], [2, 10]]), Math.max(0, 4 - plan.year))
    : plan.year >= 2 && rng.chance(0.07) ? 1 : 0;
  const bornBy = startYear - (mbo ? 16 : 12) - (plan.year - 1) - older;
  return rng.int(dayOf(bornBy - 1, 10, 1), dayOf(bornBy, 9, 30));
}

export function birthdayAt(birthDate: Day, age: number): Day {
  const { year, month, date } = partsOf(birthDate);
  return dayOf(year + age, month, Math.min(date, month === 2 ? 28 : date));
}

export class FamilyFactory {
  private readonly families: Family[] = [];
  private readonly studentNumbers = new Set<string>();
  private emailCount = 0;

  constructor(
    private readonly rng: Rng,
    private readonly ctx: SeedContext,
    private readonly schoolNumber: number,
    private readonly leaderUserId: string,
  ) {}

  guardian(origin: Origin, sex: Sex, surname?: string): GuardianInfo {
    const rng = this.rng;
    const name = surname
      ? { firstName: firstName(rng, origin, sex, true), lastName: forSex(surname, sex) }
      : personName(rng, origin, sex, true);
    const locale = rng.weighted(LOCALES[origin]);
    this.emailCount += 1;
    return {
      id: newId(),
      userId: newId(),
      name,
      sex,
      email: `${asciiWord(name.firstName)}.${asciiWord(name.lastName)}${this.emailCount}@s${this.schoolNumber}.ouders.demo.test`,
      locale,
      phone: mobileNumber(rng),
      preferredChannel: rng.weighted(CHANNELS),
      interpreterWanted: locale !== "nl" && rng.chance(0.35),
    };
  }

  private newFamily(): Family {
    const rng = this.rng;
    const origin = rng.weighted(FAMILY_ORIGINS);
    const shape = rng.weighted(SHAPES);
    const member = (guardian: GuardianInfo, relationship: Relationship, authority = true): Member =>
      ({ guardian, relationship, authority, restriction: null, granted: false });
    if (shape === "foster") {
      const carer = member(this.guardian("dutch", "female"), "CARER", false);
      carer.granted = true;
      return { origin, childLastName: lastName(rng, origin), members: [carer], classes: new Set() };
    }
    // The other parent is sometimes of another origin, mostly Dutch.
    const fatherOrigin = origin !== "dutch" && rng.chance(0.1) ? "dutch" : origin;
    const father = this.guardian(fatherOrigin, "male");
    const mother = this.guardian(origin, "female");
    // A step-parent's child carries the name of a parent who is not a guardian here.
    const childLastName = shape !== "step" && rng.chance(0.85) ? father.name.lastName : lastName(rng, origin);
    const members: Member[] = [];
    if (shape !== "father") members.push(member(mother, "MOTHER"));
    if (shape === "together" || shape === "separated" || shape === "father") members.push(member(father, "FATHER"));
    if (shape === "step") members.push({ ...member(father, "OTHER", false), granted: rng.chance(0.4) });
    if (shape === "separated") {
      const other = members[1];
      if (rng.chance(0.1)) {
        other.authority = false;
        other.granted = rng.chance(0.5);
      } else if (rng.chance(0.04)) {
        other.restriction = restrictionReason(rng);
      }
    }
    return { origin, childLastName: forSex(childLastName, "male"), members, classes: new Set() };
  }

  private studentNumber(): string {
    let number = "";
    while (number === "" || this.studentNumbers.has(number)) number = String(this.rng.int(100000, 999999));
    this.studentNumbers.add(number);
    return number;
  }

  pupil(plan: ClassPlan, classIndex: number, startYear: number): PupilInfo {
    const rng = this.rng;
    const siblingOf = this.families.length > 0 && rng.chance(0.07) ? rng.pick(this.families) : null;
    const family = siblingOf && !siblingOf.classes.has(classIndex) ? siblingOf : this.newFamily();
    if (family !== siblingOf) this.families.push(family);
    family.classes.add(classIndex);
    const sex = pickSex(rng);
    const birthDate = birthDateFor(rng, plan, startYear);
    const enrolledOn = dayOf(startYear - (plan.year - 1), 8, 1);
    const struggling = rng.chance(0.05);
    const older = plan.year >= 3 || plan.track.startsWith("MBO");
    const pupil: PupilInfo = {
      id: newId(),
      studentNumber: this.studentNumber(),
      firstName: firstName(rng, family.origin, sex, false),
      lastName: forSex(family.childLastName, sex),
      sex,
      origin: family.origin,
      birthDate,
      userId: null,
      enrolledOn,
      links: [],
      ability: Math.min(9.3, Math.max(3.5, struggling ? rng.normal(5.2, 0.4) : rng.normal(6.75, 0.7))),
      trend: rng.normal(0, 0.5),
      weakSubject: null,
      sickness: rng.logNormal(0, 0.8),
      lateness: rng.logNormal(0, 1),
      truancy: rng.chance(0.7) ? 0.05 : rng.logNormal(0, 1) * (older ? 1.6 : 1),
      nearTruancyThreshold: rng.chance(0.006),
      hardToReach: rng.chance(0.1),
      everyAbsenceKind: false,
      scriptedContacts: [],
    };
    pupil.links = family.members.map((m) => this.link(m, pupil));
    return pupil;
  }

  /**
   * Parental authority ends at 18. Such a pupil's guardians keep access with
   * the pupil's consent (from the 18th birthday; decision 0022), which some
   * pupils withdraw. Information granted to a guardian without authority
   * (art. 1:377c BW) covers results and absences until the school year ends.
   */
  link(member: Member, pupil: PupilInfo): LinkInfo {
    const rng = this.rng;
    const today = this.ctx.today;
    const adultOn = birthdayAt(pupil.birthDate, AGE_OF_MAJORITY);
    const grantedOn = Math.min(pupil.enrolledOn + rng.int(10, 200), today - 1);
    const base: LinkInfo = {
      guardian: member.guardian,
      relationship: member.relationship,
      hasParentalAuthority: member.authority,
      restrictionReason: member.restriction,
      informationGrantedAt: member.granted ? momentAt(grantedOn, 10 * 60) : null,
      informationGrantedBy: member.granted ? this.leaderUserId : null,
      informationCategories: member.granted ? ["RESULTS", "ABSENCES"] : [],
      informationUntil: member.granted ? this.ctx.years.at(-1)!.dates.endsOn : null,
      consentWithdrawnAt: null,
    };
    if (adultOn > today) return base;
    if (member.restriction) return { ...base, hasParentalAuthority: false };
    const withdrawn = rng.chance(0.08) ? rng.int(adultOn, today) : null;
    const withdrawnAt = withdrawn !== null && withdrawn < today ? momentAt(withdrawn, 20 * 60) : null;
    return {
      ...base,
      hasParentalAuthority: false,
      informationGrantedAt: null,
      informationGrantedBy: null,
      informationCategories: [],
      informationUntil: null,
      consentGrantedAt: withdrawnAt === null ? momentAt(Math.max(adultOn, pupil.enrolledOn), 9 * 60) : null,
      consentWithdrawnAt: withdrawnAt,
    };
  }
}
