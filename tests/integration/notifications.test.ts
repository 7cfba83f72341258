import { spawn, type ChildProcess } from "node:child_process";
import path from "node:path";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { dutchToday } from "@/lib/domain/calendar/dates";
import { queueAbsenceAlerts } from "@/lib/notifications/alerts";
import { deliverNotification, sweepOutbox } from "@/lib/notifications/deliver";
import { createEmailTransport } from "@/lib/notifications/transports/email";
import { HttpSmsProvider } from "@/lib/notifications/transports/sms";
import { startWorker, type RunningWorker } from "@/lib/notifications/worker";
import type { AbsenceKind } from "@/lib/generated/prisma/enums";
import { createClass, createGuardianOf, createMentor, createPupil, createSchool } from "@/tests/factories";
import { startSmsReceiver, startSmtpReceiver, waitUntil, type SmsReceiver, type SmtpReceiver } from "@/tests/support/mail-receivers";

// The outbox end to end: rows queued in the absence transaction, graphile-worker
// jobs, delivery to a real SMTP server and a local SMS endpoint.

let smtp: SmtpReceiver;
let sms: SmsReceiver;
const workers: RunningWorker[] = [];
const children: ChildProcess[] = [];
const yesterdayMorning = () => new Date(dutchToday().getTime() - 86_400_000 + 9 * 3_600_000); // 10:00 Dutch time, in the past

beforeAll(async () => {
  process.env.ALERT_COALESCE_SECONDS = "0";
  // A provider that is away is retried after half a second here, not 30 s (lib/notifications/retry.ts).
  process.env.NOTIFICATION_RETRY_BASE_SECONDS = "0.5";
  process.env.NOTIFICATION_RETRY_MAX_SECONDS = "1";
  smtp = await startSmtpReceiver();
  sms = await startSmsReceiver();
});

afterEach(async () => {
  await Promise.all(workers.splice(0).map((w) => w.stop()));
  for (const child of children.splice(0)) child.kill("SIGKILL");
  smtp.beforeAccept = undefined;
  smtp.messages.length = 0;
  sms.requests.length = 0;
});

afterAll(async () => {
  await smtp.close();
  await sms.close();
});

function deps(leaseSeconds = 2) {
  return { email: createEmailTransport({ ...process.env, SMTP_URL: smtp.url }), sms: new HttpSmsProvider(sms.url, "test-token"), settingsUrl: "http://portal.test/parent/settings", leaseSeconds };
}

async function worker(concurrency = 4, leaseSeconds = 2) {
  const w = await startWorker({ connectionString: process.env.DATABASE_URL!, concurrency, sweepSeconds: 1, deps: deps(leaseSeconds) });
  workers.push(w);
  return w;
}

async function family(options: { arabicSecond?: boolean; smsSecond?: boolean } = {}) {
  const { school, schoolYear } = await createSchool();
  await db.school.update({ where: { id: school.id }, data: { phone: "010-4567890" } });
  const klas = await createClass(school.id, schoolYear.id);
  const pupil = await createPupil(school.id, klas.id);
  const mentor = await createMentor(school.id, [klas.id]);
  const mother = await createGuardianOf([pupil.id]);
  const father = await createGuardianOf([pupil.id]);
  if (options.arabicSecond) await db.user.update({ where: { id: father.user.id }, data: { locale: "ar" } });
  if (options.smsSecond) await db.guardian.update({ where: { id: father.guardian.id }, data: { alertChannel: "SMS", phone: "+31612345678" } });
  return { school, klas, pupil, mentor, mother, father };
}

async function absent(pupilId: string, lessons: number[], kind: AbsenceKind = "UNAUTHORISED", now = yesterdayMorning()) {
  const date = new Date(dutchToday().getTime() - 86_400_000);
  return db.$transaction(async (tx) => {
    for (const lessonHour of lessons) {
      await tx.absenceRecord.upsert({
        where: { pupilId_date_lessonHour: { pupilId, date, lessonHour } },
        update: { kind },
        create: { pupilId, date, lessonHour, kind, minutes: kind === "LATE" ? 12 : 50, reportedBy: "SCHOOL" },
      });
    }
    return queueAbsenceAlerts(tx, { pupilId, date, now });
  });
}

