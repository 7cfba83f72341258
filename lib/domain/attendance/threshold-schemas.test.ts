import { describe, expect, it } from "vitest";
import { dutchToday } from "@/lib/domain/calendar/dates";
import { caseFieldErrors, ThresholdCaseInput } from "@/lib/domain/attendance/threshold-schemas";

const d = (iso: string) => new Date(`${iso}T00:00:00Z`);
const today = () => dutchToday().toISOString().slice(0, 10);

describe("ThresholdCaseInput", () => {
  const cases: [string, Record<string, unknown>, string, string][] = [
    ["reported without a date", { status: "REPORTED", reportedOn: "" }, "reportedOn", "thresholdErrors.reportedOnRequired"],
    ["reported in the future", { status: "REPORTED", reportedOn: "2999-01-01" }, "reportedOn", "thresholdErrors.reportedOnInFuture"],
    ["reported before the school year", { status: "REPORTED", reportedOn: "2001-01-01" }, "reportedOn", "thresholdErrors.reportedOnBeforeYear"],
    ["a malformed date", { status: "REPORTED", reportedOn: "21-03-2031" }, "reportedOn", "thresholdErrors.reportedOnInvalid"],
    ["an impossible date", { status: "REPORTED", reportedOn: "2031-02-31" }, "reportedOn", "thresholdErrors.reportedOnInvalid"],
    ["not required without a reason", { status: "NOT_REQUIRED", note: "" }, "note", "thresholdErrors.reasonRequired"],
    ["not required with a reason too short", { status: "NOT_REQUIRED", note: " nvt " }, "note", "thresholdErrors.reasonRequired"],
    ["a note over 300 characters", { status: "TO_REPORT", note: "x".repeat(301) }, "note", "thresholdErrors.noteTooLong"],
    ["an unknown status", { status: "MAYBE" }, "status", "thresholdErrors.status"],
    ["no pupil", { pupilId: "", status: "TO_REPORT" }, "pupilId", "thresholdErrors.invalid"],
  ];
  for (const [name, overrides, field, key] of cases) {
    it(`rejects ${name} with a catalogue key`, () => {
      const result = ThresholdCaseInput.safeParse({ pupilId: "p", ...overrides });
      expect(result.success).toBe(false);
      expect(result.error?.issues.find((i) => i.path[0] === field)?.message).toBe(key);
    });
  }

  it("accepts a report dated today, and drops a date that belongs to no report", () => {
    expect(ThresholdCaseInput.parse({ pupilId: "p", status: "REPORTED", reportedOn: today(), note: "" })).toEqual({
      pupilId: "p", status: "REPORTED", reportedOn: dutchToday(), note: null,
    });
    expect(ThresholdCaseInput.parse({ pupilId: "p", status: "NOT_REQUIRED", reportedOn: today(), note: " Verhuisd naar België " })).toMatchObject({
      reportedOn: null, note: "Verhuisd naar België",
    });
    expect(ThresholdCaseInput.parse({ pupilId: "p", status: "TO_REPORT" })).toMatchObject({ reportedOn: null, note: null });
  });
});

describe("caseFieldErrors", () => {
  const bounds = { today: d("2031-03-21"), yearStartsOn: d("2030-08-01") };
  it("checks the report date against the school year the caller gives", () => {
    expect(caseFieldErrors({ status: "REPORTED", reportedOn: d("2030-08-01"), note: null }, bounds)).toEqual({});
    expect(caseFieldErrors({ status: "REPORTED", reportedOn: d("2030-07-31"), note: null }, bounds)).toEqual({ reportedOn: "thresholdErrors.reportedOnBeforeYear" });
    expect(caseFieldErrors({ status: "REPORTED", reportedOn: d("2031-03-22"), note: null }, bounds)).toEqual({ reportedOn: "thresholdErrors.reportedOnInFuture" });
  });

  it("asks a reason of 5 characters or more for 'not required' only", () => {
    expect(caseFieldErrors({ status: "NOT_REQUIRED", reportedOn: null, note: "1234" }, bounds)).toEqual({ note: "thresholdErrors.reasonRequired" });
    expect(caseFieldErrors({ status: "NOT_REQUIRED", reportedOn: null, note: "12345" }, bounds)).toEqual({});
    expect(caseFieldErrors({ status: "TO_REPORT", reportedOn: null, note: null }, bounds)).toEqual({});
  });
});
