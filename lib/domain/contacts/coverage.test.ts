import { describe, expect, it } from "vitest";
import { attemptAfter, coverageOf, isDue, openFollowUp, type MomentLike } from "@/lib/domain/contacts/coverage";

const day = (iso: string) => new Date(`${iso}T00:00:00Z`);
const today = day("2026-11-23");
let n = 0;
const moment = (occurred: string, tone: MomentLike["tone"], followUp?: string): MomentLike => ({
  id: String(++n),
  occurredOn: day(occurred),
  createdAt: new Date(day(occurred).getTime() + n * 1000),
  tone,
  followUpOn: followUp ? day(followUp) : null,
});

describe("coverageOf", () => {
  it("flags a family without any contact as not reached", () => {
    expect(coverageOf([], today, 6)).toEqual({ last: null, daysSinceLast: null, countThisYear: 0, lastThreeAllConcern: false, notReached: true });
  });

  it("flags a family whose last contact is older than the threshold, and not one within it", () => {
    expect(coverageOf([moment("2026-10-12", "POSITIVE")], today, 6)).toMatchObject({ daysSinceLast: 42, notReached: false });
    expect(coverageOf([moment("2026-10-11", "POSITIVE")], today, 6)).toMatchObject({ daysSinceLast: 43, notReached: true });
  });

  it("reports the newest contact, the count, and three concerns in a row", () => {
    const moments = [moment("2026-09-01", "POSITIVE"), moment("2026-10-01", "CONCERN"), moment("2026-11-01", "CONCERN"), moment("2026-11-20", "CONCERN")];
    const coverage = coverageOf(moments, today, 6);
    expect(coverage.last).toEqual({ occurredOn: day("2026-11-20"), tone: "CONCERN" });
    expect(coverage.countThisYear).toBe(4);
    expect(coverage.lastThreeAllConcern).toBe(true);
    expect(coverageOf([...moments, moment("2026-11-22", "POSITIVE")], today, 6).lastThreeAllConcern).toBe(false);
  });
});

describe("follow-ups", () => {
  it("is open when the newest contact set one, and due on or after its date", () => {
    const open = openFollowUp([moment("2026-11-01", "CONCERN", "2026-11-23")]);
    expect(open?.followUpOn).toEqual(day("2026-11-23"));
    expect(isDue(open!.followUpOn!, today)).toBe(true);
    expect(isDue(day("2026-11-24"), today)).toBe(false);
  });

  it("is closed by a newer contact moment", () => {
    expect(openFollowUp([moment("2026-11-01", "CONCERN", "2026-11-10"), moment("2026-11-12", "POSITIVE")])).toBeNull();
  });
});

describe("a no-show as a contact attempt (decision 0028)", () => {
  it("is shown while newer than the last contact, as the Dutch day of the evening", () => {
    // 23:30 UTC on 10 November is 11 November in Amsterdam.
    expect(attemptAfter(null, new Date("2026-11-10T23:30:00Z"))).toEqual(day("2026-11-11"));
    expect(attemptAfter({ occurredOn: day("2026-11-01"), tone: "NEUTRAL" }, new Date("2026-11-10T18:00:00Z"))).toEqual(day("2026-11-10"));
    expect(attemptAfter({ occurredOn: day("2026-11-10"), tone: "NEUTRAL" }, new Date("2026-11-10T18:00:00Z"))).toBeNull();
    expect(attemptAfter({ occurredOn: day("2026-11-01"), tone: "NEUTRAL" }, null)).toBeNull();
  });
});
