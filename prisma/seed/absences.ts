import type { AbsenceKind, ReportedBy } from "../../lib/generated/prisma/enums";
import { isoDate, momentAt, weekday, type Day } from "./calendar";
import { AGE_OF_MAJORITY, birthdayAt } from "./families";
import { newId } from "./ids";
import type { ClassInfo, PupilInfo, SchoolState, SeedContext } from "./model";
import type { Rng, Weighted } from "./random";
import type { Buffers } from "./tables";

// Absence per lesson hour, the way Dutch schools register it. Most pupils are
// absent a little; a few often (the propensities are long-tailed), and a
// handful come close to the 16 hours of unauthorised absence in four weeks
// that a school must report.

const LESSON_START = [510, 560, 625, 675, 755, 805, 870, 920]; // 8.30, 9.20, 10.25, … 15.20
const LESSON_MINUTES = 50;

const SICK_REASONS = ["Griep", "Buikpijn", "Hoofdpijn", "Koorts", "Migraine", "Verkouden", "Keelontsteking"];
const APPOINTMENTS = ["Tandarts", "Orthodontist", "Huisarts", "Ziekenhuisafspraak", "Fysiotherapie", "Afspraak jeugdarts"];
const FAMILY_EVENTS = ["Bruiloft in de familie", "Begrafenis", "Verhuizing"];
const LATE_REASONS = ["Bus te laat", "Trein vertraagd", "Verslapen", "Fietsband lek", "Tandarts uitgelopen"];
const TRUANCY_REASONS = ["Niet verschenen", "Les verlaten zonder toestemming", "Geen geldige reden opgegeven"];
const EPISODE_LENGTH: Weighted<number> = [[1, 60], [2, 25], [3, 10], [4, 5]];

// Eid al-Fitr and Eid al-Adha as celebrated in the Netherlands (approximate; the
// dates follow the moon): many pupils from Muslim families get the day off.
const EID: Record<string, string> = {
  "2024-04-10": "Suikerfeest", "2024-06-17": "Offerfeest", "2025-03-31": "Suikerfeest", "2025-06-06": "Offerfeest",
  "2026-03-20": "Suikerfeest", "2026-05-27": "Offerfeest", "2027-03-10": "Suikerfeest", "2027-05-17": "Offerfeest",
  "2028-02-27": "Suikerfeest", "2028-05-05": "Offerfeest", "2029-02-14": "Suikerfeest", "2029-04-24": "Offerfeest",
};

type Draft = { day: Day; hour: number; kind: AbsenceKind; minutes: number; reason: string | null; reportedBy: ReportedBy; at: number };

class PupilAbsences {
  readonly drafts: Draft[] = [];
  private readonly taken = new Set<number>();

  constructor(private readonly lessons: number[]) {}

  lessonsOn(day: Day): number {
    return this.lessons[weekday(day)];
  }

  add(day: Day, hour: number, kind: AbsenceKind, reason: string | null, reportedBy: ReportedBy, at: number, minutes = LESSON_MINUTES): void {
    const key = day * 10 + hour;
    if (hour > this.lessonsOn(day) || this.taken.has(key)) return;
    this.taken.add(key);
    this.drafts.push({ day, hour, kind, minutes, reason, reportedBy, at });
  }

  /** Registered by the teacher shortly after the lesson began. */
  lessonMoment(day: Day, hour: number, rng: Rng): number {
    return momentAt(day, LESSON_START[hour - 1] + rng.int(3, 15));
  }

  range(day: Day, from: number, to: number, kind: AbsenceKind, reason: string | null, by: ReportedBy, rng: Rng, at?: number): void {
    for (let h = from; h <= to; h++) this.add(day, h, kind, reason, by, at ?? this.lessonMoment(day, h, rng));
  }

  has(kind: AbsenceKind): boolean {
    return this.drafts.some((d) => d.kind === kind);
  }
}

function simulate(rng: Rng, pupil: PupilInfo, days: Day[], adultFrom: Day, a: PupilAbsences): void {
  let sickLeft = 0;
  let sickReporter: ReportedBy = "PARENT";
  let sickReason: string | null = null;
  for (const day of days) {
    const last = a.lessonsOn(day);
    const morning = momentAt(day, rng.int(7 * 60 + 30, 8 * 60 + 20));
    if (sickLeft === 0 && rng.chance(Math.min(0.15, 0.011 * pupil.sickness))) {
      sickLeft = rng.weighted(EPISODE_LENGTH);
      sickReporter = day >= adultFrom && rng.chance(0.5) ? "PUPIL" : rng.chance(0.88) ? "PARENT" : "SCHOOL";
      sickReason = rng.chance(0.4) ? rng.pick(SICK_REASONS) : null;
      if (sickLeft === 1 && rng.chance(0.25)) {
        // Fell ill during the day: the school sends the pupil home.
        a.range(day, rng.int(2, last), last, "SICK", "Ziek naar huis gestuurd", "SCHOOL", rng);
        sickLeft = 0;
        continue;
      }
    }
    if (sickLeft > 0) {
      sickLeft -= 1;
      a.range(day, 1, last, "SICK", sickReason, sickReporter, rng, sickReporter === "SCHOOL" ? undefined : morning);
      continue;
    }
    const eid = EID[isoDate(day)];
    if (eid && (pupil.origin === "moroccan" || pupil.origin === "turkish") && rng.chance(0.85)) {
      a.range(day, 1, last, "AUTHORISED", eid, "SCHOOL", rng);
      continue;
    }
    if (rng.chance(0.0008)) a.range(day, 1, last, "AUTHORISED", rng.pick(FAMILY_EVENTS), "SCHOOL", rng);
    if (rng.chance(0.006 * (0.6 + 0.4 * pupil.sickness))) {
      const hour = rng.int(1, last);
      a.range(day, hour, Math.min(last, hour + rng.int(0, 1)), "AUTHORISED", rng.chance(0.7) ? rng.pick(APPOINTMENTS) : null, "SCHOOL", rng);
    }
    if (rng.chance(Math.min(0.3, 0.01 * pupil.lateness))) lateFor(rng, a, day, rng.chance(0.8) ? 1 : rng.int(2, last));
    if (rng.chance(Math.min(0.2, 0.003 * pupil.truancy))) {
      const whole = rng.chance(0.1);
      const from = whole ? 1 : rng.int(Math.max(1, last - 3), last);
      a.range(day, from, whole ? last : Math.min(last, from + rng.int(0, 2)), "UNAUTHORISED", rng.chance(0.2) ? rng.pick(TRUANCY_REASONS) : null, "SCHOOL", rng);
    }
  }
}

