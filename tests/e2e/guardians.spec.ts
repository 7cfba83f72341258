import { randomUUID } from "node:crypto";
import { expect, expectErrorSummary, query, test } from "./fixtures";
import { checkPage, chooseLanguage, guardiansOfPupil, lastSchoolDay, linkOf, mailTo, mailsTo, personPage } from "./guardians-helpers";

// The law's hard cases end to end (decisions 0022, 0023), each in Dutch and
// Arabic, axe-checked at 320 px and on a desktop:
// - art. 1:377c: a guardian without authority asks, the mentor grants exactly one category,
//   the school leader refuses a second request with a reason, the guardian is told in Arabic;
// - a pupil of 18+ lets a parent look (with a confirmation step) and withdraws it again;
// - a pupil of 17's own reason for an absence stays hidden from her father until she shares it.
// Each test first puts its demo accounts back as the demo has them, so it can run again.

test.describe.configure({ mode: "serial" });

test("art. 1:377c: asked in Arabic, granted by the mentor, refused by the leader with a reason", async ({ browser }) => {
  const link = await linkOf("stiefouder@demo.test", "Lotte");
  await query(`DELETE FROM "InformationRequest" WHERE "linkId" = $1`, [link.id]);
  await query(`DELETE FROM "Notification" WHERE kind = 'INFORMATION_DECISION' AND "pupilId" = $1`, [link.pupilId]);
  await query(`UPDATE "GuardianLink" SET "informationGrantedAt" = NULL, "informationGrantedBy" = NULL, "informationCategories" = '{}', "informationUntil" = NULL WHERE id = $1`, [link.id]);
  await query(`UPDATE "User" SET locale = 'nl' WHERE email = 'stiefouder@demo.test'`);

  // The guardian sees Lotte only as someone to ask about, in Dutch first, then switches to Arabic.
  const step = await personPage(browser, "stiefouder@demo.test");
  await step.goto("/parent");
  await expect(step.getByRole("heading", { name: "Informatie vragen", exact: true })).toBeVisible();
  await expect(step.getByRole("link", { name: "Alles over Lotte" })).toHaveCount(0);
  await checkPage(step, "guardians-ask-overview-nl");
  await chooseLanguage(step, "ar", "Taal", "Opslaan");
  await checkPage(step, "guardians-ask-overview-ar");
  await step.getByRole("link", { name: "طلب معلومات عن Lotte" }).click();
  await expect(step.getByRole("heading", { level: 1 })).toContainText("Lotte");

  // Nothing chosen: the error summary takes focus. Then by keyboard: both boxes, a note, send.
  await step.getByRole("checkbox", { name: /الدرجات/ }).uncheck();
  await step.getByRole("checkbox", { name: /الغياب/ }).uncheck();
  await step.getByRole("button", { name: "إرسال الطلب" }).click();
  await expectErrorSummary(step, "اختر ما تريد معرفته.");
  await step.getByRole("checkbox", { name: /الدرجات/ }).focus();
  await step.keyboard.press("Space");
  await step.keyboard.press("Tab");
  await step.keyboard.press("Space");
  await step.getByLabel(/لماذا تطلب ذلك/).fill("Ik woon sinds drie jaar met Lotte in huis.");
  await step.getByRole("button", { name: "إرسال الطلب" }).click();
  await expect(step.getByRole("status")).toContainText("تم إرسال طلبك");
  await checkPage(step, "guardians-ask-sent-ar");

  // The mentor of Lotte's class sees it waiting and grants results only, until the end of the school year.
  const mentor = await personPage(browser, "mentor@demo.test");
  await mentor.getByRole("link", { name: "1 vraag om informatie wacht op je" }).click();
  await expect(mentor.getByRole("heading", { level: 1, name: "Vragen om informatie" })).toBeVisible();
  const request = mentor.locator("li", { hasText: "Rob Hendriks" }).first();
  await expect(request).toContainText("Ik woon sinds drie jaar met Lotte in huis.");
  await request.getByRole("radio", { name: "Informatie geven" }).check();
  await request.getByRole("checkbox", { name: /Cijfers/ }).uncheck();
  await request.getByRole("checkbox", { name: /Afwezigheid/ }).uncheck();
  await request.getByRole("button", { name: "Beslissing opslaan" }).click();
  await expectErrorSummary(mentor, "Kies welke informatie je geeft.");
  const pending = mentor.locator("li", { hasText: "Rob Hendriks" }).first();
  await pending.getByRole("checkbox", { name: /Cijfers/ }).check();
  await checkPage(mentor, "guardians-decide-nl");
  await pending.getByRole("button", { name: "Beslissing opslaan" }).click();
  await expect(mentor.getByRole("status")).toContainText("Je beslissing is opgeslagen");
  await expect(mentor.getByText(/Toegestaan door Marieke Jansen/)).toContainText("cijfers");
  // Lotte's page for the mentor says what each guardian gets.
  await mentor.goto(`/mentor/pupils/${link.pupilId}`);
  await expect(mentor.locator("li", { hasText: "Rob Hendriks" }).first()).toContainText("Zonder ouderlijk gezag · krijgt informatie: cijfers, tot en met");

  // The guardian is told in Arabic, and sees Lotte's results and nothing else.
  const told = await mailTo("stiefouder@demo.test", "ستحصل على معلومات عن Lotte");
  expect(told.language).toBe("ar");
  expect(told.text).toContain("الدرجات");
  await step.goto("/parent");
  await step.getByRole("link", { name: /Lotte/ }).first().click();
  await expect(step.getByRole("heading", { level: 2, name: "الدرجات" })).toBeVisible();
  await expect(step.getByRole("heading", { level: 2, name: "الغياب" })).toHaveCount(0);
  await expect(step.getByRole("heading", { name: "المرشد (mentor)" })).toHaveCount(0);
  await expect(step.getByText(/تعطيك المدرسة معلومات عن Lotte: الدرجات/)).toBeVisible();
  await checkPage(step, "guardians-granted-child-ar");
  await step.goto("/parent");
  await expect(step.getByText("ستحصل على معلومات عن Lotte")).toBeVisible();

  // Asked again, for absence: the school leader refuses, and must say why.
  await step.goto(`/parent/information/${link.pupilId}`);
  await step.getByRole("checkbox", { name: /الدرجات/ }).uncheck();
  await step.getByRole("button", { name: "إرسال الطلب" }).click();
  await expect(step.getByRole("status")).toContainText("تم إرسال طلبك");
  const leader = await personPage(browser, "leider@demo.test");
  await leader.getByRole("link", { name: "1 vraag om informatie wacht op je" }).click();
  const second = leader.locator("li", { hasText: "Rob Hendriks" }).first();
  await second.getByRole("radio", { name: "Afwijzen" }).check();
  await second.getByRole("button", { name: "Beslissing opslaan" }).click();
  await expectErrorSummary(leader, "Schrijf op waarom je de vraag afwijst.");
  const reason = `Over afwezigheid praten we met de moeder van Lotte (${randomUUID().slice(0, 4)}).`;
  await leader.locator("li", { hasText: "Rob Hendriks" }).first().getByLabel("Waarom wijs je de vraag af?").fill(reason);
  await leader.locator("li", { hasText: "Rob Hendriks" }).first().getByRole("button", { name: "Beslissing opslaan" }).click();
  await expect(leader.getByRole("status")).toContainText("Je beslissing is opgeslagen");
  await expect((await mailTo("stiefouder@demo.test", "الرد على طلبك للحصول على معلومات عن Lotte")).text).toContain(reason);
  await step.reload();
  await expect(step.getByText(reason)).toBeVisible();
  await checkPage(step, "guardians-refused-ar");
});