/** The outbox ids the SMTP server accepted among `ids`, sorted (other tests' rows may be delivered too). */
const received = (ids: string[]) => smtp.messages.map((m) => m.notificationId).filter((id) => ids.includes(id)).sort();
const statuses = async (ids: string[]) => (await db.notification.findMany({ where: { id: { in: ids } }, select: { status: true } })).map((n) => n.status);
const allDelivered = (ids: string[]) => async () => (await statuses(ids)).every((s) => s === "DELIVERED");

describe("absence alerts through the outbox", () => {
  it("e-mails each guardian in their own language and shows delivered", async () => {
    const f = await family({ arabicSecond: true });
    const ids = await absent(f.pupil.id, [3, 4, 5]);
    expect(ids).toHaveLength(2);
    await worker();
    await waitUntil(allDelivered(ids), 20_000, "delivery");
    expect(smtp.messages).toHaveLength(2);
    const dutch = smtp.messages.find((m) => m.to === f.mother.user.email)!;
    const arabic = smtp.messages.find((m) => m.to === f.father.user.email)!;
    expect(dutch.subject).toBe("Sanne was niet op school");
    expect(dutch.text).toContain("les 3 tot en met 5");
    expect(dutch.text).toContain(f.mentor.user.name);
    expect(dutch.text).toContain("010-4567890");
    expect(dutch.language).toBe("nl");
    expect(arabic.subject).toBe("لم يحضر Sanne إلى المدرسة");
    expect(arabic.html).toContain('dir="rtl"');
    const rows = await db.notification.findMany({ where: { id: { in: ids } } });
    expect(rows.every((r) => r.deliveredAt && r.subject && r.attempts === 1)).toBe(true);
  });

  it("folds several records of one pupil on one day into one message", async () => {
    const f = await family();
    const first = await absent(f.pupil.id, [1], "LATE");
    const second = await absent(f.pupil.id, [3, 4]);
    const third = await absent(f.pupil.id, [6]);
    expect(first).toHaveLength(2);
    expect([...second, ...third]).toEqual([]);
    await worker();
    await waitUntil(allDelivered(first), 20_000, "delivery");
    expect(smtp.messages).toHaveLength(2);
    expect(smtp.messages[0].text).toContain("Te laat: les 1, 12 minuten");
    expect(smtp.messages[0].text).toContain("les 3 tot en met 4, les 6");
  });

  it("sends a text message through the provider without reasons, and retries when it is down", async () => {
    const f = await family({ smsSecond: true });
    sms.failNext = 1;
    const ids = await absent(f.pupil.id, [2]);
    await worker();
    await waitUntil(allDelivered(ids), 30_000, "delivery");
    expect(sms.requests).toHaveLength(1);
    const [request] = sms.requests;
    expect(request.authorization).toBe("Bearer test-token");
    expect(request.to).toBe("+31612345678");
    expect(request.idempotencyKey).toBe(request.reference);
    expect(ids).toContain(request.reference);
    expect(request.text).toMatch(/^Sanne was \d+-\d+ niet op school, zonder toestemming\. Vragen\? Bel school 010-4567890$/);
    const row = await db.notification.findUniqueOrThrow({ where: { id: request.reference } });
    expect(row.attempts).toBe(2);
    expect(smtp.messages).toHaveLength(1);
  });

  it("delays a text message in quiet hours but not an e-mail", async () => {
    const f = await family({ smsSecond: true });
    const tomorrow = dutchToday().getTime() + 86_400_000;
    const evening = new Date(tomorrow + 21 * 3_600_000); // 22:00 Dutch winter time
    await absent(f.pupil.id, [7], "UNAUTHORISED", evening);
    const rows = await db.notification.findMany({ where: { pupilId: f.pupil.id } });
    const email = rows.find((r) => r.channel === "EMAIL")!;
    const text = rows.find((r) => r.channel === "SMS")!;
    expect(email.sendAfter.getTime() - evening.getTime()).toBe(0);
    expect(text.sendAfter.toISOString()).toBe(new Date(tomorrow + 86_400_000 + 6.5 * 3_600_000).toISOString());
  });

  it("sends nothing to a restricted link, a guardian without authority, or about an adult without consent", async () => {
    const { school, schoolYear } = await createSchool();
    const klas = await createClass(school.id, schoolYear.id);
    const child = await createPupil(school.id, klas.id);
    const adult = await createPupil(school.id, klas.id, { birthDate: new Date("2006-01-01") });
    const restricted = await createGuardianOf([child.id], { accessRestricted: true });
    const noAuthority = await createGuardianOf([child.id], { hasParentalAuthority: false });
    const granted = await createGuardianOf([child.id], { hasParentalAuthority: false, informationGrantedAt: new Date(), informationCategories: ["ABSENCES"] });
    const parentOfAdult = await createGuardianOf([adult.id]);
    const childIds = await absent(child.id, [1]);
    const adultIds = await absent(adult.id, [1]);
    const recipients = await db.notification.findMany({ where: { id: { in: [...childIds, ...adultIds] } }, select: { guardianId: true } });
    expect(recipients.map((r) => r.guardianId)).toEqual([granted.guardian.id]);
    expect([restricted, noAuthority, parentOfAdult].some((g) => recipients.some((r) => r.guardianId === g.guardian.id))).toBe(false);

    await db.guardianLink.updateMany({ where: { pupilId: adult.id }, data: { consentGrantedAt: new Date() } });
    await db.absenceRecord.deleteMany({ where: { pupilId: adult.id } });
    expect(await absent(adult.id, [2])).toHaveLength(1);
  });

  it("skips a message whose absence was corrected before it went out", async () => {
    const f = await family();
    const ids = await absent(f.pupil.id, [2]);
    await db.absenceRecord.updateMany({ where: { pupilId: f.pupil.id }, data: { kind: "AUTHORISED" } });
    await worker();
    await waitUntil(async () => (await statuses(ids)).every((s) => s === "SKIPPED"), 20_000, "skip");
    // Only this test's rows: the worker also delivers what the previous test left queued (its granted guardian).
    expect(received(ids)).toEqual([]);
  });
});

