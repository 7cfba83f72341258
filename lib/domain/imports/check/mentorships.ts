import type { CheckFile } from "@/lib/domain/imports/check/types";
import { checkText, type Checker } from "@/lib/domain/imports/check/checker";
import { accountFor, ensureMembership } from "@/lib/domain/imports/check/accounts";
import { parseEmail, parsePhone } from "@/lib/domain/imports/values";

/**
 * Mentors of classes, by name and e-mail address. Unknown people get an
 * account (no password: they are invited later), a staff profile at this
 * school and the mentor role; someone already on staff at another school is
 * refused (one staff profile per person).
 */
export async function checkMentorships(checker: Checker, file: CheckFile): Promise<void> {
  const planned = new Set<string>();
  for await (const row of checker.rows(file)) {
    const className = checkText(checker, file.position, row, "className", 20, true);
    const name = checkText(checker, file.position, row, "mentorName", 120, true);
    const email = parseEmail(row.get("mentorEmail"));
    if (!email) checker.error(file.position, row.line, row.has("mentorEmail") ? "emailInvalid" : "required", { field: "mentorEmail", value: row.get("mentorEmail") });
    const phone = row.has("mentorPhone") ? parsePhone(row.get("mentorPhone")) : null;
    if (row.has("mentorPhone") && !phone) checker.error(file.position, row.line, "phoneInvalid", { value: row.get("mentorPhone") });
    const klass = className ? checker.classes.get(className.toUpperCase()) : undefined;
    if (className && !klass) checker.error(file.position, row.line, "unknownClass", { value: className });
    if (!className || !name || !email || !klass || klass === "bad" || (row.has("mentorPhone") && !phone)) continue;

    const account = accountFor(checker, file.position, row.line, email, name, "nl");
    if (!account) continue;
    if (account.staffSchoolId && account.staffSchoolId !== checker.ctx.schoolId) {
      checker.error(file.position, row.line, "staffAtOtherSchool", { value: email });
      continue;
    }
    if (!account.staffId) {
      account.staffId = checker.newId();
      account.staffSchoolId = checker.ctx.schoolId;
      checker.plan.staff.push({ id: account.staffId, userId: account.userId, phone });
      checker.count("staff", "created", { label: name });
    }
    ensureMembership(checker, account.userId, "MENTOR", checker.ctx.schoolId);
    const key = `${account.staffId}|${klass.id}`;
    if (planned.has(key)) continue;
    planned.add(key);
    if (checker.state.mentorships.has(key)) checker.count("mentorships", "unchanged");
    else {
      checker.plan.mentorships.push({ staffId: account.staffId, classGroupId: klass.id });
      checker.count("mentorships", "created", { label: `${klass.name}: ${name}` });
    }
  }
}