test("a pupil of 18+ lets a parent look after a confirmation, and withdraws it again in Arabic", async ({ browser }) => {
  const [mother, father] = await guardiansOfPupil("leerling@demo.test");
  await query(`UPDATE "GuardianLink" SET "consentGrantedAt" = NULL, "consentWithdrawnAt" = now() - interval '40 days' WHERE id = $1`, [father.linkId]);
  await query(`DELETE FROM "Notification" WHERE kind = 'CONSENT_NOTICE' AND "guardianId" = (SELECT "guardianId" FROM "GuardianLink" WHERE id = $1)`, [father.linkId]);
  await query(`UPDATE "User" SET locale = 'nl' WHERE email IN ('leerling@demo.test', $1)`, [father.email]);
  expect(mother.relationship).toBe("MOTHER");

  const pupil = await personPage(browser, "leerling@demo.test");
  await expect(pupil).toHaveURL(/\/pupil$/);
  const fathersCard = () => pupil.locator("li", { hasText: father.name });
  await expect(fathersCard()).toContainText("Mag niet meekijken");
  // The first step only asks; "no" changes nothing.
  await fathersCard().getByRole("link", { name: "Toestaan" }).click();
  await expect(pupil.getByRole("heading", { name: "Weet je het zeker?" })).toBeVisible();
  await checkPage(pupil, "guardians-consent-confirm-nl");
  await pupil.getByRole("link", { name: "Nee, terug" }).click();
  await expect(fathersCard()).toContainText("Mag niet meekijken");
  await fathersCard().getByRole("link", { name: "Toestaan" }).click();
  await pupil.getByRole("button", { name: "Ja, dat wil ik" }).click();
  await expect(pupil.getByRole("status")).toContainText(`Gelukt: ${father.name} mag meekijken`);
  await expect(fathersCard()).toContainText("Mag meekijken en krijgt berichten");
  await checkPage(pupil, "guardians-consent-done-nl");
  await mailTo(father.email, "Sem laat je meekijken in Schoolkompas");

  const parent = await personPage(browser, father.email);
  await parent.goto("/parent");
  await expect(parent.getByRole("heading", { level: 2, name: "Sem Willems" })).toBeVisible();
  await expect(parent.locator("article", { hasText: "Sem Willems" }).getByText("Sem is 18 jaar of ouder en vindt het goed dat je meekijkt.")).toBeVisible();

  // In Arabic, by keyboard: withdraw, confirm.
  await chooseLanguage(pupil, "ar", "Taal", "Opslaan");
  await fathersCard().getByRole("link", { name: "إلغاء السماح" }).focus();
  await pupil.keyboard.press("Enter");
  await expect(pupil.getByRole("heading", { name: "هل أنت متأكد؟" })).toBeVisible();
  await checkPage(pupil, "guardians-consent-confirm-ar");
  await pupil.getByRole("button", { name: "نعم، أريد ذلك" }).click();
  await expect(pupil.getByRole("status")).toContainText("تم");
  await expect(fathersCard()).toContainText("لا يمكنه الاطّلاع");
  await checkPage(pupil, "guardians-consent-done-ar");
  await mailTo(father.email, "Sem wil niet meer dat je meekijkt");
  await parent.goto("/parent");
  await expect(parent.getByRole("heading", { level: 2, name: "Sem Willems" })).toHaveCount(0);
});

