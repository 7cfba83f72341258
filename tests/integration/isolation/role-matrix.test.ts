import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { can, type Permission } from "@/lib/auth/permissions";
import { pupilScope } from "@/lib/auth/scope";
import type { Actor } from "@/lib/auth/types";
import type { Role } from "@/lib/generated/prisma/enums";
import { AppError } from "@/lib/errors";
import { dutchToday } from "@/lib/domain/calendar/dates";
import { getChildDetail, parentOverview } from "@/lib/domain/pupils/queries";
import { getMentorPupil, listMentorOverview } from "@/lib/domain/contacts/queries";
import { logContactMoment } from "@/lib/domain/contacts/commands";
import { ContactMomentInput } from "@/lib/domain/contacts/schemas";
import { getAbsenceDay, getAttendancePupil, listClassPupils, listRegistrationClasses } from "@/lib/domain/attendance/queries";
import { registerAbsence } from "@/lib/domain/attendance/commands";
import { AbsenceInput } from "@/lib/domain/attendance/schemas";
import { getThresholdList } from "@/lib/domain/attendance/threshold-queries";
import { updateThresholdCase } from "@/lib/domain/attendance/threshold-commands";
import { getDeliveryLog } from "@/lib/domain/attendance/delivery-queries";
import { activeSickReportsForMentor, getSickReportPanel } from "@/lib/domain/sick-reports/queries";
import { reportSick } from "@/lib/domain/sick-reports/commands";
import { informationRequestPage, listInformationRequests } from "@/lib/domain/information/queries";
import { decideInformationRequest, requestInformation } from "@/lib/domain/information/commands";
import { InformationDecisionInput, InformationRequestInput } from "@/lib/domain/information/schemas";
import { setGuardianConsent } from "@/lib/domain/consent/commands";
import { listOwnGuardians } from "@/lib/domain/consent/queries";
import { listMessages } from "@/lib/domain/alerts/queries";
import { getPersonalData } from "@/lib/domain/data-access/queries";
import { replyToEvent } from "@/lib/domain/events/commands";
import { calendarEvents } from "@/lib/domain/events/queries";
import { childSchoolSystem } from "@/lib/domain/school-system/queries";
import { guardianAgreements, leaderAgreementPage, mentorAgreementGaps } from "@/lib/domain/agreement/queries";
import { reachTables, schoolReach } from "@/lib/domain/reach/queries";
import { parseReachQuery } from "@/lib/domain/reach/filter";
import { createSurvey } from "@/lib/domain/surveys/commands";
import { CreateSurveyInput } from "@/lib/domain/surveys/schemas";
import { surveyForLeader } from "@/lib/domain/surveys/queries";
import {
  actorOf, createAbsence, createClass, createGuardianOf, createMentor, createPupil, createResult, createSchool, createUser,
} from "@/tests/factories";
import { createNotification, createSchoolStaff } from "@/tests/factories/threshold";
import { sickReportInput } from "@/tests/factories/sick-reports";
import { isNotFoundError } from "@/tests/support/next-errors";

// Every role × every area that shows or changes a pupil's data × a pupil out
// of the role's scope (docs/decisions/0018). One shared world for the file.
//
// Areas asked about one pupil (or a link or request of one): the domain
// function refuses — 404 (notFound) when the role has the area but not this
// pupil, AppError("forbidden") when the role has no such area — and writes one
// DENIED audit row for the actor naming what was asked for; the pupil's id
// fills `pupilId` wherever the request names a pupil.
// Lists: a role without the area is refused; a role with it gets a list
// without the pupil, and no audit row of the actor names them.

const ROLES: Role[] = ["PARENT", "PUPIL", "MENTOR", "ATTENDANCE_OFFICER", "LEADER", "ADMIN"];

type Target = { pupilId: string; lastName: string; classGroupId: string; linkId: string; requestId: string; guardianId: string };
type World = { actors: Record<Role, Actor>; targets: Record<Role, Target>; own: Record<Role, string> };
let world: World;

