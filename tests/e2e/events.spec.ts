import { expect, expectErrorSummary, query, test } from "./fixtures";
import { checkPage, personPage } from "./guardians-helpers";

// School events (issue 16, item 1) end to end: leider@ plans a parent evening
// for the class of ouder@'s first child (after a refused try), ouder@ sees it
// on /parent and the child page, answers "we come" and downloads the calendar
// file; ouder2@ (other household) sees it in Arabic; the leader sees the count.
// axe, 320 px and desktop screenshots on every page (checkPage).

const TITLE = "E2E ouderavond klas";

async function firstChild() {
  const [row] = await query<{ id: string; firstName: string; classId: string; className: string }>(
    `SELECT p.id, p."firstName", c.id AS "classId", c.name AS "className" FROM "Pupil" p JOIN "ClassGroup" c ON c.id = p."classGroupId"
       JOIN "GuardianLink" l ON l."pupilId" = p.id JOIN "Guardian" g ON g.id = l."guardianId" JOIN "User" u ON u.id = g."userId"
       JOIN "Mentorship" m ON m."classGroupId" = c.id JOIN "Staff" s ON s.id = m."staffId" JOIN "User" mu ON mu.id = s."userId"
     WHERE u.email = 'ouder@demo.test' AND mu.email = 'mentor@demo.test' LIMIT 1`,
  );
  return row;
}

/** A day a week from now at a Dutch wall-clock time, as a datetime-local field takes it. */
function inAWeek(time: string): string {
  const day = new Date(Date.now() + 7 * 86_400_000).toLocaleDateString("sv-SE", { timeZone: "Europe/Amsterdam" });
  return `${day}T${time}`;
}

