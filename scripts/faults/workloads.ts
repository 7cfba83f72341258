// The writes the fault harness runs in a loop while PostgreSQL is stopped
// abruptly (scripts/faults/run.ts, docs/decisions/0041). Each calls the same
// domain command the server action calls, with a real actor, and knows how to
// tell, after the restart, whether its command happened fully or not at all.
import { db } from "@/lib/db/client";
import type { Actor } from "@/lib/auth/types";
import { logContactMoment } from "@/lib/domain/contacts/commands";
import { ContactMomentInput } from "@/lib/domain/contacts/schemas";
import { registerAbsence } from "@/lib/domain/attendance/commands";
import { AbsenceInput } from "@/lib/domain/attendance/schemas";
import { reportSick } from "@/lib/domain/sick-reports/commands";
import { updateThresholdCase } from "@/lib/domain/attendance/threshold-commands";
import { setGuardianConsent } from "@/lib/domain/consent/commands";
import { bookSlot } from "@/lib/domain/conferences/booking-commands";
import { publishIndicators, saveIndicatorDrafts } from "@/lib/domain/indicators/commands";
import { INDICATORS } from "@/lib/domain/indicators/catalogue";
import { dutchToday, schoolYearOf } from "@/lib/domain/calendar/dates";
import { actorOf, createClass, createGuardianOf, createMentor, createPupil, createSchool, createUser } from "@/tests/factories";
import { createSchoolStaff } from "@/tests/factories/threshold";
import { sickReportInput } from "@/tests/factories/sick-reports";
import { addAvailability, bookingInput, createRound } from "@/tests/factories/conferences";
import { IMPORT_NOW, createImportSchool, dryRun, sampleSet, uploadsOf } from "@/tests/factories/imports";
import { applyImport } from "@/lib/domain/imports/commands";
import { unsafeApplyImport } from "@/lib/domain/imports/jobs";
import { createSurvey, sendSurvey, submitResponse, SurveyValidationError } from "@/lib/domain/surveys/commands";

const IMPORT_PUPILS = 8;

const DAY = 86_400_000;

/** One submission of a command: its key (idempotency key or natural key) and what the caller was told. */
export type Submission = { workload: string; key: string; state: "pending" | "resolved" | "failed"; error?: string; run: () => Promise<unknown> };

export type Workload = {
  name: string;
  /** Before a trial's crash window: make sure the next `perTrial` submissions have what they need. */
  prepare(perTrial: number): Promise<void>;
  /** The next submission (not started). */
  next(key: string): Submission;
  /** After the restart: how many primary rows the submission left (0 or 1 allowed), and what is inconsistent about them. */
  inspect(sub: Submission): Promise<{ rows: number; broken: string | null }>;
};

/**
 * A school day "now" that does not depend on the hour the harness runs:
 * the last Wednesday on or before today, 05:30 UTC (before the sick-report deadline, summer or winter).
 */
export function harnessNow(): Date {
  const today = dutchToday();
  const back = (today.getUTCDay() - 3 + 7) % 7;
  return new Date(today.getTime() - back * DAY + 5.5 * 3_600_000);
}

type Family = { pupilId: string; guardianId: string; parent: Actor };

export async function createWorld() {
  const now = harnessNow();
  const { school, schoolYear } = await createSchool();
  const yearOfNow = schoolYearOf(dutchToday(now));
  await db.schoolYear.upsert({ where: { name: yearOfNow.name }, update: {}, create: yearOfNow });
  const klas = await createClass(school.id, schoolYear.id, "3F");
  const mentor = await createMentor(school.id, [klas.id]);
  const officer = await createSchoolStaff(school.id, "ATTENDANCE_OFFICER");
  const leaderUser = await createUser("LEADER", { schoolId: school.id });
  await db.staff.create({ data: { userId: leaderUser.id, schoolId: school.id } });
  const round = await createRound({ schoolId: school.id, classGroupIds: [klas.id], opensAt: new Date(now.getTime() - DAY), closesAt: new Date(now.getTime() + 400 * DAY), slotMinutes: 5 });
  return {
    now, school, schoolYear, klas, round, mentorStaffId: mentor.staff.id,
    mentor: await actorOf(mentor.user.id), officer: await actorOf(officer.user.id), leader: await actorOf(leaderUser.id),
  };
}
export type World = Awaited<ReturnType<typeof createWorld>>;