const iso = (date: Date) => date.toISOString().slice(0, 10);
/** The latest Monday–Friday on or before today (absence is registered for school days only). */
function recentWeekday(): Date {
  const day = dutchToday();
  while ([0, 6].includes(day.getUTCDay())) day.setUTCDate(day.getUTCDate() - 1);
  return day;
}

/** A pupil with a guardian, a non-authority guardian who asked for information, and data in every area. */
async function pupilWithData(school: { id: string }, classGroupId: string, periodId: string, mentorStaffId: string) {
  const pupil = await createPupil(school.id, classGroupId);
  const parent = await createGuardianOf([pupil.id]);
  const asker = await createGuardianOf([pupil.id], { hasParentalAuthority: false });
  const link = await db.guardianLink.findFirstOrThrow({ where: { pupilId: pupil.id, guardianId: parent.guardian.id }, select: { id: true } });
  const askerLink = await db.guardianLink.findFirstOrThrow({ where: { pupilId: pupil.id, guardianId: asker.guardian.id }, select: { id: true } });
  await createResult(pupil, periodId, { grade: 5.5 });
  await createAbsence(pupil.id, "UNAUTHORISED", recentWeekday());
  await db.contactMoment.create({
    data: {
      pupilId: pupil.id, staffId: mentorStaffId, kind: "PHONE_CALL", initiatedBy: "SCHOOL", tone: "NEUTRAL", summary: "Gesprek",
      occurredOn: dutchToday(), idempotencyKey: randomUUID(), guardians: { create: [{ guardianId: parent.guardian.id }] },
    },
  });
  await db.sickReport.create({ data: { pupilId: pupil.id, guardianId: parent.guardian.id, reason: "SICK", startsOn: dutchToday(), idempotencyKey: randomUUID() } });
  const request = await db.informationRequest.create({ data: { linkId: askerLink.id, pupilId: pupil.id, categories: ["RESULTS"], idempotencyKey: randomUUID() } });
  await createNotification(pupil, { guardianId: parent.guardian.id, status: "DELIVERED", channel: "PORTAL", deliveredAt: new Date() });
  return { pupilId: pupil.id, lastName: pupil.lastName, classGroupId, linkId: link.id, requestId: request.id, guardianId: parent.guardian.id, parentUserId: parent.user.id };
}

beforeAll(async () => {
  const home = await createSchool();
  const away = await createSchool();
  const [classA, classB] = [await createClass(home.school.id, home.schoolYear.id, "2A"), await createClass(home.school.id, home.schoolYear.id, "2B")];
  const classF = await createClass(away.school.id, away.schoolYear.id, "2F");
  const [mentorA, mentorB, mentorF] = [await createMentor(home.school.id, [classA.id]), await createMentor(home.school.id, [classB.id]), await createMentor(away.school.id, [classF.id])];
  const mine = await pupilWithData(home.school, classA.id, home.periods[0].id, mentorA.staff.id);
  const neighbour = await pupilWithData(home.school, classB.id, home.periods[0].id, mentorB.staff.id);
  const foreign = await pupilWithData(away.school, classF.id, away.periods[0].id, mentorF.staff.id);
  const pupilUser = await createUser("PUPIL");
  const adult = await createPupil(home.school.id, classA.id, { birthDate: new Date("2000-03-01"), userId: pupilUser.id });
  await createGuardianOf([adult.id], { consentGrantedAt: new Date() });
  const officer = await createSchoolStaff(home.school.id, "ATTENDANCE_OFFICER");
  const leader = await createSchoolStaff(home.school.id, "LEADER");
  const admin = await createUser("ADMIN", { boardId: home.board.id });
  const actors = {
    PARENT: await actorOf(mine.parentUserId), PUPIL: await actorOf(pupilUser.id), MENTOR: await actorOf(mentorA.user.id),
    ATTENDANCE_OFFICER: await actorOf(officer.user.id), LEADER: await actorOf(leader.user.id), ADMIN: await actorOf(admin.id),
  };
  // Parent, pupil and mentor: someone at their own school outside their scope; school and board roles: another board's pupil.
  const targets = { PARENT: neighbour, PUPIL: neighbour, MENTOR: neighbour, ATTENDANCE_OFFICER: foreign, LEADER: foreign, ADMIN: foreign };
  const own = { PARENT: mine.pupilId, PUPIL: adult.id, MENTOR: mine.pupilId, ATTENDANCE_OFFICER: mine.pupilId, LEADER: mine.pupilId, ADMIN: mine.pupilId };
  world = { actors, targets, own };
}, 60_000);

