import net from "node:net";
import type { AddressInfo } from "node:net";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { dutchToday } from "@/lib/domain/calendar/dates";
import { getDeliveryLog } from "@/lib/domain/attendance/delivery-queries";
import { queueAbsenceAlerts } from "@/lib/notifications/alerts";
import { deliverNotification, type DeliveryDeps } from "@/lib/notifications/deliver";
import { createEmailTransport, messageIdFor } from "@/lib/notifications/transports/email";
import { HttpSmsProvider } from "@/lib/notifications/transports/sms";
import { startWorker, type RunningWorker } from "@/lib/notifications/worker";
import { actorOf, createClass, createGuardianOf, createMentor, createPupil, createSchool } from "@/tests/factories";
import { createAttendanceOfficer } from "@/tests/factories/absence";
import { startSmsReceiver, startSmtpReceiver, waitUntil, type SmsReceiver, type SmtpReceiver } from "@/tests/support/mail-receivers";

// Issue 21, item 3: the mail server or the SMS provider is away. Messages wait
// as "waiting to retry" (PENDING with attempts > 0, the next attempt in
// sendAfter), are delivered exactly once when the provider returns, and end as
// FAILED with a readable reason when the retry budget is spent; a permanent
// refusal fails at once. Real SMTP server (smtp-server) and a local HTTP SMS
// endpoint; the 10-minute outage runs on an injected clock, the worker tests on
// a retry schedule of fractions of a second (docs/decisions/0042).

let smtp: SmtpReceiver;
let sms: SmsReceiver;
const workers: RunningWorker[] = [];
const savedEnv = { ...process.env };
const yesterdayMorning = () => new Date(dutchToday().getTime() - 86_400_000 + 9 * 3_600_000);

beforeAll(async () => {
  process.env.ALERT_COALESCE_SECONDS = "0";
  smtp = await startSmtpReceiver();
  sms = await startSmsReceiver();
});

afterEach(async () => {
  await Promise.all(workers.splice(0).map((w) => w.stop()));
  for (const key of ["NOTIFICATION_MAX_ATTEMPTS", "NOTIFICATION_RETRY_BASE_SECONDS", "NOTIFICATION_RETRY_MAX_SECONDS"]) {
    if (savedEnv[key] === undefined) delete process.env[key];
    else process.env[key] = savedEnv[key];
  }
  await smtp.up();
  smtp.rejectRecipient = undefined;
  smtp.messages.length = 0;
  Object.assign(sms, { hits: 0, failNext: 0, answerStatus: undefined, answerDelayMs: undefined, honourIdempotencyKey: undefined });
  sms.requests.length = 0;
});

afterAll(async () => {
  await smtp.close();
  await sms.close();
});

const fastRetries = (maxAttempts = 40) => {
  process.env.NOTIFICATION_MAX_ATTEMPTS = String(maxAttempts);
  process.env.NOTIFICATION_RETRY_BASE_SECONDS = "0.2";
  process.env.NOTIFICATION_RETRY_MAX_SECONDS = "0.4";
};

function deps(smsTimeoutMs = 10_000): DeliveryDeps {
  return {
    email: createEmailTransport({ ...process.env, SMTP_URL: smtp.url, SMTP_TIMEOUT_SECONDS: "2" }),
    sms: new HttpSmsProvider(sms.url, "test-token", smsTimeoutMs),
    settingsUrl: "http://portal.test/parent/settings",
    leaseSeconds: 30,
  };
}

async function worker(smsTimeoutMs?: number) {
  const w = await startWorker({ connectionString: process.env.DATABASE_URL!, concurrency: 4, sweepSeconds: 1, deps: deps(smsTimeoutMs) });
  workers.push(w);
  return w;
}