test("a leader plans an evening for a class; both parents see it, one answers and downloads it", async ({ browser }) => {
  await query(`DELETE FROM "SchoolEvent" WHERE title LIKE $1`, [`${TITLE}%`]);
  await query(`DELETE FROM "EventPlanner" WHERE "staffId" IN (SELECT s.id FROM "Staff" s JOIN "User" u ON u.id = s."userId" WHERE u.email = 'mentor@demo.test')`);
  const child = await firstChild();
  const title = `${TITLE} ${child.className}`;

  // The leader: a refused submit (end before start) focuses the error summary and keeps the values.
  const leader = await personPage(browser, "leider@demo.test");
  await leader.goto("/leader");
  await leader.getByRole("link", { name: "Activiteiten plannen" }).click();
  await expect(leader.getByRole("heading", { level: 1, name: "Activiteiten plannen" })).toBeVisible();
  await leader.getByLabel("Naam", { exact: true }).fill(title);
  await leader.getByLabel("Plaats (niet verplicht)").fill("Lokaal 12");
  await leader.getByLabel("Begint").fill(inAWeek("19:30"));
  await leader.getByLabel("Eindigt").fill(inAWeek("19:00"));
  await leader.getByRole("radio", { name: "Een of meer klassen" }).check();
  await leader.getByRole("checkbox", { name: child.className, exact: true }).check();
  await leader.getByRole("checkbox", { name: "Vraag ouders of ze komen" }).check();
  await leader.getByRole("button", { name: "Activiteit opslaan" }).click();
  await expectErrorSummary(leader, "Het einde moet na het begin liggen.");
  await expect(leader.getByLabel("Naam", { exact: true })).toHaveValue(title);
  await checkPage(leader, "events-plan-error-nl");
  await leader.getByLabel("Eindigt").fill(inAWeek("21:00"));
  await leader.getByRole("button", { name: "Activiteit opslaan" }).click();
  await expect(leader.getByRole("status")).toContainText("De activiteit is gepland.");
  const planned = leader.locator("li", { hasText: title });
  await expect(planned).toContainText(`Klas ${child.className}`);
  await expect(planned).toContainText("0 komen, 0 komen niet");
  const [event] = await query<{ id: string }>(`SELECT id FROM "SchoolEvent" WHERE title = $1`, [title]);
  expect(event).toBeTruthy();

  // ouder@ sees it on the overview and on the child page, answers "we come".
  const ouder = await personPage(browser, "ouder@demo.test");
  await ouder.goto("/parent");
  const coming = ouder.getByRole("region", { name: "Komt eraan" });
  await expect(coming).toContainText(title);
  await checkPage(ouder, "events-overview-nl");
  await ouder.goto(`/parent/children/${child.id}`);
  const card = ouder.locator("li", { hasText: title });
  await expect(card).toContainText("Lokaal 12");
  await expect(card).toContainText("19:30");
  await card.getByRole("button", { name: "Wij komen", exact: true }).click();
  await expect(card).toContainText("Je antwoord: wij komen.");
  await expect(card.getByRole("button", { name: "Wij komen", exact: true })).toHaveAttribute("aria-pressed", "true");
  await checkPage(ouder, "events-child-nl");

  // The calendar file of this event: private, no cookie, a file name, the event's text.
  const href = await card.getByRole("link", { name: /in je agenda/ }).getAttribute("href");
  expect(href).toBe(`/api/events/calendar?pupil=${child.id}&event=${event.id}`);
  const file = await ouder.request.get(href!);
  expect(file.status()).toBe(200);
  expect(file.headers()["content-type"]).toBe("text/calendar; charset=utf-8");
  expect(file.headers()["cache-control"]).toBe("private, no-store");
  expect(file.headers()["set-cookie"]).toBeUndefined();
  expect(file.headers()["content-disposition"]).toMatch(/^attachment; filename="e2e-ouderavond-klas-[a-z0-9-]+\.ics"$/);
  const text = await file.text();
  expect(text).toContain(`SUMMARY:${title}`);
  expect(text).toContain("LOCATION:Lokaal 12");
  expect(text).toMatch(/DTSTART:\d{8}T\d{6}Z/);
  // Another family's child: 404.
  const [other] = await query<{ id: string }>(`SELECT p.id FROM "Pupil" p WHERE p.id <> ALL($1::text[]) LIMIT 1`, [[child.id]]);
  const ours = await query<{ pupilId: string }>(`SELECT l."pupilId" FROM "GuardianLink" l JOIN "Guardian" g ON g.id = l."guardianId" JOIN "User" u ON u.id = g."userId" WHERE u.email = 'ouder@demo.test'`);
  if (!ours.some((l) => l.pupilId === other.id)) expect((await ouder.request.get(`/api/events/calendar?pupil=${other.id}`)).status()).toBe(404);

  // ouder2@ (Arabic, other household) sees the same evening in Arabic.
  const ouder2 = await personPage(browser, "ouder2@demo.test");
  await ouder2.goto(`/parent/children/${child.id}`);
  await expect(ouder2.locator("html")).toHaveAttribute("lang", "ar");
  await expect(ouder2.getByRole("heading", { name: "أنشطة المدرسة" })).toBeVisible();
  await expect(ouder2.locator("li", { hasText: title }).getByRole("button", { name: "سنحضر", exact: true })).toBeVisible();
  await checkPage(ouder2, "events-child-ar");
  await ouder2.goto("/parent");
  await expect(ouder2.getByRole("region", { name: "قريبًا" })).toContainText(title);
  await checkPage(ouder2, "events-overview-ar");

  // The leader sees the answer counted, and allows mentor@ to plan: the mentor reaches the page from /mentor.
  await leader.goto("/leader/events");
  await expect(leader.locator("li", { hasText: title })).toContainText("1 komen, 0 komen niet");
  await checkPage(leader, "events-plan-nl");
  const mentor = await personPage(browser, "mentor@demo.test");
  expect((await mentor.goto("/mentor/events"))?.status()).toBe(404);
  await leader.getByRole("button", { name: "Marieke Jansen toestaan activiteiten te plannen" }).click();
  await expect(leader.getByRole("button", { name: "Toestemming van Marieke Jansen intrekken" })).toBeVisible();
  await mentor.goto("/mentor");
  await mentor.getByRole("link", { name: "Activiteiten plannen" }).click();
  await expect(mentor.getByRole("heading", { level: 1, name: "Activiteiten plannen" })).toBeVisible();
  await expect(mentor.locator("li", { hasText: title })).toContainText("1 komen, 0 komen niet");
  await expect(mentor.getByRole("heading", { name: "Wie mag plannen" })).toHaveCount(0);
  await checkPage(mentor, "events-plan-mentor-nl");
  await leader.getByRole("button", { name: "Toestemming van Marieke Jansen intrekken" }).click();
  await expect(leader.getByRole("button", { name: "Marieke Jansen toestaan activiteiten te plannen" })).toBeVisible();
  expect((await mentor.goto("/mentor/events"))?.status()).toBe(404);
});
