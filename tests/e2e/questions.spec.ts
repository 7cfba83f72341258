import { expect, expectErrorSummary, query, test } from "./fixtures";
import { checkPage, mailTo, personPage } from "./guardians-helpers";

// Ask the mentor and class announcements (issue 16, items 3 and 4), end to end
// in one walk: ouder@ asks mentor@ (HTML shown as text), mentor@ answers from
// /mentor, the answer's notice reaches ouder@ by e-mail and the answer waits in
// the portal; ouder3@ and the child's other parent ouder2@ (Arabic) get 404 on
// the question's address; mentor@ sends a class announcement and sees its
// delivery; ouder@ reads it. axe on every page, 320 px and desktop screenshots.

test("ask the mentor, answer, 404 for others; a class announcement and its delivery", async ({ browser }) => {
  test.setTimeout(180_000);
  // Runs again on the same database: what an earlier run wrote goes first (the demo's own rows stay).
  await query(`DELETE FROM "Notification" WHERE "mentorQuestionId" IN (SELECT q.id FROM "MentorQuestion" q JOIN "Guardian" g ON g.id = q."guardianId" JOIN "User" u ON u.id = g."userId" WHERE u.email IN ('ouder@demo.test', 'ouder2@demo.test'))`);
  await query(`DELETE FROM "MentorQuestion" q USING "Guardian" g, "User" u WHERE g.id = q."guardianId" AND u.id = g."userId" AND u.email IN ('ouder@demo.test', 'ouder2@demo.test')`);
  await query(`DELETE FROM "Notification" WHERE "announcementId" IN (SELECT id FROM "Announcement" WHERE "idempotencyKey" NOT LIKE 'demo-%')`);
  await query(`DELETE FROM "Announcement" WHERE "idempotencyKey" NOT LIKE 'demo-%'`);
  const [child] = await query<{ id: string; firstName: string }>(
    `SELECT p.id, p."firstName" FROM "Pupil" p JOIN "GuardianLink" l ON l."pupilId" = p.id JOIN "Guardian" g ON g.id = l."guardianId" JOIN "User" u ON u.id = g."userId"
       JOIN "Mentorship" m ON m."classGroupId" = p."classGroupId" JOIN "Staff" s ON s.id = m."staffId" JOIN "User" mu ON mu.id = s."userId"
     WHERE u.email = 'ouder@demo.test' AND mu.email = 'mentor@demo.test'`,
  );

  // ouder@ finds "Stel een vraag" under the mentor card on the child page.
  const parent = await personPage(browser, "ouder@demo.test");
  await parent.goto(`/parent/children/${child.id}`);
  await parent.getByRole("region", { name: "Vraag het de mentor" }).getByRole("link", { name: "Stel een vraag" }).click();
  await expect(parent.getByRole("heading", { level: 1 })).toContainText(child.firstName);
  // Empty, then far too long: a translated message each time, the summary takes focus, nothing is written.
  await parent.getByRole("button", { name: "Versturen" }).click();
  await expectErrorSummary(parent, "Schrijf je vraag.");
  await parent.getByLabel("Je vraag").fill("x".repeat(10_000));
  await parent.getByRole("button", { name: "Versturen" }).click();
  await expectErrorSummary(parent, "Je tekst is te lang");
  await checkPage(parent, "questions-ask-error-nl");
  const question = "Hoe gaat het met rekenen? <b>hi</b>";
  await parent.getByLabel("Je vraag").fill(question);
  await parent.getByLabel("In een andere taal, graag").selectOption("ar");
  await parent.getByRole("button", { name: "Versturen" }).click();
  await expect(parent).toHaveURL(/\/parent\/questions\/[^/?]+\?sent=1$/);
  const questionUrl = new URL(parent.url()).pathname;
  await expect(parent.getByRole("status")).toContainText("Je vraag is verstuurd");
  // Shown as typed: the tags are text, not markup.
  await expect(parent.getByTestId("question-body")).toHaveText(question);
  await expect(parent.getByTestId("question-body").locator("b")).toHaveCount(0);
  await expect(parent.getByText("Arabisch")).toBeVisible();
  await checkPage(parent, "questions-asked-nl");
  expect(await query(`SELECT body FROM "MentorQuestion" WHERE id = $1`, [questionUrl.split("/").pop()])).toEqual([{ body: question }]);

  // mentor@ sees it on /mentor, oldest first, and answers.
  const mentor = await personPage(browser, "mentor@demo.test");
  await mentor.goto("/mentor");
  const open = mentor.getByRole("region", { name: /open vra(ag|gen) van ouders/ });
  await expect(open).toContainText(question);
  await open.getByRole("link", { name: new RegExp(`^Vraag: ${child.firstName}`) }).click();
  await expect(mentor.getByTestId("question-body")).toHaveText(question);
  await mentor.getByLabel("Je antwoord").fill("Het gaat goed. Ik bel je volgende week met een tolk.");
  await mentor.getByLabel("Notitie", { exact: true }).fill("Tolk Arabisch regelen");
  await mentor.getByRole("button", { name: "Notitie bewaren" }).click();
  await expect(mentor.getByRole("status")).toContainText("Notitie bewaard");
  await mentor.getByLabel("Je antwoord").fill("Het gaat goed. Ik bel je volgende week met een tolk.");
  await mentor.getByRole("button", { name: "Antwoord versturen" }).click();
  await expect(mentor.getByTestId("question-answer")).toHaveText("Het gaat goed. Ik bel je volgende week met een tolk.");
  await checkPage(mentor, "questions-mentor-nl");

  // The parent is told by e-mail (without the answer) and reads the answer in the portal; the note stays at school.
  const mail = await mailTo("ouder@demo.test", `Antwoord van de mentor over ${child.firstName}`);
  expect(mail.text).toContain(questionUrl);
  expect(mail.text).not.toContain("tolk");
  await parent.goto(questionUrl);
  await expect(parent.getByTestId("question-answer")).toHaveText("Het gaat goed. Ik bel je volgende week met een tolk.");
  await expect(parent.locator("body")).not.toContainText("Tolk Arabisch regelen");

  // Another family, and the child's other parent (Arabic): 404 on the question, and a refused row naming the child.
  for (const email of ["ouder3@demo.test", "ouder2@demo.test"]) {
    const other = await personPage(browser, email);
    expect((await other.goto(questionUrl))?.status()).toBe(404);
    await expect(other.locator("body")).not.toContainText("rekenen");
    const [row] = await query(`SELECT a."pupilId", a.route FROM "AuditLog" a JOIN "User" u ON u.id = a."actorUserId" WHERE u.email = $1 AND a.action = 'question:view' AND a.outcome = 'DENIED' ORDER BY a.at DESC LIMIT 1`, [email]);
    expect(row).toEqual({ pupilId: child.id, route: "/parent/questions/[questionId]" });
    if (email === "ouder2@demo.test") {
      // Their own page of questions about the child, in Arabic: the form, and none of ouder@'s questions.
      await other.goto(`/parent/children/${child.id}/questions?kind=CALL_BACK`);
      await expect(other.locator("html")).toHaveAttribute("lang", "ar");
      await expect(other.getByText("لم تطرح أي سؤال بعد.")).toBeVisible();
      await expect(other.getByRole("checkbox", { name: "مساءً" })).toBeVisible();
      await checkPage(other, "questions-ask-ar");
      await other.getByRole("button", { name: "إرسال" }).click();
      await expectErrorSummary(other, "اختر متى يمكن للمرشد أن يتصل، أو اكتب وقتًا.");
      await checkPage(other, "questions-ask-error-ar");
    }
    await other.context().close();
  }

  // A class announcement: a mistake first, then sent; the delivery overview counts the messages.
  await mentor.goto("/mentor");
  await mentor.getByRole("link", { name: "Bericht aan de klas" }).click();
  await mentor.getByRole("button", { name: "Versturen" }).click();
  await expectErrorSummary(mentor, "Schrijf een onderwerp.");
  await mentor.getByLabel("Onderwerp").fill("Ouderavond verplaatst");
  await mentor.getByLabel("Bericht", { exact: true }).fill("De ouderavond is nu op dinsdag om 19.00 uur in de aula.");
  await mentor.getByRole("button", { name: "Versturen" }).click();
  await expect(mentor.getByRole("status")).toContainText("Je bericht is verstuurd");
  const overview = mentor.getByRole("table", { name: "Verstuurde berichten" });
  const row = overview.getByRole("row", { name: /Ouderavond verplaatst/ });
  await expect(row).toBeVisible();
  const [{ total }] = await query<{ total: number }>(`SELECT count(*)::int AS total FROM "Notification" n JOIN "Announcement" a ON a.id = n."announcementId" WHERE a.subject = 'Ouderavond verplaatst'`);
  expect(total).toBeGreaterThan(0);
  await expect(row.getByRole("cell").nth(1)).toHaveText(String(total));
  await checkPage(mentor, "announcements-mentor-nl");
  // The worker delivers; the overview follows. Text messages wait for the end of the school's quiet hours
  // (21:00–07:30 in the demo): at night those stay "waiting", whatever the clock says when this runs.
  const held = async () => (await query<{ n: number }>(
    `SELECT count(*)::int AS n FROM "Notification" n JOIN "Announcement" a ON a.id = n."announcementId"
      WHERE a.subject = 'Ouderavond verplaatst' AND n.status = 'PENDING' AND n."sendAfter" > now()`))[0].n;
  await expect.poll(async () => {
    await mentor.reload();
    const waiting = await overview.getByRole("row", { name: /Ouderavond verplaatst/ }).getByRole("cell").nth(2).textContent();
    return waiting === String(await held());
  }, { timeout: 60_000 }).toBe(true);

  // ouder@ reads it in the portal (the school's text marked Dutch).
  await parent.goto("/parent");
  await parent.getByRole("link", { name: "Klasberichten" }).click();
  await expect(parent.getByRole("heading", { name: "Ouderavond verplaatst" })).toHaveAttribute("lang", "nl");
  await checkPage(parent, "announcements-parent-nl");
});
