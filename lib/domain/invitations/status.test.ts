import { describe, expect, it } from "vitest";
import { includedInBulk, invitationStatus, mayInvite } from "@/lib/domain/invitations/status";

const now = new Date("2026-12-07T12:00:00Z");
const person = { hasPassword: false, email: "a@b.nl", disabled: false };
const sent = (days: number) => ({ status: "DELIVERED" as const, createdAt: new Date(now.getTime() - days * 86_400_000), deliveredAt: new Date(now.getTime() - days * 86_400_000) });

describe("invitation status", () => {
  it("puts blocked, active and no e-mail address before any invitation", () => {
    expect(invitationStatus({ ...person, disabled: true, hasPassword: true }, sent(1), now)).toBe("blocked");
    expect(invitationStatus({ ...person, hasPassword: true }, null, now)).toBe("active");
    expect(invitationStatus({ ...person, email: null }, null, now)).toBe("noEmail");
  });

  it("follows the last invitation e-mail: waiting, delivered, failed, expired after 7 days", () => {
    expect(invitationStatus(person, null, now)).toBe("notInvited");
    expect(invitationStatus(person, { status: "PENDING", createdAt: now, deliveredAt: null }, now)).toBe("pending");
    expect(invitationStatus(person, { status: "SENDING", createdAt: now, deliveredAt: null }, now)).toBe("pending");
    expect(invitationStatus(person, { status: "FAILED", createdAt: now, deliveredAt: null }, now)).toBe("failed");
    expect(invitationStatus(person, { status: "SKIPPED", createdAt: now, deliveredAt: null }, now)).toBe("notInvited");
    expect(invitationStatus(person, sent(6.9), now)).toBe("invited");
    expect(invitationStatus(person, sent(7), now)).toBe("expired");
  });

  it("lets one person be invited again, but leaves valid invitations out of 'invite everyone'", () => {
    expect(mayInvite("invited")).toBe(true);
    expect(includedInBulk("invited")).toBe(false);
    for (const s of ["notInvited", "expired", "failed"] as const) expect([mayInvite(s), includedInBulk(s)]).toEqual([true, true]);
    for (const s of ["pending", "active", "noEmail", "blocked"] as const) expect([mayInvite(s), includedInBulk(s)]).toEqual([false, false]);
  });
});
