import { describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { hashPassword } from "@/lib/auth/password";
import { inviteEveryone, invitePerson } from "@/lib/domain/invitations/commands";
import { invitationOverview } from "@/lib/domain/invitations/queries";
import { welcomeFacts, markWelcomed } from "@/lib/domain/accounts/welcome";
import { AppError } from "@/lib/errors";
import { actorOf, createClass, createGuardianOf, createMentor, createPupil, createSchool, createUser } from "@/tests/factories";
import { expectNotFound } from "@/tests/support/next-errors";

// Who may invite whom, one e-mail per person, and idempotent forms.
// (Delivery itself is tests/integration/account-links.test.ts.)

const key = () => crypto.randomUUID();
const queued = (userId: string) => db.notification.count({ where: { userId, kind: "INVITATION" } });

async function school() {
  const { school, schoolYear, board } = await createSchool();
  const classA = await createClass(school.id, schoolYear.id, "1A");
  const classB = await createClass(school.id, schoolYear.id, "1B");
  const [a1, a2, b1] = [await createPupil(school.id, classA.id), await createPupil(school.id, classA.id), await createPupil(school.id, classB.id)];
  // A guardian of two children in class A and one in B; the import left passwords empty.
  const both = await createGuardianOf([a1.id, a2.id, b1.id]);
  const onlyB = await createGuardianOf([b1.id]);
  const restricted = await createGuardianOf([a1.id], { accessRestricted: true });
  const noAuthority = await createGuardianOf([a2.id], { hasParentalAuthority: false });
  const noEmail = await createGuardianOf([a1.id]);
  await db.user.update({ where: { id: noEmail.user.id }, data: { email: null } });
  await db.guardian.update({ where: { id: noEmail.guardian.id }, data: { phone: "06 12345678" } });
  const active = await createGuardianOf([a2.id]);
  await db.user.update({ where: { id: active.user.id }, data: { passwordHash: await hashPassword("al een wachtwoord gekozen") } });
  const mentorA = await createMentor(school.id, [classA.id]);
  const admin = await actorOf((await createUser("ADMIN", { boardId: board.id })).id);
  return { school, classA, classB, both, onlyB, restricted, noAuthority, noEmail, active, mentorA, admin };
}

describe("the invitation list", () => {
  it("shows an administrator every informable guardian of the school once, with their children and status, and the staff without a password", async () => {
    const s = await school();
    const overview = await invitationOverview(s.admin, s.school.id);
    const byUser = new Map(overview.guardians.map((g) => [g.userId, g]));
    expect(byUser.get(s.both.user.id)?.children).toHaveLength(3);
    expect(byUser.get(s.both.user.id)?.status).toBe("notInvited");
    expect(byUser.get(s.noEmail.user.id)).toMatchObject({ status: "noEmail", phone: "06 12345678" });
    expect(byUser.get(s.active.user.id)?.status).toBe("active");
    expect(byUser.has(s.restricted.user.id)).toBe(false);
    // Without parental authority a guardian may still ask for information (art. 1:377c BW; decision 0022): invited too.
    expect(byUser.has(s.noAuthority.user.id)).toBe(true);
    expect(overview.guardians).toHaveLength(5);
    expect(overview.classes.map((c) => c.name)).toEqual(["1A", "1B"]);
    // The mentor was made without a password: a staff account to invite.
    expect(overview.staff.map((p) => [p.userId, p.roles])).toEqual([[s.mentorA.user.id, ["MENTOR"]]]);
  });

  it("shows a mentor only the guardians of their own classes", async () => {
    const s = await school();
    const mentor = await actorOf(s.mentorA.user.id);
    const overview = await invitationOverview(mentor, null);
    expect(overview.guardians.map((g) => g.userId).sort()).toEqual([s.both.user.id, s.noEmail.user.id, s.active.user.id, s.noAuthority.user.id].sort());
    expect(overview.staff).toEqual([]);
    expect(overview.guardians.find((g) => g.userId === s.both.user.id)?.children.map((c) => c.className)).toEqual(["1A", "1A"]);
  });

  it("answers 404 with an audit row for another board's school", async () => {
    const s = await school();
    const other = await createSchool();
    await expectNotFound(invitationOverview(s.admin, other.school.id));
    expect(await db.auditLog.count({ where: { actorUserId: s.admin.userId, outcome: "DENIED", targetId: other.school.id } })).toBe(1);
  });
});

describe("inviting", () => {
  it("sends one e-mail per guardian however many children, and a form submitted twice sends once", async () => {
    const s = await school();
    const requestKey = key();
    expect(await invitePerson(s.admin, { schoolId: s.school.id, userId: s.both.user.id, requestKey })).toBe(1);
    expect(await invitePerson(s.admin, { schoolId: s.school.id, userId: s.both.user.id, requestKey })).toBe(1);
    expect(await queued(s.both.user.id)).toBe(1);
    // While that e-mail waits, another form does not queue a second one either.
    await expect(invitePerson(s.admin, { schoolId: s.school.id, userId: s.both.user.id, requestKey: key() })).rejects.toEqual(new AppError("conflict"));
    expect(await queued(s.both.user.id)).toBe(1);
  });

  it("invites everyone of a class who is not active yet and has an e-mail address, once per guardian", async () => {
    const s = await school();
    const mentor = await actorOf(s.mentorA.user.id);
    const requestKey = key();
    expect(await inviteEveryone(mentor, { schoolId: null, classId: s.classA.id, requestKey })).toBe(2);
    expect(await inviteEveryone(mentor, { schoolId: null, classId: s.classA.id, requestKey })).toBe(2);
    expect(await queued(s.both.user.id)).toBe(1);
    expect(await queued(s.noAuthority.user.id)).toBe(1);
    for (const u of [s.noEmail, s.active, s.restricted, s.onlyB]) expect(await queued(u.user.id)).toBe(0);
    // The administrator's whole-school round adds the rest (guardian of 1B, the mentor's own account).
    expect(await inviteEveryone(s.admin, { schoolId: s.school.id, classId: null, requestKey: key() })).toBe(2);
    expect(await queued(s.onlyB.user.id)).toBe(1);
    expect(await queued(s.mentorA.user.id)).toBe(1);
    expect(await queued(s.both.user.id)).toBe(1);
  });

  it("refuses a mentor another class, someone else's guardian and a whole school: 404 and an audit row, nothing queued", async () => {
    const s = await school();
    const mentor = await actorOf(s.mentorA.user.id);
    await expectNotFound(inviteEveryone(mentor, { schoolId: null, classId: s.classB.id, requestKey: key() }));
    await expectNotFound(invitePerson(mentor, { schoolId: null, userId: s.onlyB.user.id, requestKey: key() }));
    await expectNotFound(invitePerson(mentor, { schoolId: null, userId: s.restricted.user.id, requestKey: key() }));
    await expectNotFound(invitePerson(mentor, { schoolId: s.school.id, userId: s.both.user.id, requestKey: key() }));
    await expect(inviteEveryone(mentor, { schoolId: null, classId: null, requestKey: key() })).rejects.toEqual(new AppError("forbidden"));
    const denied = await db.auditLog.findMany({ where: { actorUserId: mentor.userId, outcome: "DENIED" }, select: { action: true, targetId: true } });
    expect(denied).toEqual(expect.arrayContaining([
      { action: "invitation:sent", targetId: s.classB.id },
      { action: "invitation:sent", targetId: s.onlyB.user.id },
      { action: "invitation:sent", targetId: s.restricted.user.id },
    ]));
    expect(await db.notification.count({ where: { kind: "INVITATION", schoolId: s.school.id } })).toBe(0);
  });

  it("refuses people who cannot be invited now: active, without e-mail address, blocked", async () => {
    const s = await school();
    await db.user.update({ where: { id: s.onlyB.user.id }, data: { disabledAt: new Date() } });
    for (const u of [s.active, s.noEmail, s.onlyB]) {
      await expect(invitePerson(s.admin, { schoolId: s.school.id, userId: u.user.id, requestKey: key() })).rejects.toEqual(new AppError("conflict"));
    }
  });
});

describe("the first-sign-in welcome", () => {
  it("names each child's mentor until the guardian says 'got it'", async () => {
    const s = await school();
    const parent = await actorOf(s.both.user.id);
    expect(parent.welcomed).toBe(false);
    const facts = await welcomeFacts(parent);
    expect(facts?.children.map((c) => [c.className, c.mentors.map((m) => m.name)])).toEqual(
      expect.arrayContaining([["1A", [s.mentorA.user.name]], ["1B", []]]),
    );
    expect(facts?.children[0].mentors[0] ?? facts?.children[1].mentors[0]).toMatchObject({ phone: "030 123 45 67", contactHours: "Di 8.00–8.20" });
    await markWelcomed(parent);
    const again = await actorOf(s.both.user.id);
    expect(again.welcomed).toBe(true);
    expect(await welcomeFacts(again)).toBeNull();
  });
});