type Refusal = "notFound" | "forbidden";
async function refusal(promise: Promise<unknown>): Promise<Refusal | "answered" | string> {
  try {
    await promise;
    return "answered";
  } catch (error) {
    if (isNotFoundError(error)) return "notFound";
    if (error instanceof AppError) return error.code;
    throw error;
  }
}

// Areas asked about one pupil. `names`: what the audit row's pupilId holds ("pupil": the target pupil).
type IdArea = {
  area: string; permission: Permission; names: "pupil" | "link" | "request";
  call: (actor: Actor, t: Target) => Promise<unknown>;
};
const BY_ID: IdArea[] = [
  { area: "child page: results, absences, contact moments", permission: "parent:view", names: "pupil", call: (a, t) => getChildDetail(a, t.pupilId) },
  { area: "school-system page (issue 18)", permission: "parent:view", names: "pupil", call: (a, t) => childSchoolSystem(a, t.pupilId) },
  { area: "mentor's pupil page: results, absences, contact moments, guardians", permission: "mentor:view", names: "pupil", call: (a, t) => getMentorPupil(a, t.pupilId) },
  { area: "attendance pupil page: absences of a day", permission: "absence:record", names: "pupil", call: (a, t) => getAttendancePupil(a, t.pupilId, dutchToday()) },
  { area: "absence day", permission: "absence:record", names: "pupil", call: (a, t) => getAbsenceDay(a, t.pupilId, dutchToday()) },
  {
    area: "register absence", permission: "absence:record", names: "pupil",
    call: (a, t) => registerAbsence(a, AbsenceInput.parse({ pupilId: t.pupilId, date: iso(recentWeekday()), fromLesson: "1", toLesson: "1", kind: "UNAUTHORISED", minutes: "", reason: "" })),
  },
  {
    area: "log a contact moment", permission: "contact:create", names: "pupil",
    call: (a, t) => logContactMoment(a, ContactMomentInput.parse({
      pupilId: t.pupilId, idempotencyKey: randomUUID(), kind: "PHONE_CALL", initiatedBy: "SCHOOL", tone: "NEUTRAL", guardianIds: [t.guardianId],
      summary: "Gesprek", internalNote: "", occurredOn: iso(dutchToday()), followUpOn: "",
    })),
  },
  { area: "sick-report panel", permission: "sickReport:create", names: "pupil", call: (a, t) => getSickReportPanel(a, t.pupilId) },
  { area: "report sick", permission: "sickReport:create", names: "pupil", call: (a, t) => reportSick(a, sickReportInput(t.pupilId)) },
  { area: "information request page", permission: "information:request", names: "pupil", call: (a, t) => informationRequestPage(a, t.pupilId) },
  {
    area: "request information", permission: "information:request", names: "pupil",
    call: (a, t) => requestInformation(a, InformationRequestInput.parse({ pupilId: t.pupilId, idempotencyKey: randomUUID(), categories: ["RESULTS"] })),
  },
  { area: "answer a school event", permission: "events:read", names: "pupil", call: (a, t) => replyToEvent(a, { eventId: "any-event", pupilId: t.pupilId, answer: "COMING" }) },
  { area: "calendar file of a child's events", permission: "events:read", names: "pupil", call: (a, t) => calendarEvents(a, { pupilId: t.pupilId }) },
  { area: "16-hour case", permission: "threshold:update", names: "pupil", call: (a, t) => updateThresholdCase(a, { pupilId: t.pupilId, status: "TO_REPORT", reportedOn: null, note: null }) },
  // Asked by the guardian link's id (the pupil's consent) and the request's id (deciding it): the row names that id and its pupil.
  { area: "consent (a guardian link)", permission: "pupil:self", names: "link", call: (a, t) => setGuardianConsent(a, { linkId: t.linkId, change: "consentGrant" }) },
  {
    area: "decide an information request", permission: "information:decide", names: "request",
    call: (a, t) => decideInformationRequest(a, InformationDecisionInput.parse({ outcome: "refuse", requestId: t.requestId, reason: "Niet nodig" })),
  },
];

