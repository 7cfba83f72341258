import { describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { boardSchool } from "@/lib/domain/schools/board-scope";
import { AppError } from "@/lib/errors";
import { actorOf, createSchool, createUser } from "@/tests/factories";
import { expectNotFound } from "@/tests/support/next-errors";

describe("boardSchool", () => {
  it("gives an administrator their own board's school and refuses another board's with 404 and an audit row", async () => {
    const mine = await createSchool();
    const theirs = await createSchool();
    const admin = await actorOf((await createUser("ADMIN", { boardId: mine.board.id })).id);
    expect((await boardSchool(admin, mine.school.id)).id).toBe(mine.school.id);
    await expectNotFound(boardSchool(admin, theirs.school.id));
    await expectNotFound(boardSchool(admin, "does-not-exist"));
    const denied = await db.auditLog.findMany({ where: { actorUserId: admin.userId, outcome: "DENIED" }, orderBy: { at: "asc" } });
    expect(denied.map((r) => [r.action, r.targetId])).toEqual([["school:view", theirs.school.id], ["school:view", "does-not-exist"]]);
  });

  it("refuses other roles before looking anything up", async () => {
    const { school } = await createSchool();
    const user = await createUser("LEADER", { schoolId: school.id });
    await db.staff.create({ data: { userId: user.id, schoolId: school.id } });
    await expect(boardSchool(await actorOf(user.id), school.id)).rejects.toEqual(new AppError("forbidden"));
  });
});
