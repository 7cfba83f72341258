import type { Locale, Role } from "@/lib/generated/prisma/enums";
import type { Checker } from "@/lib/domain/imports/check/checker";
import { sameName } from "@/lib/domain/imports/values";

/** An account this import uses: found by its e-mail address, or new. */
export type Account = { userId: string; name: string; isNew: boolean; guardianId: string | null; staffId: string | null; staffSchoolId: string | null; firstSeen: string };

const accountsOf = new WeakMap<Checker, Map<string, Account>>();
const membershipsOf = new WeakMap<Checker, Set<string>>();
const rolesOf = new WeakMap<Checker, Map<string, { role: Role; schoolId: string | null }[]>>();

/**
 * The account of an e-mail address. An existing account with another name is
 * another person: the line is refused (the address is theirs). So is the same
 * address with two names within the set.
 */
export function accountFor(checker: Checker, file: number, line: number, email: string, name: string, locale: Locale): Account | null {
  let accounts = accountsOf.get(checker);
  if (!accounts) accountsOf.set(checker, (accounts = new Map()));
  const known = accounts.get(email);
  if (known) {
    if (!sameName(known.name, name)) {
      checker.error(file, line, known.isNew ? "sameEmailDifferentName" : "emailOtherPerson", { value: email, where: known.firstSeen });
      return null;
    }
    return known;
  }
  const existing = checker.state.usersByEmail.get(email);
  if (existing && !sameName(existing.name, name)) {
    checker.error(file, line, "emailOtherPerson", { value: email });
    return null;
  }
  const where = `${file + 1}:${line}`;
  const account: Account = existing
    ? { userId: existing.userId, name: existing.name, isNew: false, guardianId: existing.guardianId, staffId: existing.staffId, staffSchoolId: existing.staffSchoolId, firstSeen: where }
    : { userId: checker.newId(), name, isNew: true, guardianId: null, staffId: null, staffSchoolId: null, firstSeen: where };
  if (account.isNew) checker.plan.users.push({ id: account.userId, email, name, locale });
  accounts.set(email, account);
  return account;
}

/** Adds a role to an account unless it has it already (or the set adds it already). */
export function ensureMembership(checker: Checker, userId: string, role: Role, schoolId: string | null): void {
  let planned = membershipsOf.get(checker);
  if (!planned) membershipsOf.set(checker, (planned = new Set()));
  const key = `${userId}|${role}|${schoolId ?? ""}`;
  if (planned.has(key)) return;
  planned.add(key);
  let roles = rolesOf.get(checker);
  if (!roles) rolesOf.set(checker, (roles = new Map([...checker.state.usersByEmail.values()].map((a) => [a.userId, a.roles]))));
  if (roles.get(userId)?.some((r) => r.role === role && r.schoolId === schoolId)) return;
  checker.plan.memberships.push({ userId, role, schoolId });
}
