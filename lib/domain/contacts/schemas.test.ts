import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { ContactMomentInput } from "@/lib/domain/contacts/schemas";
import { contactDateBounds } from "@/lib/domain/contacts/fields";

// The contact form's dates, on a fixed day: Tuesday 10 March 2026 (school year 2025-2026).

const valid = {
  pupilId: "p1", idempotencyKey: "6f1c1d7e-2a3b-4c5d-8e9f-0a1b2c3d4e5f", kind: "PHONE_CALL", initiatedBy: "SCHOOL", tone: "POSITIVE",
  guardianIds: ["g1"], summary: "Goed gesprek", occurredOn: "2026-03-10", followUpOn: "",
};
const errorOf = (overrides: Record<string, unknown>, field: string) =>
  ContactMomentInput.safeParse({ ...valid, ...overrides }).error?.issues.find((i) => i.path[0] === field)?.message;

beforeEach(() => {
  vi.useFakeTimers();
  vi.setSystemTime(new Date("2026-03-10T10:00:00Z"));
});
afterEach(() => vi.useRealTimers());

describe("a contact moment's dates", () => {
  it("refuses a day that does not exist instead of rolling it over (30 February is not 2 March)", () => {
    expect(errorOf({ occurredOn: "2026-02-30" }, "occurredOn")).toBe("contactErrors.occurredOn");
    expect(errorOf({ occurredOn: "2026-02-29" }, "occurredOn")).toBe("contactErrors.occurredOn");
    expect(errorOf({ followUpOn: "2026-04-31" }, "followUpOn")).toBe("contactErrors.followUpOn");
  });

  it("takes a contact from the start of this school year up to today", () => {
    expect(ContactMomentInput.parse(valid).occurredOn.toISOString()).toBe("2026-03-10T00:00:00.000Z");
    expect(ContactMomentInput.safeParse({ ...valid, occurredOn: "2025-08-01" }).success).toBe(true);
    expect(errorOf({ occurredOn: "2025-07-31" }, "occurredOn")).toBe("contactErrors.occurredBeforeSchoolYear");
    expect(errorOf({ occurredOn: "2026-03-11" }, "occurredOn")).toBe("contactErrors.occurredInFuture");
  });

  it("takes a follow-up from today up to a year ahead, or none", () => {
    expect(ContactMomentInput.parse(valid).followUpOn).toBeNull();
    expect(ContactMomentInput.parse({ ...valid, followUpOn: "2026-03-10" }).followUpOn?.toISOString()).toBe("2026-03-10T00:00:00.000Z");
    expect(ContactMomentInput.safeParse({ ...valid, followUpOn: "2027-03-10" }).success).toBe(true);
    expect(errorOf({ followUpOn: "2027-03-11" }, "followUpOn")).toBe("contactErrors.followUpTooFar");
    expect(errorOf({ followUpOn: "2026-03-09" }, "followUpOn")).toBe("contactErrors.followUpInPast");
    expect(errorOf({ followUpOn: "9999-01-01" }, "followUpOn")).toBe("contactErrors.followUpOn");
  });

  it("gives the form the same bounds for its date fields", () => {
    expect(contactDateBounds("2026-03-10")).toEqual({ occurredMin: "2025-08-01", followUpMax: "2027-03-10" });
    expect(contactDateBounds("2026-08-01")).toEqual({ occurredMin: "2026-08-01", followUpMax: "2027-08-01" });
  });
});