function lateFor(rng: Rng, a: PupilAbsences, day: Day, hour: number): void {
  const minutes = rng.int(5, 20);
  a.add(day, hour, "LATE", rng.chance(0.3) ? rng.pick(LATE_REASONS) : null, "SCHOOL", momentAt(day, LESSON_START[hour - 1] + minutes), minutes);
}

/** 12–17.5 hours of skipped lessons spread over the last four school weeks. */
function nearThreshold(rng: Rng, days: Day[], a: PupilAbsences, hours = rng.between(12, 17.5)): void {
  const recent = days.slice(-20);
  let lessons = Math.round((hours * 60) / LESSON_MINUTES);
  for (let guard = 0; lessons > 0 && guard < 200 && recent.length > 0; guard++) {
    const day = rng.pick(recent);
    const last = a.lessonsOn(day);
    const from = rng.int(1, last);
    const to = Math.min(last, from + rng.int(0, 3), from + lessons - 1);
    const before = a.drafts.length;
    a.range(day, from, to, "UNAUTHORISED", null, "SCHOOL", rng);
    lessons -= a.drafts.length - before;
  }
}

/** The demo children show every kind of absence on their page. */
function everyKind(rng: Rng, days: Day[], a: PupilAbsences): void {
  if (days.length === 0) return;
  if (!a.has("SICK")) a.range(rng.pick(days), 1, 8, "SICK", "Griep", "PARENT", rng);
  if (!a.has("AUTHORISED")) a.range(rng.pick(days), 3, 4, "AUTHORISED", "Orthodontist", "SCHOOL", rng);
  if (!a.has("UNAUTHORISED")) a.range(rng.pick(days), 6, 6, "UNAUTHORISED", null, "SCHOOL", rng);
  if (!a.has("LATE")) lateFor(rng, a, rng.pick(days), 1);
}

/** Alert-worthy records (unauthorised, late) of recent school days, per pupil, for the message history. */
export type RecentAlerts = Map<PupilInfo, { day: Day; hour: number; kind: AbsenceKind; minutes: number; at: number }[]>;

const ALERT_HISTORY_DAYS = 5;

export function writeAbsences(ctx: SeedContext, school: SchoolState, cls: ClassInfo, rng: Rng, buffers: Buffers): RecentAlerts {
  const recent: RecentAlerts = new Map();
  const days = school.schoolDays;
  const historyFrom = days.filter((d) => d < ctx.today).at(-ALERT_HISTORY_DAYS) ?? ctx.today;
  const past = days.filter((d) => d < ctx.today);
  for (const pupil of cls.pupils) {
    const a = new PupilAbsences([...cls.lessonsPerDay, 0, 0]);
    const adultFrom = birthdayAt(pupil.birthDate, AGE_OF_MAJORITY);
    // Scripted first, so the simulation leaves those lessons alone (it draws the same random numbers either way).
    for (const s of pupil.scriptedAbsences ?? []) {
      const day = past.at(-s.schoolDaysAgo);
      if (day !== undefined) a.add(day, s.hour, s.kind, s.pupilReason, "PUPIL", momentAt(day, LESSON_START[s.hour - 1] + 10), s.minutes);
    }
    simulate(rng, pupil, days, adultFrom, a);
    if (pupil.nearTruancyThreshold) nearThreshold(rng, past, a, pupil.truancyHours);
    if (pupil.everyAbsenceKind) everyKind(rng, past, a);
    for (const d of a.drafts) {
      // Today's lessons that have not started yet cannot have been registered.
      if (d.at > ctx.now) continue;
      // What the pupil said (they reported it, or why they were late) is the pupil's own reason (decision 0023).
      const own = d.reportedBy === "PUPIL" || d.kind === "LATE";
      buffers.AbsenceRecord.add({
        id: newId(), pupilId: pupil.id, date: d.day, lessonHour: d.hour, kind: d.kind, minutes: d.minutes,
        reason: own ? null : d.reason, pupilReason: own ? d.reason : null, reportedBy: d.reportedBy, createdAt: d.at,
      });
      if (d.day >= historyFrom && d.day < ctx.today && (d.kind === "UNAUTHORISED" || d.kind === "LATE")) {
        const list = recent.get(pupil) ?? [];
        list.push({ day: d.day, hour: d.hour, kind: d.kind, minutes: d.minutes, at: d.at });
        recent.set(pupil, list);
      }
    }
  }
  return recent;
}