const targetIdOf = (area: IdArea, t: Target) => (area.names === "link" ? t.linkId : area.names === "request" ? t.requestId : t.pupilId);

describe.each(ROLES)("%s asking for a pupil out of scope", (role) => {
  it.each(BY_ID.map((area) => [area.area, area] as const))("%s: refused, audited DENIED", async (_, area) => {
    const actor = world.actors[role];
    const target = world.targets[role];
    const targetId = targetIdOf(area, target);
    // Every refusal names the pupil, also when asked by a link's or a request's id (the audit insert looks the pupil up).
    const denied = { actorUserId: actor.userId, outcome: "DENIED" as const, targetId, pupilId: target.pupilId };
    const before = await db.auditLog.count({ where: denied });
    expect(await refusal(area.call(actor, target))).toBe(can(actor, area.permission) ? "notFound" : "forbidden");
    expect(await db.auditLog.count({ where: denied })).toBe(before + 1);
    // Nothing about the pupil was allowed to this actor.
    expect(await db.auditLog.count({ where: { actorUserId: actor.userId, outcome: "ALLOWED", pupilId: target.pupilId } })).toBe(0);
  });
});

// Lists. `call` gets the target's class for lists asked about a class.
type ListArea = { area: string; permission: Permission; call: (actor: Actor, t: Target) => Promise<unknown> };
const LISTS: ListArea[] = [
  { area: "parent's overview", permission: "parent:view", call: (a) => parentOverview(a) },
  { area: "messages (inbox)", permission: "alerts:settings", call: (a) => listMessages(a, 50) },
  { area: "data export (AVG art. 15)", permission: "data:access", call: (a) => getPersonalData(a) },
  { area: "pupil's own guardians (consent)", permission: "pupil:self", call: (a) => listOwnGuardians(a) },
  { area: "mentor's list", permission: "mentor:view", call: (a) => listMentorOverview(a, { show: "all", sort: "name" }) },
  { area: "mentor's sick reports", permission: "mentor:view", call: (a) => activeSickReportsForMentor(a) },
  { area: "registration classes", permission: "absence:record", call: (a) => listRegistrationClasses(a) },
  { area: "pupils of the target's class", permission: "absence:record", call: (a, t) => listClassPupils(a, t.classGroupId) },
  { area: "16-hour list", permission: "attendance:view", call: (a) => getThresholdList(a) },
  { area: "message delivery log", permission: "attendance:view", call: (a) => getDeliveryLog(a) },
  { area: "information requests to decide", permission: "information:decide", call: (a) => listInformationRequests(a) },
  // The school–parent agreement (issue 19): the guardian's agreements, the mentor's "not answered yet", the leader's counts per class.
  { area: "guardian's agreements", permission: "agreement:acknowledge", call: (a) => guardianAgreements(a, "nl") },
  { area: "mentor's guardians who did not answer the agreement", permission: "mentor:view", call: (a) => mentorAgreementGaps(a) },
  { area: "leader's agreement page", permission: "agreement:edit", call: (a) => leaderAgreementPage(a) },
  // The reach dashboard (issue 19): counts only, the leader's own school.
  { area: "reach per class and mentor", permission: "leader:view", call: (a) => reachTables(a, parseReachQuery({})) },
  { area: "reach of the school", permission: "leader:view", call: (a) => schoolReach(a) },
];