/** One school with `pupils` pupils, each with two guardians (by e-mail, or by SMS), and its attendance officer. */
async function school(pupils: number, channel: "EMAIL" | "SMS" = "EMAIL") {
  const { school, schoolYear } = await createSchool();
  const klas = await createClass(school.id, schoolYear.id);
  await createMentor(school.id, [klas.id]);
  const officer = await createAttendanceOfficer(school.id);
  const ids: string[] = [];
  const guardians: { email: string; guardianId: string }[] = [];
  for (let i = 0; i < pupils; i++) {
    const pupil = await createPupil(school.id, klas.id);
    for (let g = 0; g < 2; g++) {
      const guardian = await createGuardianOf([pupil.id]);
      if (channel === "SMS") await db.guardian.update({ where: { id: guardian.guardian.id }, data: { alertChannel: "SMS", phone: `+3161234${String(i * 2 + g).padStart(4, "0")}` } });
      guardians.push({ email: guardian.user.email!, guardianId: guardian.guardian.id });
    }
    ids.push(...(await absent(pupil.id)));
  }
  return { ids, guardians, officer: await actorOf(officer.user.id) };
}

async function absent(pupilId: string) {
  const date = new Date(dutchToday().getTime() - 86_400_000);
  return db.$transaction(async (tx) => {
    await tx.absenceRecord.create({ data: { pupilId, date, lessonHour: 2, kind: "UNAUTHORISED", minutes: 50, reportedBy: "SCHOOL" } });
    return queueAbsenceAlerts(tx, { pupilId, date, now: yesterdayMorning() });
  });
}

const rowsOf = (ids: string[]) => db.notification.findMany({ where: { id: { in: ids } }, orderBy: { id: "asc" } });
const mailsFor = (id: string) => smtp.messages.filter((m) => m.notificationId === id);
const smsFor = (id: string) => sms.requests.filter((r) => r.reference === id);
const everyRow = (ids: string[], check: (row: Awaited<ReturnType<typeof rowsOf>>[number]) => boolean) => async () => {
  const rows = await rowsOf(ids);
  return rows.length === ids.length && rows.every(check);
};
// Every row tried at least twice and still not sent: waiting (PENDING) or, at that moment, being tried again.
const waitingToRetry = (ids: string[], reason: string, attempts = 2) =>
  waitUntil(everyRow(ids, (r) => (r.status === "PENDING" || r.status === "SENDING") && r.attempts >= attempts && r.lastError === reason), 45_000, `${ids.length} rows waiting to retry (${reason})`);
const delivered = (ids: string[]) => waitUntil(everyRow(ids, (r) => r.status === "DELIVERED"), 45_000, "delivery");

describe("the mail server is away for 10 minutes (injected clock)", () => {
  it("every message waits with its next attempt and attempt count, then is delivered exactly once", async () => {
    const { ids, officer } = await school(3);
    expect(ids).toHaveLength(6);
    await smtp.down();
    const t0 = new Date(Math.ceil(Date.now() / 60_000) * 60_000 + 60_000);
    let clock = t0;
    const d = { ...deps(), now: () => clock };
    const attemptsAt: number[] = [];
    let seenWaiting = false;
    for (let round = 0; round < 20; round++) {
      if (clock.getTime() - t0.getTime() >= 10 * 60_000) await smtp.up();
      const due = (await rowsOf(ids)).filter((r) => r.status === "PENDING" && r.sendAfter <= clock);
      if (due.length === 0) break;
      attemptsAt.push((clock.getTime() - t0.getTime()) / 1000);
      for (const row of due) await deliverNotification(row.id, d);
      const rows = await rowsOf(ids);
      if (rows.every((r) => r.status === "DELIVERED")) break;
      // Along the way: each row waiting, with the reason, the attempt count and the next attempt; its job queued for then.
      expect(rows.map((r) => [r.status, r.attempts, r.lastError, r.lockedUntil])).toEqual(ids.map(() => ["PENDING", round + 1, "smtp-unreachable", null]));
      const next = rows[0].sendAfter;
      expect(rows.every((r) => r.sendAfter.getTime() === next.getTime())).toBe(true);
      const jobs = await db.$queryRaw<{ key: string; run_at: Date }[]>`SELECT key, run_at FROM graphile_worker._private_jobs WHERE key = ANY(${ids}::text[])`;
      expect(jobs.map((j) => [j.key, j.run_at.getTime()]).sort()).toEqual(ids.map((id) => [id, next.getTime()]).sort());
      if (round === 2) {
        // The school sees it: "waiting to retry", attempt 3, the next attempt, a readable reason.
        const view = await getDeliveryLog(officer);
        expect(view.counts).toMatchObject({ RETRYING: 6, PENDING: 0, FAILED: 0 });
        expect(view.rows.map((r) => [r.state, r.attempts, r.sendAfter.getTime(), r.reason])).toEqual(
          ids.map(() => ["RETRYING", 3, next.getTime(), { code: "smtp-unreachable", providerStatus: null }]),
        );
        expect((await getDeliveryLog(officer, { status: "RETRYING" })).rows).toHaveLength(6);
        expect((await getDeliveryLog(officer, { status: "PENDING" })).rows).toHaveLength(0);
        seenWaiting = true;
      }
      clock = next;
    }
    expect(seenWaiting).toBe(true);
    // Waits of 30 s, 1, 2, 4 and 8 minutes: the sixth attempt, 15.5 minutes in, finds the server back.
    expect(attemptsAt).toEqual([0, 30, 90, 210, 450, 930]);
    const rows = await rowsOf(ids);
    expect(rows.map((r) => [r.status, r.attempts, r.lastError])).toEqual(ids.map(() => ["DELIVERED", 6, null]));
    for (const id of ids) expect(mailsFor(id).map((m) => m.messageId)).toEqual([messageIdFor(id)]);
    expect(smtp.messages).toHaveLength(6);
  });
});