test("a pupil of 17's own reason stays hidden from her father, on the page and in the message, until she shares it", async ({ browser }) => {
  const link = await linkOf("ouder4@demo.test", "Lina");
  await query(`UPDATE "GuardianLink" SET "reasonsSharedAt" = NULL WHERE id = $1`, [link.id]);
  await query(`DELETE FROM "Notification" WHERE kind = 'CONSENT_NOTICE' AND "pupilId" = $1`, [link.pupilId]);
  await query(`UPDATE "User" SET locale = 'nl' WHERE email IN ('leerling17@demo.test', 'ouder4@demo.test')`);
  const day = await lastSchoolDay(link.schoolName);
  await query(`DELETE FROM "AbsenceRecord" WHERE "pupilId" = $1 AND date = $2::date AND "lessonHour" = 7`, [link.pupilId, day]);
  const own = `Moest naar de huisarts ${randomUUID().slice(0, 6)}`;
  const before = mailsTo("ouder4@demo.test").length;

  // The attendance officer registers it with the reason Lina gave, in its own field.
  const officer = await personPage(browser, "verzuim@demo.test");
  await officer.goto(`/attendance/pupils/${link.pupilId}`);
  const form = officer.locator("form", { has: officer.locator("#absence-date") });
  await form.locator("#absence-date").fill(day);
  await form.locator("#absence-fromLesson").selectOption("7");
  await form.locator("#absence-toLesson").selectOption("7");
  await form.getByRole("radio", { name: "Afwezig zonder toestemming" }).check();
  await form.getByLabel("Reden die de leerling gaf").fill(own);
  await form.getByRole("button", { name: "Registreren" }).click();
  await expect(officer.getByRole("status").filter({ hasText: "1 lesuur geregistreerd." })).toBeVisible();

  // Her father sees that and when, not why; the alert he gets does not say why either.
  const father = await personPage(browser, "ouder4@demo.test");
  await father.goto(`/parent/children/${link.pupilId}`);
  await expect(father.getByText("Lina is 16 of ouder.", { exact: false })).toBeVisible();
  await father.getByText(/Alle meldingen/).click();
  await expect(father.getByText(own)).toHaveCount(0);
  await expect(father.getByText(/Reden van Lina: Verslapen/)).toHaveCount(0);
  await checkPage(father, "guardians-reasons-hidden-nl");
  await expect.poll(() => mailsTo("ouder4@demo.test").length, { timeout: 60_000 }).toBeGreaterThan(before);
  for (const mail of mailsTo("ouder4@demo.test")) expect(mail.text).not.toContain(own);

  // Lina (in Arabic) shares her reasons with him, after the confirmation step.
  const lina = await personPage(browser, "leerling17@demo.test");
  await chooseLanguage(lina, "ar", "Taal", "Opslaan");
  const card = lina.locator("li", { hasText: "Mark Bakker" });
  await expect(card).toContainText("لا يرى السبب الذي تذكره عندما تغيب");
  await checkPage(lina, "guardians-reasons-pupil-ar");
  await card.getByRole("link", { name: "إظهار أسبابي" }).click();
  await lina.getByRole("button", { name: "نعم، أريد ذلك" }).click();
  await expect(card).not.toContainText("لا يرى السبب");
  await expect(card).toContainText("يرى السبب الذي تذكره عندما تغيب");
  await mailTo("ouder4@demo.test", "Lina laat je de redenen van afwezigheid zien");

  await father.reload();
  await father.getByText(/Alle meldingen/).click();
  await expect(father.getByText(`Reden van Lina: ${own}`)).toBeVisible();
  await expect(father.getByText("Lina is 16 of ouder.", { exact: false })).toHaveCount(0);
  await checkPage(father, "guardians-reasons-shown-nl");
});