describe.each(ROLES)("%s's lists", (role) => {
  it.each(LISTS.map((area) => [area.area, area] as const))("%s: without the pupil out of scope, or refused", async (_, area) => {
    const actor = world.actors[role];
    const target = world.targets[role];
    if (!can(actor, area.permission)) {
      await expect(area.call(actor, target)).rejects.toEqual(new AppError("forbidden"));
      return;
    }
    const text = JSON.stringify(await area.call(actor, target));
    expect(text).not.toContain(target.pupilId);
    expect(text).not.toContain(target.lastName);
    expect(await db.auditLog.count({ where: { actorUserId: actor.userId, outcome: "ALLOWED", pupilId: target.pupilId } })).toBe(0);
  });
});

// Needs and satisfaction surveys (issue 19, decision 0037): the school's own leader reads its
// survey; every other role, and a leader asking for another school's survey, gets 404 and a
// DENIED row naming the survey asked for.
describe("surveys", () => {
  let home: string;
  let away: string;
  beforeAll(async () => {
    const leader = world.actors.LEADER;
    const ownClass = (await db.pupil.findUniqueOrThrow({ where: { id: world.own.LEADER }, select: { classGroupId: true } })).classGroupId;
    const input = (classId: string) => CreateSurveyInput.parse({ idempotencyKey: randomUUID(), title: "Vragenlijst", closesOn: iso(new Date(dutchToday().getTime() + 7 * 86_400_000)), classIds: [classId], templateKeys: ["satisfaction"] });
    home = (await createSurvey(leader, input(ownClass))).id;
    const other = await createSchool();
    const otherClass = await createClass(other.school.id, other.schoolYear.id, "4C");
    const otherLeader = await createSchoolStaff(other.school.id, "LEADER");
    away = (await createSurvey(await actorOf(otherLeader.user.id), input(otherClass.id))).id;
  });

  it.each(ROLES)("%s: the own school's leader reads it; anyone else gets 404 and a DENIED row", async (role) => {
    const actor = world.actors[role];
    const asked = role === "LEADER" ? away : home;
    const denied = { actorUserId: actor.userId, outcome: "DENIED" as const, targetId: asked };
    const before = await db.auditLog.count({ where: denied });
    expect(await refusal(surveyForLeader(actor, asked))).toBe("notFound");
    expect(await db.auditLog.count({ where: denied })).toBe(before + 1);
    if (role === "LEADER") expect((await surveyForLeader(actor, home)).id).toBe(home);
  });
});

describe("the world is not empty", () => {
  it.each(ROLES)("%s reaches their own pupil", async (role) => {
    const actor = world.actors[role];
    const own = world.own[role];
    const seen: Record<Role, () => Promise<unknown>> = {
      PARENT: () => getChildDetail(actor, own),
      PUPIL: () => getPersonalData(actor),
      MENTOR: () => getMentorPupil(actor, own),
      ATTENDANCE_OFFICER: () => getAttendancePupil(actor, own, dutchToday()),
      LEADER: () => getThresholdList(actor).then(async (list) => ({ list, pupils: await db.pupil.findMany({ where: { id: own, schoolId: actor.schoolId! } }) })),
      ADMIN: () => db.pupil.findMany({ where: { id: own, school: { boardId: actor.boardId! } } }),
    };
    expect(JSON.stringify(await seen[role]())).toContain(own);
  });
});

describe("an actor is made only by loadActor", () => {
  it("a copy with the same fields (JSON, spread) gets no permission and no scope", async () => {
    const parent = world.actors.PARENT;
    const copies: unknown[] = [JSON.parse(JSON.stringify(parent)), { ...parent }, Object.create(Object.getPrototypeOf(parent))];
    for (const copy of copies) {
      expect(() => can(copy as Parameters<typeof can>[0], "parent:view")).toThrow("not an actor from the session loader");
      expect(() => pupilScope(copy as Parameters<typeof pupilScope>[0])).toThrow("not an actor from the session loader");
      await expect(getChildDetail(copy as Parameters<typeof getChildDetail>[0], world.own.PARENT)).rejects.toThrow("not an actor from the session loader");
    }
    expect(can(parent, "parent:view")).toBe(true);
  });
});
