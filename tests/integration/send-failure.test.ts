import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { DEFAULT_RETRY_POLICY } from "@/lib/notifications/retry";
import { failedSend } from "@/lib/notifications/send-failure";
import { DeliveryError } from "@/lib/notifications/transports/types";

// The one rule every kind of message follows when its transport throws
// (absence alerts, account e-mails, notices, announcements, conference reminders).

async function claimed(attempts: number) {
  return db.notification.create({
    data: { id: randomUUID(), kind: "CONFERENCE_REMINDER", channel: "EMAIL", locale: "nl", address: "x@example.test", status: "SENDING", attempts, sendAfter: new Date(), lockedUntil: new Date(Date.now() + 120_000) },
  });
}

const finish = async (id: string, data: { status: "FAILED"; lastError: string }) => {
  await db.notification.update({ where: { id }, data });
};

describe("failedSend", () => {
  it("puts a temporary failure back to wait for its next attempt: PENDING, the reason kept, the job queued for then", async () => {
    const n = await claimed(3);
    const now = new Date("2026-12-07T13:01:00Z");
    expect(await failedSend(n, new DeliveryError("smtp-temporary 421", false), finish, now, DEFAULT_RETRY_POLICY)).toBe("retry");
    const next = new Date("2026-12-07T13:03:00Z"); // after the third attempt: 2 minutes
    expect(await db.notification.findUniqueOrThrow({ where: { id: n.id } })).toMatchObject({ status: "PENDING", lockedUntil: null, sendAfter: next, lastError: "smtp-temporary 421", attempts: 3 });
    const jobs = await db.$queryRaw<{ run_at: Date }[]>`SELECT run_at FROM graphile_worker._private_jobs WHERE key = ${n.id}`;
    expect(jobs).toEqual([{ run_at: next }]);
  });

  it("changes nothing when the row is no longer claimed (another worker finished it)", async () => {
    const n = await claimed(1);
    await db.notification.update({ where: { id: n.id }, data: { status: "DELIVERED" } });
    expect(await failedSend(n, new DeliveryError("smtp-unreachable", false), finish)).toBe("retry");
    expect(await db.notification.findUniqueOrThrow({ where: { id: n.id } })).toMatchObject({ status: "DELIVERED", lastError: null });
    expect(await db.$queryRaw`SELECT 1 FROM graphile_worker._private_jobs WHERE key = ${n.id}`).toEqual([]);
  });

  it("fails for good on a permanent error, or when the attempts are used up; an unknown error is named 'error', never its text", async () => {
    const permanent = await claimed(1);
    expect(await failedSend(permanent, new DeliveryError("smtp-rejected 550", true), finish)).toBe("failed");
    expect(await db.notification.findUniqueOrThrow({ where: { id: permanent.id } })).toMatchObject({ status: "FAILED", lastError: "smtp-rejected 550" });
    const exhausted = await claimed(DEFAULT_RETRY_POLICY.maxAttempts);
    expect(await failedSend(exhausted, new Error("connect ECONNREFUSED for x@example.test"), finish, new Date(), DEFAULT_RETRY_POLICY)).toBe("failed");
    expect(await db.notification.findUniqueOrThrow({ where: { id: exhausted.id } })).toMatchObject({ status: "FAILED", lastError: "error" });
  });
});