describe("with the real job worker", () => {
  it("the SMTP server refuses connections, then returns: every queued message delivered exactly once", async () => {
    fastRetries();
    const { ids } = await school(4);
    await smtp.down();
    await worker();
    await waitingToRetry(ids, "smtp-unreachable");
    expect(smtp.messages).toHaveLength(0);
    await smtp.up();
    await delivered(ids);
    await new Promise((r) => setTimeout(r, 1500)); // nothing arrives late, twice
    for (const id of ids) expect(mailsFor(id)).toHaveLength(1);
    expect(smtp.messages).toHaveLength(ids.length);
    // At least one refused attempt before the one that delivered (waitingToRetry saw attempt 2 under way or waiting;
    // whether a third was needed depends on when the server came back relative to the worker).
    expect((await rowsOf(ids)).every((r) => r.attempts >= 2 && r.lastError === null && r.deliveredAt)).toBe(true);
  }, 120_000);

  it("the SMS provider answers 503, then works again: each text message sent exactly once", async () => {
    fastRetries();
    const { ids } = await school(2, "SMS");
    sms.answerStatus = 503;
    await worker();
    await waitingToRetry(ids, "sms-temporary 503");
    expect(sms.requests).toHaveLength(0);
    sms.answerStatus = undefined;
    await delivered(ids);
    await new Promise((r) => setTimeout(r, 1500));
    for (const id of ids) expect(smsFor(id)).toHaveLength(1);
    expect(sms.hits).toBeGreaterThan(ids.length * 2);
  }, 120_000);

  it("the SMS provider times out after accepting: the resend carries the same Idempotency-Key, so each message is sent once", async () => {
    fastRetries();
    const { ids } = await school(2, "SMS");
    sms.honourIdempotencyKey = true;
    sms.answerDelayMs = 800; // the provider accepts, then answers after our 300 ms limit
    await worker(300);
    await waitingToRetry(ids, "sms-timeout");
    sms.answerDelayMs = undefined;
    await delivered(ids);
    for (const id of ids) expect(smsFor(id).map((r) => r.idempotencyKey)).toEqual([id]);
    expect(sms.hits).toBeGreaterThan(sms.requests.length);
  }, 120_000);

  it("a permanent refusal fails at once, without retries: SMTP 550 for one address, SMS 400", async () => {
    fastRetries();
    const mail = await school(1);
    const refused = mail.guardians[0].email;
    smtp.rejectRecipient = (address) => address === refused;
    const texts = await school(1, "SMS");
    sms.answerStatus = 400;
    await worker();
    const all = [...mail.ids, ...texts.ids];
    await waitUntil(everyRow(all, (r) => r.status === "DELIVERED" || r.status === "FAILED"), 20_000, "final statuses");
    await new Promise((r) => setTimeout(r, 1000));
    const rows = await rowsOf(all);
    const byGuardian = (guardianId: string) => rows.find((r) => r.guardianId === guardianId)!;
    expect(byGuardian(mail.guardians[0].guardianId)).toMatchObject({ status: "FAILED", attempts: 1, lastError: "smtp-rejected 550" });
    expect(byGuardian(mail.guardians[1].guardianId)).toMatchObject({ status: "DELIVERED", attempts: 1 });
    for (const g of texts.guardians) expect(byGuardian(g.guardianId)).toMatchObject({ status: "FAILED", attempts: 1, lastError: "sms-rejected 400" });
    expect(sms.hits).toBe(2);
    const view = await getDeliveryLog(mail.officer, { status: "FAILED" });
    expect(view.rows.map((r) => r.reason)).toEqual([{ code: "smtp-rejected", providerStatus: 550 }]);
    expect(JSON.stringify(view)).not.toContain(refused);
  });
});

