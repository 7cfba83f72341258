import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { MAX_ATTEMPTS } from "@/lib/notifications/queue";
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
  it("puts a temporary failure back for a retry: the lease lapses at once and the provider's code is kept", async () => {
    const n = await claimed(1);
    expect(await failedSend(n, new DeliveryError("smtp-421", false), finish)).toBe("retry");
    expect(await db.notification.findUniqueOrThrow({ where: { id: n.id } })).toMatchObject({ status: "SENDING", lockedUntil: new Date(0), lastError: "smtp-421" });
  });

  it("fails for good on a permanent error, or when the attempts are used up; an unknown error is named 'error', never its text", async () => {
    const permanent = await claimed(1);
    expect(await failedSend(permanent, new DeliveryError("smtp-550", true), finish)).toBe("failed");
    expect(await db.notification.findUniqueOrThrow({ where: { id: permanent.id } })).toMatchObject({ status: "FAILED", lastError: "smtp-550" });
    const exhausted = await claimed(MAX_ATTEMPTS);
    expect(await failedSend(exhausted, new Error("connect ECONNREFUSED for x@example.test"), finish)).toBe("failed");
    expect(await db.notification.findUniqueOrThrow({ where: { id: exhausted.id } })).toMatchObject({ status: "FAILED", lastError: "error" });
  });
});
