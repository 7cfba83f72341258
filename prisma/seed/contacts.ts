import type { ContactKind, InitiatedBy, Tone } from "../../lib/generated/prisma/enums";
import { dateOf, momentAt, type Day } from "./calendar";
import { linkFacts } from "./people";
import { guardianRights, seesAnything } from "../../lib/auth/guardian-rights";
import { newId } from "./ids";
import type { ClassInfo, GuardianInfo, PupilInfo, ScriptedContact, SchoolState, SeedContext, StaffInfo } from "./model";
import type { Rng, Weighted } from "./random";
import type { Buffers } from "./tables";

// Contact moments between mentor and parents. Some mentors call a lot and
// mostly with good news, others hardly at all; pupils who struggle or skip
// lessons draw concerned calls; some families are never reached.

const SUMMARIES: Record<Tone, Record<InitiatedBy, string[]>> = {
  POSITIVE: {
    SCHOOL: [
      "Compliment: {naam} werkt de laatste weken heel geconcentreerd in de les.",
      "Even laten weten dat {naam} een mooi cijfer voor {vak} heeft gehaald. Goed gedaan!",
      "{naam} helpt klasgenoten vaak; dat valt de docenten op. Fijn!",
      "{naam} heeft een sterke presentatie gegeven bij {vak}.",
      "Gebeld om te vertellen dat het met {naam} goed gaat in de klas.",
    ],
    PARENT: [
      "Ouder liet weten dat {naam} het erg naar de zin heeft op school.",
      "Ouder bedankte voor de hulp bij het plannen van de toetsweek.",
    ],
  },
  NEUTRAL: {
    SCHOOL: [
      "Informatie gegeven over de ouderavond en het inschrijven voor de tienminutengesprekken.",
      "Afspraak gemaakt over het inhalen van de gemiste toets voor {vak}.",
      "Gevraagd hoe het plannen van huiswerk thuis gaat; dat gaat goed.",
    ],
    PARENT: [
      "Vraag over het cijfer voor {vak} beantwoord en uitgelegd hoe de weging werkt.",
      "Vraag over de excursie en de kosten beantwoord.",
      "Ouder gaf een nieuw telefoonnummer door; doorgegeven aan de administratie.",
      "Vraag over de keuze van vakken voor volgend jaar beantwoord; verwezen naar de decaan.",
    ],
  },
  CONCERN: {
    SCHOOL: [
      "{naam} lijkt niet lekker in het vel te zitten. Besproken hoe we samen kunnen helpen.",
      "Huiswerk is de laatste weken vaak niet gemaakt. Afspraak: {naam} laat elke vrijdag de planner zien.",
    ],
    PARENT: [
      "Ouder maakt zich zorgen over de sfeer in de klas. Afgesproken dat de mentor met de klas in gesprek gaat.",
      "Ouder maakt zich zorgen over het aantal toetsen deze maand; samen gekeken hoe {naam} kan plannen.",
    ],
  },
};
const GRADES_CONCERN = "Zorgen over de cijfers voor {vak} besproken. Afgesproken dat {naam} naar de huiswerkbegeleiding gaat.";
const TRUANCY_CONCERN = "Ongeoorloofd verzuim van {naam} besproken. Afgesproken dat ouders de school bellen bij ziekte en dat we over twee weken opnieuw kijken.";
const START_MEETINGS = [
  "Startgesprek: kennismaking met {naam} en ouders. Besproken hoe het schooljaar is begonnen en wat {naam} nodig heeft.",
  "Startgesprek: {naam} vertelde wat goed gaat en waar extra hulp nodig is. Afgesproken hoe we contact houden.",
];
const INTERNAL_NOTES = ["Besproken in de leerlingbespreking.", "Zorgcoördinator op de hoogte gebracht.", "Ouder was moeilijk bereikbaar; twee keer gebeld.", "Bij aanhoudend verzuim de leerplichtambtenaar informeren."];
const KINDS: Record<Tone, Weighted<ContactKind>> = {
  POSITIVE: [["PHONE_CALL", 35], ["MESSAGE", 30], ["EMAIL", 20], ["INFORMAL", 15]],
  NEUTRAL: [["EMAIL", 35], ["PHONE_CALL", 25], ["MESSAGE", 20], ["INFORMAL", 10], ["CONFERENCE", 10]],
  CONCERN: [["PHONE_CALL", 45], ["CONFERENCE", 25], ["EMAIL", 15], ["MESSAGE", 10], ["HOME_VISIT", 5]],
};

/** Subject names are lower case in running Dutch text, except languages and abbreviations. */
function inSentence(cls: ClassInfo, code: string | null, rng: Rng): string {
  const subject = cls.subjects.find((s) => s.code === code) ?? rng.pick(cls.subjects);
  return subject.family === "language" || /^[A-Z]{2,}/.test(subject.name) ? subject.name : subject.name.charAt(0).toLowerCase() + subject.name.slice(1);
}

