import { expect, it } from "vitest";
import { getChildDetail, listChildrenOverview } from "@/lib/domain/pupils/queries";
import { actorOf, createClass, createGuardianOf, createPupil, createResult, createSchool } from "@/tests/factories";

it("a school with a fixed release time hides results entered after the last release moment", async () => {
  const { school, schoolYear, periods } = await createSchool({ gradeReleaseMode: "FIXED_TIME", gradeReleaseTime: "17:00" });
  const classGroup = await createClass(school.id, schoolYear.id);
  const pupil = await createPupil(school.id, classGroup.id);
  const { user } = await createGuardianOf([pupil.id]);
  const period = periods[0];
  await createResult(pupil, period.id, { subject: "Engels", grade: 7.0, heldOn: period.startsOn, enteredAt: new Date(period.startsOn.getTime() + 9 * 3600_000) });
  // Entered after the last release moment (here: after now), so it waits for the next one.
  await createResult(pupil, period.id, { subject: "Engels", grade: 3.0, heldOn: period.startsOn, enteredAt: new Date(Date.now() + 60_000) });

  const actor = await actorOf(user.id);
  const child = await getChildDetail(actor, pupil.id);
  expect(child.subjects).toHaveLength(1);
  expect(child.subjects[0].lines.map((l) => l.gradeTenths)).toEqual([70]);
  expect(child.subjects[0].averageTenths).toBe(70);
  const [overview] = await listChildrenOverview(actor);
  expect(overview.latest.map((r) => r.gradeTenths)).toEqual([70]);
});
