import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { createSeedClient, isDatabaseEmpty, seedEmpty } from "@/prisma/seed";
import { verifyPassword } from "@/lib/auth/password";
import { actorOf } from "@/tests/factories";
import { dutchToday, schoolYearOf } from "@/lib/domain/calendar/dates";

// `npm run demo -- --empty`: what a board has before its first school.
beforeAll(async () => {
  const seeder = createSeedClient(process.env.DATABASE_URL!);
  expect(await isDatabaseEmpty(seeder)).toBe(true);
  await seedEmpty(seeder);
  expect(await isDatabaseEmpty(seeder)).toBe(false);
  await seeder.$disconnect();
}, 60_000);

describe("an empty start", () => {
  it("has only the board's administrator, who can sign in and acts for the board", async () => {
    const users = await db.user.findMany({ select: { id: true, email: true, passwordHash: true } });
    expect(users.map((u) => u.email)).toEqual(["beheer@demo.test"]);
    expect(await verifyPassword(users[0].passwordHash, "schoolkompas")).toBe(true);
    const admin = await actorOf(users[0].id);
    expect(admin.role).toBe("ADMIN");
    expect(admin.boardId).toBe((await db.board.findFirstOrThrow()).id);
  });

  it("has no school, pupil or guardian, but the national school years and indicator definitions", async () => {
    expect(await db.school.count()).toBe(0);
    expect(await db.pupil.count()).toBe(0);
    expect(await db.guardian.count()).toBe(0);
    const years = await db.schoolYear.findMany({ orderBy: { startsOn: "asc" } });
    expect(years.at(-1)?.name).toBe(schoolYearOf(dutchToday()).name);
    expect(years).toHaveLength(4);
    expect(await db.qualityIndicator.count()).toBeGreaterThan(10);
    expect(await db.indicatorBenchmark.count()).toBeGreaterThan(0);
  });
});