/** Guardians the school talks to: those who may see anything of the pupil now (the one rule). */
function reachable(pupil: PupilInfo, now: number): GuardianInfo[] {
  return pupil.links
    .filter((l) => seesAnything(guardianRights(linkFacts(l), dateOf(pupil.birthDate), new Date(now))))
    .map((l) => l.guardian);
}

export class ContactWriter {
  private count = 0;

  constructor(
    private readonly ctx: SeedContext,
    private readonly school: SchoolState,
    private readonly buffers: Buffers,
  ) {}

  private write(pupil: PupilInfo, staff: StaffInfo, day: Day, c: Omit<ScriptedContact, "schoolDaysAgo">, rng: Rng): void {
    if (c.guardians.length === 0) return;
    const id = newId();
    this.count += 1;
    const written = c.kind === "EMAIL" || c.kind === "MESSAGE";
    const at = momentAt(day, written ? rng.int(8 * 60, 21 * 60 + 30) : rng.int(8 * 60 + 30, 17 * 60));
    this.buffers.ContactMoment.add({
      id, pupilId: pupil.id, staffId: staff.id, kind: c.kind, initiatedBy: c.initiatedBy, tone: c.tone, summary: c.summary,
      internalNote: c.internalNote ?? null, occurredOn: day, followUpOn: c.followUpInDays ? day + c.followUpInDays : null,
      idempotencyKey: `seed-${this.school.plan.index + 1}-${this.count}`, createdAt: Math.min(at, this.ctx.now),
    });
    for (const g of new Set(c.guardians)) this.buffers.ContactMomentGuardian.add({ contactMomentId: id, guardianId: g.id });
  }

  writeClass(cls: ClassInfo, rng: Rng): void {
    const days = this.school.schoolDays.filter((d) => d < this.ctx.today);
    if (days.length === 0) return;
    for (const pupil of cls.pupils) {
      const guardians = reachable(pupil, this.ctx.now);
      const fill = (text: string, subjectCode: string | null = null) =>
        text.replaceAll("{naam}", pupil.firstName).replace("{vak}", inSentence(cls, subjectCode, rng));
      const some = () => (rng.chance(0.7) ? guardians.slice(0, 1) : guardians);
      if (pupil.scriptedContacts.length > 0) {
        // A demo family's history is told as written, without random extras.
        for (const s of pupil.scriptedContacts) this.write(pupil, cls.mentor, days[Math.max(0, days.length - 1 - s.schoolDaysAgo)], s, rng);
        continue;
      }
      if (pupil.hardToReach) continue;
      if (cls.heldStartMeetings && days.length > 10) {
        const tone: Tone = rng.chance(0.35) ? "POSITIVE" : "NEUTRAL";
        const day = days[rng.int(5, Math.min(25, days.length - 1))];
        this.write(pupil, cls.mentor, day, { kind: "CONFERENCE", initiatedBy: "SCHOOL", tone, summary: fill(rng.pick(START_MEETINGS)), guardians }, rng);
      }
      const struggling = pupil.ability < 5.8 || pupil.weakSubject !== null;
      const skipping = pupil.nearTruancyThreshold || pupil.truancy > 2.5;
      const need = 1 + (struggling ? 1 : 0) + (skipping ? 2 : 0);
      const count = rng.poisson((cls.contactLevel * need * days.length) / 65);
      for (let n = 0; n < count; n++) {
        const tone: Tone = rng.chance(need > 1 ? 0.5 : 0.1) ? "CONCERN" : rng.chance(cls.positiveShare) ? "POSITIVE" : "NEUTRAL";
        const initiatedBy: InitiatedBy = rng.chance(tone === "NEUTRAL" ? 0.5 : tone === "CONCERN" ? 0.25 : 0.1) ? "PARENT" : "SCHOOL";
        let summary = fill(rng.pick(SUMMARIES[tone][initiatedBy]));
        if (tone === "CONCERN" && initiatedBy === "SCHOOL" && skipping) summary = fill(TRUANCY_CONCERN);
        else if (tone === "CONCERN" && initiatedBy === "SCHOOL" && struggling) summary = fill(GRADES_CONCERN, pupil.weakSubject);
        const byLeader = tone === "CONCERN" && rng.chance(0.15);
        this.write(pupil, byLeader ? this.school.leader : cls.mentor, rng.pick(days), {
          kind: rng.weighted(KINDS[tone]), initiatedBy, tone, summary, guardians: some(),
          internalNote: tone === "CONCERN" && rng.chance(0.4) ? rng.pick(INTERNAL_NOTES) : undefined,
          followUpInDays: tone === "CONCERN" && rng.chance(0.7) ? rng.int(10, 21) : tone === "NEUTRAL" && rng.chance(0.1) ? 14 : undefined,
        }, rng);
      }
    }
  }
}
