import type { Locale } from "@/lib/generated/prisma/enums";
import type { CheckFile } from "@/lib/domain/imports/check/types";
import { checkText, type Checker, type Row } from "@/lib/domain/imports/check/checker";
import { accountFor, ensureMembership } from "@/lib/domain/imports/check/accounts";
import { joinName, nameKey, parseEmail, parseLanguage, parsePhone, parseRelationship, parseYesNo, sameName } from "@/lib/domain/imports/values";

type GuardianStatus = "created" | "changed" | "unchanged";

/**
 * Guardians and their link to each pupil, one line per guardian and pupil.
 * A guardian is matched on their e-mail address; without one, on their name
 * among the pupil's guardians (and on name and mobile number across the set,
 * so a guardian without e-mail of two children is one person). New guardians
 * get an account without a password (invited later), a guardian profile and
 * the parent role; an existing account of the same person (a teacher who is
 * also a parent) gets the guardian profile and the role added.
 */
export async function checkGuardians(checker: Checker, file: CheckFile): Promise<void> {
  const status = new Map<string, GuardianStatus>();
  const withoutEmail = new Map<string, string>();
  const linked = new Map<string, number>();
  for await (const row of checker.rows(file)) {
    const parsed = parseRow(checker, file.position, row);
    if (!parsed) continue;
    const { pupil, name, email, phone, locale } = parsed;
    let guardianId: string | null = null;
    if (email) {
      const account = accountFor(checker, file.position, row.line, email, name, locale);
      if (!account) continue;
      if (account.isNew && !account.guardianId) {
        // The school may have known this guardian without an address until now.
        const known = (checker.state.links.get(pupil.id) ?? []).find((l) => l.email === null && sameName(l.name, name));
        if (known) {
          checker.plan.users.splice(checker.plan.users.findIndex((u) => u.id === account.userId), 1);
          account.userId = known.userId;
          account.guardianId = known.guardianId;
          account.isNew = false;
          checker.plan.userEmails.push({ id: known.userId, email });
          status.set(known.guardianId, "changed");
          checker.count("guardians", "changed", { label: name, fields: ["email"] });
        }
      }
      if (!account.guardianId) {
        account.guardianId = checker.newId();
        checker.plan.guardians.create.push({ id: account.guardianId, userId: account.userId, phone });
        status.set(account.guardianId, "created");
        checker.count("guardians", "created", { label: name });
      }
      ensureMembership(checker, account.userId, "PARENT", null);
      guardianId = account.guardianId;
    } else {
      const key = phone ? `p:${nameKey(name)}|${phone}` : `n:${nameKey(name)}|${pupil.id}`;
      guardianId = withoutEmail.get(key) ?? (checker.state.links.get(pupil.id) ?? []).find((l) => l.email === null && sameName(l.name, name))?.guardianId ?? null;
      if (!guardianId) {
        const userId = checker.newId();
        guardianId = checker.newId();
        checker.plan.users.push({ id: userId, email: null, name, locale });
        checker.plan.guardians.create.push({ id: guardianId, userId, phone });
        ensureMembership(checker, userId, "PARENT", null);
        status.set(guardianId, "created");
        checker.count("guardians", "created", { label: name });
      }
      withoutEmail.set(key, guardianId);
    }
    if (!status.has(guardianId)) {
      const before = checker.state.guardianPhones.get(guardianId);
      const changed = phone !== null && before !== undefined && before !== phone;
      if (changed) checker.plan.guardians.update.push({ id: guardianId, phone });
      status.set(guardianId, changed ? "changed" : "unchanged");
      checker.count("guardians", changed ? "changed" : "unchanged", changed ? { label: name, fields: ["mobile"] } : undefined);
    }
    linkGuardian(checker, file.position, row, linked, guardianId, pupil, parsed);
  }
}

type Parsed = {
  pupil: { id: string; label: string };
  name: string; email: string | null; phone: string | null; locale: Locale;
  relationship: NonNullable<ReturnType<typeof parseRelationship>>; authority: boolean; household: string | null;
};

function parseRow(checker: Checker, file: number, row: Row): Parsed | null {
  const number = row.get("studentNumber");
  const pupil = checker.pupils.get(number);
  if (!number) checker.error(file, row.line, "required", { field: "studentNumber" });
  else if (!pupil) checker.error(file, row.line, "unknownPupil", { value: number });
  const name = joinName(row.get("name")) || joinName(row.get("firstName"), row.get("prefix"), row.get("lastName"));
  if (!name) checker.error(file, row.line, "required", { field: "name" });
  else if (name.length > 120) checker.error(file, row.line, "tooLong", { field: "name", max: 120 });
  const email = row.has("email") ? parseEmail(row.get("email")) : null;
  if (row.has("email") && !email) checker.error(file, row.line, "emailInvalid", { value: row.get("email") });
  const phone = row.has("mobile") ? parsePhone(row.get("mobile")) : null;
  if (row.has("mobile") && !phone) checker.error(file, row.line, "phoneInvalid", { value: row.get("mobile") });
  const relationship = parseRelationship(row.get("relationship"));
  if (!relationship) checker.error(file, row.line, row.has("relationship") ? "relationshipUnknown" : "required", { field: "relationship", value: row.get("relationship") });
  const authority = parseYesNo(row.get("authority"));
  if (authority === null) checker.error(file, row.line, row.has("authority") ? "yesNoInvalid" : "required", { field: "authority", value: row.get("authority") });
  const language = parseLanguage(row.get("language"));
  if (language === "unsupported") checker.warn(file, row.line, "languageUnsupported", { value: row.get("language") });
  const household = checkText(checker, file, row, "household", 80, false);
  if (!pupil || pupil === "bad" || !name || name.length > 120 || (row.has("email") && !email) || (row.has("mobile") && !phone) || !relationship || authority === null || household === null) return null;
  return { pupil, name, email, phone, locale: language && language !== "unsupported" ? language : "nl", relationship, authority, household: household || null };
}

function linkGuardian(checker: Checker, file: number, row: Row, linked: Map<string, number>, guardianId: string, pupil: Parsed["pupil"], p: Parsed): void {
  const key = `${guardianId}|${pupil.id}`;
  if (linked.has(key)) {
    checker.error(file, row.line, "duplicateGuardian", { value: pupil.label.split(" ")[0], firstLine: linked.get(key)! });
    return;
  }
  linked.set(key, row.line);
  const existing = (checker.state.links.get(pupil.id) ?? []).find((l) => l.guardianId === guardianId);
  const household = row.has("household") ? p.household : (existing?.household ?? null);
  const label = `${p.name} – ${pupil.label}`;
  if (!existing) {
    checker.plan.links.create.push({ guardianId, pupilId: pupil.id, relationship: p.relationship, authority: p.authority, household });
    checker.count("guardianLinks", "created", { label });
    return;
  }
  const fields = [
    ...(existing.relationship !== p.relationship ? ["relationship"] : []),
    ...(existing.authority !== p.authority ? ["authority"] : []),
    ...(existing.household !== household ? ["household"] : []),
  ];
  if (fields.length === 0) checker.count("guardianLinks", "unchanged");
  else {
    checker.plan.links.update.push({ id: existing.id, relationship: p.relationship, authority: p.authority, household });
    checker.count("guardianLinks", "changed", { label, fields });
  }
}