async function family(schoolId: string, classId: string): Promise<Family> {
  const pupil = await createPupil(schoolId, classId);
  const parent = await createGuardianOf([pupil.id]);
  return { pupilId: pupil.id, guardianId: parent.guardian.id, parent: await actorOf(parent.user.id) };
}

/** Families (a child under 16 and a parent with authority), made before the crash window. */
class FamilyPool {
  private free: Family[] = [];
  constructor(private world: World) {}
  async ensure(n: number) {
    // In parallel (before the crash window): a trial's setup is most of its time otherwise.
    const made = await Promise.all(Array.from({ length: Math.max(0, n - this.free.length) }, () => family(this.world.school.id, this.world.klas.id)));
    this.free.push(...made);
  }
  take(): Family {
    const family = this.free.shift();
    if (!family) throw new Error("family pool empty: prepare() asked for too few");
    return family;
  }
}

function track(sub: Omit<Submission, "state">): Submission {
  return { ...sub, state: "pending" };
}

export function workloads(world: World): Workload[] {
  const families = () => new FamilyPool(world);
  const today = dutchToday(world.now);
  const todayIso = today.toISOString().slice(0, 10);

  const contact = (() => {
    const pool = families();
    return {
      name: "contact moment",
      prepare: (n: number) => pool.ensure(n),
      next(key: string) {
        const f = pool.take();
        const input = ContactMomentInput.parse({
          pupilId: f.pupilId, idempotencyKey: key, kind: "PHONE_CALL", initiatedBy: "SCHOOL", tone: "NEUTRAL",
          guardianIds: [f.guardianId], summary: "Gebeld over de rapportvergadering", occurredOn: dutchToday().toISOString().slice(0, 10), followUpOn: "",
        });
        return track({ workload: this.name, key, run: () => logContactMoment(world.mentor, input) });
      },
      async inspect(sub: Submission) {
        const rows = await db.contactMoment.findMany({ where: { idempotencyKey: sub.key }, select: { _count: { select: { guardians: true } } } });
        return { rows: rows.length, broken: rows.some((r) => r._count.guardians !== 1) ? "contact moment without its guardian row" : null };
      },
    } satisfies Workload;
  })();

  // Absence with its alerts: the records, one outbox row per guardian and one queued job per row, in one transaction.
  const absence = (() => {
    const pool = families();
    const pupilOf = new Map<string, string>();
    return {
      name: "absence registration + alerts",
      prepare: (n: number) => pool.ensure(n),
      next(key: string) {
        const f = pool.take();
        pupilOf.set(key, f.pupilId);
        const input = AbsenceInput.parse({ pupilId: f.pupilId, date: todayIso, fromLesson: "2", toLesson: "3", kind: "UNAUTHORISED", reason: "" });
        return track({ workload: this.name, key, run: () => registerAbsence(world.mentor, input, { now: world.now }) });
      },
      async inspect(sub: Submission) {
        const pupilId = pupilOf.get(sub.key)!;
        const records = await db.absenceRecord.count({ where: { pupilId, date: today } });
        const notes = await db.notification.findMany({ where: { pupilId, kind: "ABSENCE_ALERT" }, select: { id: true, status: true } });
        const jobs = await db.$queryRaw<{ n: number }[]>`SELECT count(*)::int AS n FROM graphile_worker.jobs WHERE key = ANY(${notes.map((n) => n.id)}::text[])`;
        const waiting = notes.filter((n) => n.status !== "DELIVERED").length;
        let broken: string | null = null;
        if (records !== 0 && records !== 2) broken = `${records} of 2 absence records`;
        else if ((records === 2) !== (notes.length === 1)) broken = `${records} records but ${notes.length} alert rows`;
        else if (notes.length > 1) broken = `${notes.length} alert rows for one guardian and day`;
        else if (jobs[0].n !== waiting) broken = `${waiting} undelivered alert rows but ${jobs[0].n} queued jobs`;
        return { rows: records ? 1 : 0, broken };
      },
    } satisfies Workload;
  })();

  const sick = (() => {
    const pool = families();
    return {
      name: "sick report",
      prepare: (n: number) => pool.ensure(n),
      next(key: string) {
        const f = pool.take();
        const input = sickReportInput(f.pupilId, { idempotencyKey: key, note: "Koorts" });
        return track({ workload: this.name, key, run: () => reportSick(f.parent, input, { now: world.now }) });
      },
      async inspect(sub: Submission) {
        const reports = await db.sickReport.findMany({ where: { idempotencyKey: sub.key }, select: { pupilId: true, _count: { select: { absences: true } } } });
        return { rows: reports.length, broken: reports.some((r) => r._count.absences === 0) ? "sick report without its absence record" : null };
      },
    } satisfies Workload;
  })();

  const threshold = (() => {
    const pool = families();
    const pupilOf = new Map<string, string>();
    return {
      name: "threshold case status",
      prepare: (n: number) => pool.ensure(n),
      next(key: string) {
        const f = pool.take();
        pupilOf.set(key, f.pupilId);
        return track({ workload: this.name, key, run: () => updateThresholdCase(world.officer, { pupilId: f.pupilId, status: "REPORTED", reportedOn: today, note: "Gemeld bij leerplicht" }, world.now) });
      },
      async inspect(sub: Submission) {
        const rows = await db.thresholdCase.findMany({ where: { pupilId: pupilOf.get(sub.key)! }, select: { status: true, reportedOn: true } });
        return { rows: rows.length, broken: rows.some((r) => r.status !== "REPORTED" || r.reportedOn?.getTime() !== today.getTime()) ? "threshold case with half its fields" : null };
      },
    } satisfies Workload;
  })();

  // A pupil of 18+ grants a parent consent: the link and the parent's notice (outbox row + job) in one transaction.
  const consent = (() => {
    const free: { linkId: string; guardianId: string; pupil: Actor }[] = [];
    const linkOf = new Map<string, { linkId: string; guardianId: string }>();
    return {
      name: "consent change",
      async prepare(n: number) {
        while (free.length < n) {
          const user = await createUser("PUPIL");
          const pupil = await createPupil(world.school.id, world.klas.id, { birthDate: new Date("2004-01-15"), userId: user.id });
          const parent = await createGuardianOf([pupil.id]);
          const link = await db.guardianLink.findFirstOrThrow({ where: { pupilId: pupil.id }, select: { id: true } });
          free.push({ linkId: link.id, guardianId: parent.guardian.id, pupil: await actorOf(user.id) });
        }
      },
      next(key: string) {
        const c = free.shift()!;
        linkOf.set(key, c);
        return track({ workload: this.name, key, run: () => setGuardianConsent(c.pupil, { linkId: c.linkId, change: "consentGrant" }, world.now) });
      },
      async inspect(sub: Submission) {
        const { linkId, guardianId } = linkOf.get(sub.key)!;
        const link = await db.guardianLink.findUniqueOrThrow({ where: { id: linkId }, select: { consentGrantedAt: true } });
        const notes = await db.notification.findMany({ where: { guardianId, kind: "CONSENT_NOTICE" }, select: { id: true, status: true } });
        const jobs = await db.$queryRaw<{ n: number }[]>`SELECT count(*)::int AS n FROM graphile_worker.jobs WHERE key = ANY(${notes.map((n) => n.id)}::text[])`;
        const granted = link.consentGrantedAt !== null;
        let broken: string | null = null;
        if (granted !== (notes.length > 0)) broken = `consent ${granted ? "granted" : "not granted"} but ${notes.length} notices`;
        else if (notes.length > 1) broken = `${notes.length} notices for one change`;
        else if (jobs[0].n !== notes.filter((n) => n.status !== "DELIVERED").length) broken = "notice without its queued job";
        return { rows: granted ? 1 : 0, broken };
      },
    } satisfies Workload;
  })();

  // A parent books a conference slot: the booking and its slot claim in one statement.
  const booking = (() => {
    const pool = families();
    const slots: string[] = [];
    let evenings = 0;
    return {
      name: "conference booking",
      async prepare(n: number) {
        await pool.ensure(n);
        while (slots.length < n) {
          const start = new Date(world.now.getTime() + (7 + evenings++) * DAY + 12 * 3_600_000);
          const cut = await addAvailability(world.round, world.mentorStaffId, start, new Date(start.getTime() + 5 * 3_600_000));
          slots.push(...cut.map((s) => s.id));
        }
      },
      next(key: string) {
        const f = pool.take();
        const input = bookingInput({ roundId: world.round.id, pupilId: f.pupilId, slotId: slots.shift()!, idempotencyKey: key });
        return track({ workload: this.name, key, run: () => bookSlot(f.parent, input, { now: world.now }) });
      },
      async inspect(sub: Submission) {
        const rows = await db.conferenceBooking.findMany({ where: { idempotencyKey: sub.key }, select: { id: true, _count: { select: { claims: true } } } });
        const reminders = await db.notification.findMany({ where: { conferenceBookingId: { in: rows.map((r) => r.id) } }, select: { id: true } });
        const jobs = await db.$queryRaw<{ n: number }[]>`SELECT count(*)::int AS n FROM graphile_worker.jobs WHERE key = ANY(${reminders.map((n) => n.id)}::text[])`;
        let broken: string | null = null;
        if (rows.some((r) => r._count.claims !== 1)) broken = "booking without exactly one slot claim";
        else if (reminders.length !== rows.length) broken = `${rows.length} bookings but ${reminders.length} reminders`;
        else if (jobs[0].n !== reminders.length) broken = `${reminders.length} reminders but ${jobs[0].n} queued jobs`;
        return { rows: rows.length, broken };
      },
    } satisfies Workload;
  })();

  // A leader publishes the school's indicators: the publication, its change rows and the public values at once.
  const indicators = (() => {
    let indicatorIds: string[] = [];
    // Whole numbers with room for 10,000 submissions, one value per school (no school type).
    const codes = INDICATORS.filter((d) => !d.perSchoolType && ["COUNT", "EUROS", "HOURS"].includes(d.unit)).slice(0, 3).map((d) => d.code);
    let serial = 0;
    const valueOf = new Map<string, number>();
    return {
      name: "indicator publication",
      async prepare() {
        if (indicatorIds.length > 0) return;
        await db.qualityIndicator.createMany({
          data: INDICATORS.map((d, i) => ({ code: d.code, group: d.group, unit: d.unit, direction: d.direction, perSchoolType: d.perSchoolType, sortOrder: i })),
          skipDuplicates: true,
        });
        indicatorIds = (await db.qualityIndicator.findMany({ where: { code: { in: codes } }, select: { id: true } })).map((i) => i.id);
      },
      next(key: string) {
        const value = ++serial;
        valueOf.set(key, value);
        let saved = false;
        return track({
          workload: this.name, key,
          // The leader saves the drafts (one transaction) and presses "publish". Pressing again
          // repeats what was not answered: the save if it was cut off, and the publish.
          run: async () => {
            if (!saved) {
              const entries = codes.map((indicatorCode) => ({ indicatorCode, schoolType: "ALL" as const, value: String(value), explanation: "" }));
              await saveIndicatorDrafts(world.leader, { schoolId: world.school.id, schoolYearId: world.schoolYear.id, entries });
              saved = true;
            }
            return publishIndicators(world.leader, { schoolId: world.school.id, schoolYearId: world.schoolYear.id });
          },
        });
      },
      async inspect(sub: Submission) {
        const value = valueOf.get(sub.key)!;
        const changes = await db.indicatorValueChange.findMany({ where: { newValue: value, indicatorValue: { schoolId: world.school.id } }, select: { publicationId: true, indicatorValueId: true } });
        const publications = new Set(changes.map((c) => c.publicationId));
        let broken: string | null = null;
        if (publications.size > 1) broken = `value ${value} published ${publications.size} times`;
        else if (changes.length !== 0 && changes.length !== indicatorIds.length) broken = `publication with ${changes.length} of ${indicatorIds.length} changes`;
        // Every public value agrees with its latest change row.
        const mismatched = await db.$queryRaw<{ n: number }[]>`
          SELECT count(*)::int AS n FROM "IndicatorValue" v
          WHERE v."schoolId" = ${world.school.id} AND v."publishedAt" IS NOT NULL AND v."publishedValue" IS DISTINCT FROM (
            SELECT c."newValue" FROM "IndicatorValueChange" c JOIN "IndicatorPublication" p ON p.id = c."publicationId"
            WHERE c."indicatorValueId" = v.id ORDER BY p."publishedAt" DESC, p.id DESC LIMIT 1)`;
        if (!broken && mismatched[0].n) broken = `${mismatched[0].n} public values disagree with their publication`;
        return { rows: publications.size, broken };
      },
    } satisfies Workload;
  })();

  // An administrator applies a checked import: everything in one transaction, or nothing.
  // The resubmission is the button pressed again plus the worker's retry of the job.
  const imports = (() => {
    const free: { schoolId: string; runId: string; admin: Actor }[] = [];
    const runOf = new Map<string, { schoolId: string; runId: string }>();
    const usedMentorEmails = new Set<string>();
    return {
      name: "import (all or nothing)",
      async prepare(n: number) {
        // Setup, before the crash window: a generated sample can clash with people earlier samples
        // made (the dry run then ends INVALID, rightly); another sample is drawn, at most five times.
        for (let tries = 0, redraws = 0; free.length < n; ) {
          // Mentors' addresses come from a pool of names: two samples prepared together can share one.
          // Each dry run passes alone, but the second apply then finds the mentor is staff at the first
          // school and (rightly) ends INVALID, which is no crash's fault: such a sample is drawn again.
          const set = sampleSet(IMPORT_PUPILS);
          const mentorEmails = Object.values(set).flatMap((f) => (f.name === "mentoren.csv" ? f.rows.slice(1).map((r) => r[2].toLowerCase()) : []));
          if (mentorEmails.some((e) => usedMentorEmails.has(e))) {
            if (++redraws > 1000) throw new Error("no import sample with unused mentor addresses in 1,000 draws");
            continue;
          }
          mentorEmails.forEach((e) => usedMentorEmails.add(e));
          const { school, admin } = await createImportSchool();
          const run = await dryRun(admin, school.id, await uploadsOf(Object.values(set)));
          if (run.status === "READY") {
            free.push({ schoolId: school.id, runId: run.id, admin });
            continue;
          }
          const codes = [...new Set(((run.errors ?? []) as { code?: string }[]).map((e) => e.code))].join(", ");
          console.log(`[faults] import setup: a sample's dry run ended ${run.status} (${codes || run.failure || "no code"}); drawing another`);
          if (++tries >= 5) throw new Error(`the sample import's dry run ended ${run.status} five times (${codes})`);
        }
      },
      next(key: string) {
        const r = free.shift()!;
        runOf.set(key, r);
        return track({
          workload: this.name, key,
          run: async () => {
            await applyImport(r.admin, r.schoolId, r.runId);
            await unsafeApplyImport(r.runId, { now: IMPORT_NOW });
          },
        });
      },
      async inspect(sub: Submission) {
        const { schoolId, runId } = runOf.get(sub.key)!;
        const run = await db.importRun.findUniqueOrThrow({ where: { id: runId }, select: { status: true } });
        const pupils = await db.pupil.count({ where: { schoolId } });
        const applied = run.status === "APPLIED";
        let broken: string | null = null;
        if (applied && pupils !== IMPORT_PUPILS) broken = `import APPLIED with ${pupils} of ${IMPORT_PUPILS} pupils`;
        else if (!applied && pupils !== 0) broken = `import ${run.status} but ${pupils} pupils written`;
        return { rows: applied ? 1 : 0, broken };
      },
    } satisfies Workload;
  })();

  // A guardian answers a survey: the invitation is marked "responded", and the response and its
  // answers are written without a link to the guardian, in one transaction. A survey per trial
  // (its own class, so sending invites only that trial's guardians): the response is anonymous,
  // so the survey's responses are counted against its answered invitations.
  const survey = (() => {
    const free: { invitationId: string; surveyId: string; parent: Actor; answers: Record<string, string[]> }[] = [];
    const of = new Map<string, { invitationId: string; surveyId: string }>();
    let serial = 0;
    return {
      name: "survey answer",
      async prepare(n: number) {
        if (free.length >= n) return;
        const klas = await createClass(world.school.id, world.schoolYear.id, `S${++serial}`);
        const made = await Promise.all(Array.from({ length: n }, () => family(world.school.id, klas.id)));
        const parents = new Map(made.map((f) => [f.guardianId, f.parent]));
        const closesOn = new Date(today.getTime() + 30 * DAY).toISOString().slice(0, 10);
        const { id } = await createSurvey(world.leader, { idempotencyKey: crypto.randomUUID(), title: `Tevredenheid ${serial}`, closesOn, classIds: [klas.id], templateKeys: ["satisfaction", "needs", "improve"] }, { now: world.now });
        await sendSurvey(world.leader, id, { now: world.now });
        const questions = await db.surveyQuestion.findMany({ where: { surveyId: id }, select: { id: true, templateKey: true } });
        const q = (key: string) => questions.find((x) => x.templateKey === key)!.id;
        const answers = { [q("satisfaction")]: ["3"], [q("needs")]: ["0", "2"], [q("improve")]: ["Meer avonden in de week"] };
        for (const invitation of await db.surveyInvitation.findMany({ where: { surveyId: id }, select: { id: true, guardianId: true } })) {
          free.push({ invitationId: invitation.id, surveyId: id, parent: parents.get(invitation.guardianId)!, answers });
        }
        if (free.length < n) throw new Error(`survey sent to ${free.length} of ${n} guardians`);
      },
      next(key: string) {
        const s = free.shift()!;
        of.set(key, s);
        return track({
          workload: this.name, key,
          // Pressing "send" again after an answer that was stored but not acknowledged is
          // answered with "you have already answered": the truth, and nothing is written twice.
          run: () =>
            submitResponse(s.parent, { invitationId: s.invitationId, answers: s.answers }, { now: world.now }).catch((error: unknown) => {
              if (error instanceof SurveyValidationError && error.fieldErrors._form === "surveys.errors.alreadyAnswered") return "alreadyAnswered";
              throw error;
            }),
        });
      },
      async inspect(sub: Submission) {
        const { invitationId, surveyId } = of.get(sub.key)!;
        const invitation = await db.surveyInvitation.findUniqueOrThrow({ where: { id: invitationId }, select: { responded: true } });
        const responded = await db.surveyInvitation.count({ where: { surveyId, responded: true } });
        const responses = await db.surveyResponse.findMany({ where: { surveyId }, select: { _count: { select: { answers: true } } } });
        let broken: string | null = null;
        // Four answer rows: one scale value, two chosen options, one open answer.
        if (responses.some((r) => r._count.answers !== 4)) broken = "response without all its answers";
        else if (responses.length !== responded) broken = `${responded} invitations answered but ${responses.length} responses`;
        return { rows: invitation.responded ? 1 : 0, broken };
      },
    } satisfies Workload;
  })();

  return [contact, absence, sick, threshold, consent, booking, indicators, imports, survey];
}