describe("the retry budget", () => {
  it("ends as FAILED with the last reason when the server stays away; the officer reads why", async () => {
    process.env.NOTIFICATION_MAX_ATTEMPTS = "3";
    const { ids, officer } = await school(1);
    await smtp.down();
    let clock = new Date(Date.now() + 60_000);
    const d = { ...deps(), now: () => clock };
    for (let attempt = 1; attempt <= 3; attempt++) {
      for (const id of ids) await deliverNotification(id, d);
      const rows = await rowsOf(ids);
      if (attempt < 3) {
        expect(rows.map((r) => [r.status, r.attempts])).toEqual(ids.map(() => ["PENDING", attempt]));
        clock = rows[0].sendAfter;
      } else {
        expect(rows.map((r) => [r.status, r.attempts, r.lastError, r.lockedUntil])).toEqual(ids.map(() => ["FAILED", 3, "smtp-unreachable", null]));
      }
    }
    expect(smtp.messages).toHaveLength(0);
    const view = await getDeliveryLog(officer);
    expect(view.counts).toMatchObject({ FAILED: 2, RETRYING: 0, PENDING: 0 });
    expect(view.rows.map((r) => [r.state, r.reason])).toEqual(ids.map(() => ["FAILED", { code: "smtp-unreachable", providerStatus: null }]));
    // Another delivery of a failed row sends nothing.
    await smtp.up();
    expect(await deliverNotification(ids[0], d)).toBe("not-claimed");
    expect(smtp.messages).toHaveLength(0);
  });

  it("a mail server that accepts the connection but never answers is a timeout, retried", async () => {
    const silent = net.createServer(() => {});
    const sockets: net.Socket[] = [];
    silent.on("connection", (s) => sockets.push(s));
    await new Promise<void>((resolve) => silent.listen(0, "127.0.0.1", resolve));
    try {
      const { ids } = await school(1);
      const url = `smtp://127.0.0.1:${(silent.address() as AddressInfo).port}`;
      const d = { ...deps(), email: createEmailTransport({ ...process.env, SMTP_URL: url, SMTP_TIMEOUT_SECONDS: "0.3" }) };
      expect(await deliverNotification(ids[0], d)).toBe("retry");
      expect(await db.notification.findUniqueOrThrow({ where: { id: ids[0] } })).toMatchObject({ status: "PENDING", attempts: 1, lastError: "smtp-timeout" });
    } finally {
      for (const s of sockets) s.destroy();
      await new Promise<void>((resolve) => silent.close(() => resolve()));
    }
  });
});

describe("what is not guaranteed", () => {
  it("the provider accepted but we never recorded it (a crash in between): the resend carries the same Message-ID", async () => {
    const { ids } = await school(1);
    const [id] = ids;
    expect(await deliverNotification(id, deps())).toBe("delivered");
    // As if the worker died after the server's 250 and before the DELIVERED commit: the claim's lease runs out.
    await db.notification.update({ where: { id }, data: { status: "SENDING", lockedUntil: new Date(Date.now() - 1000), deliveredAt: null } });
    expect(await deliverNotification(id, deps())).toBe("delivered");
    // Two copies reach the server (at least once), with one Message-ID, so mail programs show one.
    expect(mailsFor(id).map((m) => m.messageId)).toEqual([messageIdFor(id), messageIdFor(id)]);
  });
});
