import { momentAt, weekday, type Day } from "./calendar";
import { newId } from "./ids";
import type { ClassInfo, SchoolState, SeedContext } from "./model";
import type { Rng, Weighted } from "./random";
import { cadence, describeAssessment, isJudged } from "./subjects";
import type { Buffers } from "./tables";

// Tests per class and subject every two to three weeks, and a result for
// every pupil. A grade is the pupil's ability, their knack for the subject,
// the test's difficulty and a little luck: on average about 6.6 with roughly
// one grade in six below 5.5, lower for the pupils who struggle.

const ENTRY_DELAY: Weighted<number> = [[0, 15], [1, 25], [2, 20], [3, 15], [4, 15], [5, 10]];
const JUDGEMENTS: Weighted<string> = [["V", 55], ["G", 35], ["O", 10]];

/** When the teacher enters the results: after the test, often in the evening, never after `now`. */
function enteredAt(rng: Rng, heldOn: Day, now: number): number {
  const delay = rng.weighted(ENTRY_DELAY);
  const evening = weekday(heldOn + delay) >= 5 || rng.chance(0.35);
  const minutes = evening ? rng.int(18 * 60, 23 * 60) : rng.chance(0.15) ? rng.int(7 * 60 + 15, 8 * 60 + 15) : rng.int(12 * 60 + 30, 17 * 60);
  // Tests from the last few days: entered sooner, so still before now.
  for (let d = delay; d >= 0; d--) {
    const moment = momentAt(heldOn + d, d === 0 ? Math.max(minutes, 15 * 60) : minutes);
    if (moment < now) return moment;
  }
  return momentAt(heldOn, 15 * 60);
}

function grade(value: number): number {
  return Math.min(10, Math.max(1, Math.round(value * 10) / 10));
}

export function writeResults(ctx: SeedContext, school: SchoolState, cls: ClassInfo, rng: Rng, buffers: Buffers): void {
  const days = school.schoolDays.filter((d) => d < ctx.today);
  const yearStart = ctx.years[ctx.years.length - 1].dates.startsOn;
  const periods = school.periodIds.filter((p) => p.yearId === ctx.years[ctx.years.length - 1].id);
  const pupils = cls.pupils;
  // A pupil's knack for each subject; a weak subject is pulled down to a fail on average.
  const knack = pupils.map((p) =>
    cls.subjects.map((s) => (s.code === p.weakSubject ? 4.6 - p.ability : rng.normal(0, 0.5))),
  );

  type Test = { id: string; subject: number; judged: boolean; difficulty: number; entered: number; progress: number };
  const tests: Test[] = [];
  cls.subjects.forEach((subject, s) => {
    const [minGap, maxGap] = cadence(subject);
    const chapter = { value: rng.int(0, 2) };
    for (let i = rng.int(4, 10); i < days.length; i += rng.int(minGap, maxGap)) {
      const heldOn = days[i];
      const period = periods.find((p) => heldOn >= p.startsOn && heldOn <= p.endsOn) ?? periods[0];
      const { description, weight } = describeAssessment(rng, subject, cls.plan.examYear, chapter);
      const id = newId();
      buffers.Assessment.add({ id, classGroupId: cls.id, subjectId: subject.id, periodId: period.id, description, weight, heldOn });
      tests.push({
        id, subject: s, judged: isJudged(subject), difficulty: rng.normal(0, 0.35),
        entered: enteredAt(rng, heldOn, ctx.now), progress: (heldOn - yearStart) / 365,
      });
    }
  });
  // Pupil by pupil, so PostgreSQL's per-pupil indexes are filled in runs.
  pupils.forEach((pupil, k) => {
    for (const t of tests) {
      buffers.Result.add({
        id: newId(),
        pupilId: pupil.id,
        assessmentId: t.id,
        grade: t.judged ? null : grade(pupil.ability + pupil.trend * t.progress + knack[k][t.subject] + t.difficulty + rng.normal(0, 0.75)),
        textValue: t.judged ? rng.weighted(JUDGEMENTS) : null,
        // The teacher enters the class list top to bottom, a few seconds per pupil.
        enteredAt: Math.min(t.entered + k * 7_000, ctx.now),
      });
    }
  });
}
