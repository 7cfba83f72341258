import { expect, expectErrorSummary, query, test } from "./fixtures";
import { checkPage, personPage } from "./guardians-helpers";

// Needs and satisfaction surveys (issue 19 part 3, decision 0037), end to end:
// leider@ reads the open demo survey's results; ouder@demo.test answers it
// from the parent pages (an empty submit is refused with the error summary in
// focus); a second visit says it was answered; the leader's counts go up by
// one; ouder2@ (Arabic) sees the parent pages right to left. axe and 320 px on
// every page.

test("a parent answers the open survey once; the leader's results count it; Arabic and 320 px", async ({ browser }) => {
  test.setTimeout(150_000);
  // Runs again on the same database: the demo accounts' invitations are unanswered again (their earlier answers stay, anonymous).
  await query(`UPDATE "SurveyInvitation" i SET responded = false FROM "Guardian" g, "User" u, "Survey" s
                WHERE g.id = i."guardianId" AND u.id = g."userId" AND s.id = i."surveyId" AND s."idempotencyKey" = 'demo-survey-open' AND u.email LIKE '%@demo.test'`);
  const [survey] = await query<{ id: string }>(`SELECT id FROM "Survey" WHERE "idempotencyKey" = 'demo-survey-open'`);

  // The leader's list and the open survey's results.
  const leader = await personPage(browser, "leider@demo.test");
  await leader.goto("/leader");
  await leader.getByRole("link", { name: "Vragenlijsten voor ouders" }).click();
  await expect(leader.getByRole("heading", { level: 1 })).toHaveText("Vragenlijsten voor ouders");
  await checkPage(leader, "surveys-leader-list-nl");
  await leader.getByRole("link", { name: "Wat heb je nodig van school?" }).click();
  await leader.getByRole("link", { name: "Uitkomsten bekijken" }).click();
  await expect(leader).toHaveURL(new RegExp(`/leader/surveys/${survey.id}/results$`));
  const total = async () => Number((await leader.getByTestId("survey-total-responded").textContent())?.trim());
  const before = await total();
  await checkPage(leader, "surveys-leader-results-nl");

  // ouder@ finds the survey from the overview, submits nothing first, then answers.
  const parent = await personPage(browser, "ouder@demo.test");
  await parent.goto("/parent");
  await parent.getByRole("link", { name: "Vragenlijsten" }).click();
  await parent.getByRole("link", { name: "Invullen" }).first().click();
  await expect(parent.getByRole("heading", { level: 1 })).toHaveText("Wat heb je nodig van school?");
  const answerUrl = parent.url();
  await parent.getByRole("button", { name: "Antwoorden versturen" }).click();
  await expectErrorSummary(parent, "Beantwoord minstens één vraag.");
  await checkPage(parent, "surveys-parent-answer-nl");
  await parent.getByRole("group", { name: /Hoe tevreden ben je over de school/ }).getByLabel("4", { exact: true }).check();
  await parent.getByRole("group", { name: /Waarover wil je meer horen/ }).getByLabel("Hoe ik mijn kind thuis kan helpen").check();
  await parent.getByRole("group", { name: /Weet je wie je kunt bellen/ }).getByLabel("Niet zeker").check();
  await parent.getByLabel(/Wat kan de school doen/).fill("Een vast aanspreekpunt, ook in de vakanties.");
  await parent.getByRole("button", { name: "Antwoorden versturen" }).click();
  await expect(parent).toHaveURL(/\/parent\/surveys\?answered=1$/);
  await expect(parent.getByRole("status")).toContainText("Bedankt!");
  await expect(parent.getByText("Er staan geen vragenlijsten voor je klaar.")).toBeVisible();
  // The same link again: answered, no form.
  await parent.goto(answerUrl);
  await expect(parent.getByRole("status")).toContainText("Je hebt deze vragenlijst al ingevuld.");
  await expect(parent.getByRole("button", { name: "Antwoorden versturen" })).toHaveCount(0);

  // The leader's counts went up by one.
  await leader.reload();
  await expect.poll(total).toBe(before + 1);

  // Another family on ouder@'s invitation: 404.
  const other = await personPage(browser, "ouder3@demo.test");
  expect((await other.goto(answerUrl))?.status()).toBe(404);

  // ouder2@ reads Arabic (right to left): the list, and the questionnaire when invited.
  const arabic = await personPage(browser, "ouder2@demo.test");
  await arabic.goto("/parent/surveys");
  await expect(arabic.locator("html")).toHaveAttribute("dir", "rtl");
  await expect(arabic.getByRole("heading", { level: 1 })).toHaveText("استبيانات من المدرسة");
  const invited = arabic.getByRole("link", { name: "الإجابة" });
  if (await invited.count()) {
    await invited.first().click();
    await expect(arabic.getByText("ما مدى رضاك عن المدرسة؟")).toBeVisible();
  }
  await checkPage(arabic, "surveys-parent-ar");
});