describe("exactly once", () => {
  it("sends a row once when five deliveries race for it", async () => {
    const f = await family();
    const [id] = await absent(f.pupil.id, [1]);
    const outcomes = await Promise.all(Array.from({ length: 5 }, () => deliverNotification(id, deps())));
    expect(outcomes.filter((o) => o === "delivered")).toHaveLength(1);
    expect(outcomes.filter((o) => o === "not-claimed")).toHaveLength(4);
    expect(smtp.messages.filter((m) => m.notificationId === id)).toHaveLength(1);
  });

  it("two workers at once deliver 40 messages, each exactly once", async () => {
    const ids: string[] = [];
    const { school, schoolYear } = await createSchool();
    const klas = await createClass(school.id, schoolYear.id);
    for (let i = 0; i < 20; i++) {
      const pupil = await createPupil(school.id, klas.id);
      await createGuardianOf([pupil.id]);
      await createGuardianOf([pupil.id]);
      ids.push(...(await absent(pupil.id, [1])));
    }
    expect(ids).toHaveLength(40);
    // A claim that outlives a slow send (ten at once on a busy machine can take over 2 s): with the
    // 2-second test lease the sweep would take a slow send for a crashed one and send it again.
    // That is the lease's job (the crash tests below); here the race between two workers is tested.
    await Promise.all([worker(5, 30), worker(5, 30)]);
    await waitUntil(allDelivered(ids), 30_000, "delivery");
    expect(received(ids)).toEqual([...ids].sort());
    expect(new Set(smtp.messages.map((m) => m.notificationId)).size).toBe(smtp.messages.length);
  });

  it("a worker killed mid-batch and restarted delivers every message exactly once", async () => {
    const ids: string[] = [];
    const { school, schoolYear } = await createSchool();
    const klas = await createClass(school.id, schoolYear.id);
    for (let i = 0; i < 15; i++) {
      const pupil = await createPupil(school.id, klas.id);
      await createGuardianOf([pupil.id]);
      await createGuardianOf([pupil.id]);
      ids.push(...(await absent(pupil.id, [1])));
    }
    const start = () => {
      const child = spawn(process.execPath, ["--require", "./scripts/server-only-preload.cjs", "--import", "tsx", "scripts/worker.ts"], {
        cwd: path.resolve(import.meta.dirname, "../.."),
        env: {
          ...process.env,
          SMTP_URL: smtp.url,
          NOTIFICATION_LEASE_SECONDS: "2",
          OUTBOX_SWEEP_SECONDS: "1",
          OUTBOX_SWEEP_GRACE_SECONDS: "1",
          // One at a time, so the kill lands while message 6 is in flight and
          // message 5 is recorded as delivered. (Between a server accepting a
          // message and the DELIVERED commit there is a window of milliseconds
          // in which a crash means one resend: docs/decisions/0005.)
          WORKER_CONCURRENCY: "1",
        },
        stdio: "ignore",
      });
      children.push(child);
      return child;
    };
    const first = start();
    const exited = new Promise((resolve) => first.once("exit", resolve));
    // The sixth message arrives while the worker dies: it was never accepted.
    smtp.beforeAccept = async () => {
      if (smtp.messages.length < 5) return true;
      first.kill("SIGKILL");
      await exited;
      return false;
    };
    await exited;
    const beforeRestart = smtp.messages.length;
    expect(beforeRestart).toBe(5);
    expect((await statuses(ids)).filter((s) => s === "DELIVERED").length).toBe(5);
    smtp.beforeAccept = undefined;
    start();
    await waitUntil(allDelivered(ids), 45_000, "delivery after restart");
    expect(received(ids)).toEqual([...ids].sort());
    expect(new Set(smtp.messages.map((m) => m.notificationId)).size).toBe(smtp.messages.length);
  }, 60_000);

  it("the sweep queues again what a crash left claimed", async () => {
    const f = await family();
    const [id] = await absent(f.pupil.id, [1]);
    await db.notification.update({ where: { id }, data: { status: "SENDING", lockedUntil: new Date(Date.now() - 1000) } });
    await db.$executeRaw`DELETE FROM graphile_worker._private_jobs`;
    expect(await sweepOutbox(0)).toBeGreaterThanOrEqual(1);
    await worker();
    await waitUntil(allDelivered([id]), 20_000, "delivery");
    expect(smtp.messages.filter((m) => m.notificationId === id)).toHaveLength(1);
  });

  it("the sweep leaves a row whose job waits for its time, pulls a later job forward, and queues one whose job is gone", async () => {
    const f = await family();
    const [id] = await absent(f.pupil.id, [1]);
    const jobOf = async () => (await db.$queryRaw<{ run_at: Date }[]>`SELECT run_at FROM graphile_worker.jobs WHERE key = ${id}`).map((j) => j.run_at.getTime());
    const { sendAfter } = await db.notification.findUniqueOrThrow({ where: { id }, select: { sendAfter: true } });
    // The job waits for the row's own time: left alone (queuing it again would move it to now).
    await db.$executeRaw`UPDATE graphile_worker._private_jobs SET run_at = ${sendAfter} WHERE key = ${id}`;
    await sweepOutbox(0);
    expect(await jobOf()).toEqual([sendAfter.getTime()]);
    // The row's time moved earlier than its job's (a reminder whose moment came sooner): pulled forward.
    await db.$executeRaw`UPDATE graphile_worker._private_jobs SET run_at = ${new Date(Date.now() + 3_600_000)} WHERE key = ${id}`;
    await sweepOutbox(0);
    const [pulled] = await jobOf();
    expect(pulled).toBeLessThanOrEqual(Date.now());
    // No job at all (lost in a crash): queued again.
    await db.$executeRaw`DELETE FROM graphile_worker._private_jobs WHERE key = ${id}`;
    await sweepOutbox(0);
    const [again] = await jobOf();
    expect(again).toBeLessThanOrEqual(Date.now());
  });

  it("a queue runner that stops by itself is started again, and the next message is delivered", async () => {
    const w = await worker();
    const first = w.runner;
    // What graphile-worker does when it cannot record a completion within its retries:
    // its pool shuts down and the runner's promise settles, while the process lives on.
    await first.stop();
    await waitUntil(async () => w.restarts === 1, 10_000, "runner started again");
    expect(w.runner).not.toBe(first);
    const f = await family();
    const ids = await absent(f.pupil.id, [2]);
    await waitUntil(allDelivered(ids), 20_000, "delivery by the new runner");
    expect(received(ids)).toEqual([...ids].sort());
  });
});
