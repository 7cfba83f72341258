import { expect, expectErrorSummary, query, test } from "./fixtures";
import { checkPage, personPage } from "./guardians-helpers";

// The school–parent agreement (issue 19 part 2), in one walk: leider@ sees the
// answers per class (an empty Dutch text is refused with the error summary);
// ouder@ sees the card on /parent, reads, answers "read and agreed", the card
// is gone; the leader's count for the child's class moves; ouder2@ reads the
// school's Arabic text right to left; mentor@ sees ouder2@ among those who have
// not answered; the leader saves a policy draft and discards it. axe, 320 px
// and desktop screenshots on every page.

const classRow = async (page: import("@playwright/test").Page, className: string) =>
  page.getByTestId("agreement-per-class").getByRole("row").filter({ has: page.getByRole("rowheader", { name: className, exact: true }) });

test("ouder@ reads and agrees; the card goes; the leader's count moves; Arabic; the mentor's list", async ({ browser }) => {
  test.setTimeout(180_000);
  // Runs again on the same database: the demo accounts start unanswered.
  await query(`DELETE FROM "AgreementAcknowledgement" a USING "Guardian" g, "User" u WHERE g.id = a."guardianId" AND u.id = g."userId" AND u.email LIKE '%@demo.test'`);
  const [child] = await query<{ className: string; school: string }>(
    `SELECT c.name AS "className", s.name AS school FROM "Pupil" p JOIN "ClassGroup" c ON c.id = p."classGroupId" JOIN "School" s ON s.id = p."schoolId"
       JOIN "GuardianLink" l ON l."pupilId" = p.id JOIN "Guardian" g ON g.id = l."guardianId" JOIN "User" u ON u.id = g."userId"
       JOIN "Mentorship" m ON m."classGroupId" = c.id JOIN "Staff" st ON st.id = m."staffId" JOIN "User" mu ON mu.id = st."userId"
     WHERE u.email = 'ouder@demo.test' AND mu.email = 'mentor@demo.test'`,
  );

  const leader = await personPage(browser, "leider@demo.test");
  await leader.goto("/leader/agreement");
  await expect(leader.getByRole("heading", { level: 1 })).toHaveText("Afspraken tussen school en ouders");
  const before = await (await classRow(leader, child.className)).getByRole("cell").nth(1).innerText();
  await expect(leader.getByText("Versie 2 · gepubliceerd op").first()).toBeVisible();
  // An empty Dutch text: refused, the summary takes focus, nothing saved.
  await leader.getByLabel("Tekst in het Nederlands").first().fill("   ");
  await leader.getByRole("button", { name: "Concept opslaan" }).first().click();
  await expectErrorSummary(leader, "Schrijf de Nederlandse tekst.");
  await checkPage(leader, "agreement-leader-nl");

  // ouder@: the card first thing on /parent.
  const parent = await personPage(browser, "ouder@demo.test");
  await parent.goto("/parent");
  const card = parent.getByTestId("agreement-card");
  await expect(card).toContainText("Nieuwe afspraken tussen school en ouders");
  await expect(card).toContainText(child.school);
  await checkPage(parent, "agreement-card-nl");
  await card.getByRole("link", { name: "Lees de afspraken" }).click();
  await expect(parent).toHaveURL(/\/parent\/agreement$/);
  await expect(parent.getByRole("heading", { level: 3, name: "Wat je van ons mag verwachten" })).toBeVisible();
  await expect(parent.getByText("dezelfde dag", { exact: true })).toHaveJSProperty("tagName", "STRONG");
  await checkPage(parent, "agreement-parent-nl");
  await parent.getByRole("button", { name: "Gelezen en akkoord" }).click();
  await expect(parent.getByText(/laten weten|liet op .* weten/)).toBeVisible();
  await parent.goto("/parent");
  await expect(parent.getByTestId("agreement-card")).toHaveCount(0);

  // The leader's count for the class moved by one.
  await leader.reload();
  await expect((await classRow(leader, child.className)).getByRole("cell").nth(1)).toHaveText(String(Number(before) + 1));

  // A policy draft the leader thinks better of: saved, then discarded (folded away, confirmed);
  // the confirmation keeps the focus, there is no draft any more, and the editor shows the published text.
  const policy = leader.locator("section", { has: leader.getByRole("heading", { level: 2, name: "Beleid voor ouderbetrokkenheid" }) });
  const published = await policy.getByLabel("Tekst in het Nederlands").inputValue();
  await policy.getByLabel("Tekst in het Nederlands").fill("Een concept dat weg moet.");
  await policy.getByRole("button", { name: "Concept opslaan" }).click();
  // The draft as parents will see it (not the editor's textarea).
  await expect(policy.getByText("Een concept dat weg moet.", { exact: true }).and(policy.locator("span"))).toBeVisible();
  await policy.getByText("Concept weggooien…").click();
  await policy.getByRole("button", { name: "Ja, gooi het concept weg" }).click();
  await expect(policy.getByRole("status").filter({ hasText: "Het concept is weggegooid." })).toBeFocused();
  await expect(policy.getByText("Er is geen concept.", { exact: false })).toBeVisible();
  await expect(policy.getByLabel("Tekst in het Nederlands")).toHaveValue(published);
  await checkPage(leader, "agreement-leader-discarded-nl");

  // ouder2@ reads Arabic: the school's Arabic version, right to left.
  const arabic = await personPage(browser, "ouder2@demo.test");
  await arabic.goto("/parent");
  await expect(arabic.locator("html")).toHaveAttribute("dir", "rtl");
  await arabic.getByTestId("agreement-card").getByRole("link").click();
  await expect(arabic.locator('[lang="ar"][dir="auto"]').getByRole("heading", { name: "ما يمكنك أن تتوقعه منا" })).toBeVisible();
  await checkPage(arabic, "agreement-parent-ar");

  // mentor@: ouder2@ has not answered; ouder@ has.
  const mentor = await personPage(browser, "mentor@demo.test");
  await mentor.goto("/mentor");
  const gaps = mentor.getByTestId("agreement-gaps");
  await gaps.getByText("Wie nog niet?").click();
  const [names] = await query<{ ouder: string; ouder2: string }>(
    `SELECT (SELECT name FROM "User" WHERE email = 'ouder@demo.test') AS ouder, (SELECT name FROM "User" WHERE email = 'ouder2@demo.test') AS ouder2`,
  );
  await expect(gaps).toContainText(names.ouder2);
  await expect(gaps).not.toContainText(names.ouder);
  await checkPage(mentor, "agreement-mentor-nl");
});
