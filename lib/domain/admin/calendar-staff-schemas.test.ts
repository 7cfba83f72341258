import { describe, expect, it } from "vitest";
import { HolidayInput, PeriodInput } from "@/lib/domain/admin/calendar-schemas";
import { NewStaffInput, StaffRolesInput } from "@/lib/domain/admin/staff-schemas";
import { holidayFormName } from "@/lib/domain/admin/calendar-fields";
import { issuesToErrors } from "@/lib/domain/admin/form-state";

const errors = (parsed: { success: boolean; error?: { issues: { path: PropertyKey[]; message: string }[] } }, namespace: string) =>
  parsed.success ? {} : issuesToErrors(parsed.error!.issues, namespace);

describe("HolidayInput", () => {
  const valid = { kind: "autumn", customName: "", startsOn: "2030-10-14", endsOn: "2030-10-18" };
  it("stores a catalogue key, or the school's own name for 'other'", () => {
    expect(HolidayInput.parse(valid).name).toBe("autumn");
    expect(HolidayInput.parse({ ...valid, kind: "other", customName: "  Studiedag " }).name).toBe("Studiedag");
    expect(holidayFormName("Studiedag")).toEqual({ kind: "other", customName: "Studiedag" });
    expect(holidayFormName("may")).toEqual({ kind: "may", customName: "" });
  });
  it.each([
    [{ kind: "carnival" }, { kind: "calendarErrors.kind" }],
    [{ kind: "other", customName: "x" }, { customName: "calendarErrors.customNameRequired" }],
    [{ kind: "other", customName: "x".repeat(61) }, { customName: "calendarErrors.customNameTooLong" }],
    [{ startsOn: "14-10-2030" }, { startsOn: "calendarErrors.startsOn" }],
    [{ endsOn: "2030-02-30" }, { endsOn: "calendarErrors.endsOn" }],
    [{ endsOn: "" }, { endsOn: "calendarErrors.endsOn" }],
  ])("refuses %o", (overrides, expected) => expect(errors(HolidayInput.safeParse({ ...valid, ...overrides }), "calendarErrors")).toEqual(expected));
});

describe("PeriodInput", () => {
  it("reads ISO days and refuses anything else", () => {
    expect(PeriodInput.parse({ schoolYearId: "y", startsOn: "2030-08-01", endsOn: "2030-11-08" }).endsOn).toEqual(new Date("2030-11-08T00:00:00Z"));
    expect(errors(PeriodInput.safeParse({ schoolYearId: "y", startsOn: "1-8-2030", endsOn: "1899-01-01" }), "calendarErrors")).toEqual({
      startsOn: "calendarErrors.startsOn", endsOn: "calendarErrors.endsOn",
    });
  });
});

describe("staff inputs", () => {
  const valid = { name: "Ruben Dekker", email: " R.Dekker@School.NL ", phone: "", roles: ["LEADER", "MENTOR"], classIds: ["c1", "c1"], confirmExisting: false };
  it("normalises e-mail, phone, role order and duplicate classes", () => {
    expect(NewStaffInput.parse({ ...valid, phone: "0612345678" })).toMatchObject({ email: "r.dekker@school.nl", phone: "06 12345678", roles: ["MENTOR", "LEADER"], classIds: ["c1"] });
  });
  it.each([
    [{ name: "R" }, { name: "staffErrors.name" }],
    [{ email: "r.dekker" }, { email: "staffErrors.email" }],
    [{ phone: "0612" }, { phone: "staffErrors.phone" }],
    [{ roles: [], classIds: [] }, { roles: "staffErrors.roles" }],
    [{ roles: ["ADMIN"] }, { roles: "staffErrors.roles" }],
    [{ roles: ["PARENT", "MENTOR"] }, { roles: "staffErrors.roles" }],
    [{ roles: ["LEADER"], classIds: ["c1"] }, { classIds: "staffErrors.classesNeedMentor" }],
  ])("refuses %o", (overrides, expected) => expect(errors(NewStaffInput.safeParse({ ...valid, ...overrides }), "staffErrors")).toEqual(expected));
  it("the edit form needs a role too", () => {
    expect(errors(StaffRolesInput.safeParse({ phone: "", roles: [], classIds: [] }), "staffErrors")).toEqual({ roles: "staffErrors.roles" });
  });
});
