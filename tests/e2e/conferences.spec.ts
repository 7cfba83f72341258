import type { Page } from "@playwright/test";
import { childrenOf, expect, expectAccessible, expectErrorSummary, query, test } from "./fixtures";
import { screen } from "./env";
import { checkPage, mailTo, personPage } from "./guardians-helpers";

// Conference booking by parents (issue 16), one dense walk through the demo's
// open round: ouder@demo.test books a slot for her first child with an
// interpreter — first losing a race for it (another family takes the slot
// between loading the page and submitting) and booking one of the offered
// slots instead; ouder2@demo.test (other household, Arabic) sees the shared
// booking in Arabic and joins it; each gets the reminder e-mail in their own
// language; mentor@demo.test sees the booking and the interpreter request on
// the schedule, marks a no-show for another family (last month's round) and
// finds it on the follow-up list. axe, 320 px and screenshots in Dutch and Arabic. The test puts the
// child's bookings back first, so it can run again.

const time = (ms: number) => new Intl.DateTimeFormat("nl-NL", { hour: "2-digit", minute: "2-digit", timeZone: "Europe/Amsterdam" }).format(new Date(ms));
const utcNow = `(now() AT TIME ZONE 'UTC')`;

test("ouder@ books with an interpreter after losing a race, ouder2@ sees it in Arabic and joins, both get the reminder; mentor@ sees it on the schedule and marks a no-show that lands on the follow-up list", async ({ browser }) => {
  const [child] = await childrenOf("ouder@demo.test");
  const [round] = await query<{ id: string }>(
    `SELECT r.id FROM "ConferenceRound" r JOIN "ConferenceRoundClass" rc ON rc."roundId" = r.id JOIN "Pupil" p ON p."classGroupId" = rc."classGroupId"
      WHERE p.id = $1 AND r."bookingOpensAt" <= ${utcNow} AND r."bookingClosesAt" > ${utcNow} ORDER BY r."bookingClosesAt" LIMIT 1`, [child.id]);
  expect(round).toBeTruthy();
  await query(`DELETE FROM "Notification" WHERE "conferenceBookingId" IN (SELECT id FROM "ConferenceBooking" WHERE "pupilId" = $1)`, [child.id]);
  await query(`DELETE FROM "ConferenceBooking" WHERE "pupilId" = $1`, [child.id]);
  // The first free slot whose next slot is free too (an interpreter needs both).
  const [wanted] = await query<{ id: string; startMs: string; endMs: string }>(
    `SELECT s.id, (extract(epoch FROM s."startsAt") * 1000)::bigint::text AS "startMs", (extract(epoch FROM s."endsAt") * 1000)::bigint::text AS "endMs"
       FROM "ConferenceSlot" s
      WHERE s."roundId" = $1 AND NOT EXISTS (SELECT 1 FROM "ConferenceSlotClaim" c WHERE c."slotId" = s.id)
        AND EXISTS (SELECT 1 FROM "ConferenceSlot" n WHERE n."staffId" = s."staffId" AND n."startsAt" = s."endsAt"
                      AND NOT EXISTS (SELECT 1 FROM "ConferenceSlotClaim" c WHERE c."slotId" = n.id))
      ORDER BY s."startsAt" LIMIT 1`, [round.id]);
  const wantedLabel = `${time(Number(wanted.startMs))}–${time(Number(wanted.endMs))}`;

  // The child page says the round is open and leads to the booking page.
  const mother = await personPage(browser, "ouder@demo.test");
  await mother.goto(`/parent/children/${child.id}`);
  await expect(mother.getByRole("heading", { name: "Tienminutengesprekken" })).toBeVisible();
  await mother.getByRole("link", { name: "Plan je gesprek" }).click();
  await expect(mother.getByRole("heading", { level: 1, name: "Tienminutengesprekken" })).toBeVisible();
  await checkPage(mother, "conferences-book-nl");

  // Choose the slot and an interpreter by keyboard.
  await mother.getByRole("radio", { name: wantedLabel }).first().check();
  await mother.getByLabel("Wil je een tolk bij het gesprek?").selectOption("ar");
  await mother.getByLabel("Ik heb opvang nodig voor jonge kinderen tijdens het gesprek").focus();
  await mother.keyboard.press("Space");

  // Meanwhile another family moves their conversation into that slot.
  const [other] = await query<{ id: string }>(
    `SELECT b.id FROM "ConferenceBooking" b WHERE b."roundId" = $1 AND b."pupilId" <> $2 AND b."cancelledAt" IS NULL
        AND (SELECT count(*) FROM "ConferenceSlotClaim" c WHERE c."bookingId" = b.id) = 1 ORDER BY b."startsAt" LIMIT 1`, [round.id, child.id]);
  await query(`UPDATE "ConferenceSlotClaim" SET "slotId" = $1 WHERE "bookingId" = $2`, [wanted.id, other.id]);
  await query(`UPDATE "ConferenceBooking" b SET "startsAt" = s."startsAt", "endsAt" = s."endsAt" FROM "ConferenceSlot" s WHERE s.id = $1 AND b.id = $2`, [wanted.id, other.id]);

  await mother.getByRole("button", { name: "Plan dit gesprek" }).click();
  await expectErrorSummary(mother, "Iemand anders was je net voor");
  await expect(mother.getByText("Deze tijden bij Marieke Jansen zijn nog vrij")).toBeVisible();
  await expect(mother.getByLabel("Wil je een tolk bij het gesprek?")).toHaveValue("ar");
  await expectAccessibleAndLook(mother, "conferences-lost-race-nl");
  // The nearest free slot is chosen already; book it.
  await mother.getByRole("button", { name: "Plan dit gesprek" }).click();
  await expect(mother.getByRole("status")).toHaveText("Je gesprek is gepland. Je krijgt de dag ervoor een herinnering.");
  await expect(mother.getByText("Tolk: Arabisch")).toBeVisible();
  await expect(mother.getByText("Opvang voor jonge kinderen gevraagd")).toBeVisible();
  const [booking] = await query<{ id: string; startMs: string; endMs: string; interpreterLanguage: string; claims: number }>(
    `SELECT b.id, (extract(epoch FROM b."startsAt") * 1000)::bigint::text AS "startMs", (extract(epoch FROM b."endsAt") * 1000)::bigint::text AS "endMs",
            b."interpreterLanguage", (SELECT count(*)::int FROM "ConferenceSlotClaim" c WHERE c."bookingId" = b.id) AS claims
       FROM "ConferenceBooking" b WHERE b."pupilId" = $1 AND b."cancelledAt" IS NULL`, [child.id]);
  expect(booking).toMatchObject({ interpreterLanguage: "ar", claims: 2 });
  expect(booking.startMs).not.toBe(wanted.startMs);
  await checkPage(mother, "conferences-booked-nl");

  // The other parent (separate household, Arabic) sees the shared booking in Arabic and joins it.
  const father = await personPage(browser, "ouder2@demo.test");
  await father.goto("/parent/conferences");
  await expect(father.locator("html")).toHaveAttribute("dir", "rtl");
  await expect(father.getByRole("heading", { level: 1, name: "لقاءات أولياء الأمور" })).toBeVisible();
  await expect(father.getByText("حجزه Sanne Visser")).toBeVisible();
  await expect(father.getByText("مترجم: العربية")).toBeVisible();
  await checkPage(father, "conferences-shared-ar");
  await father.getByRole("button", { name: "نعم، سأحضر أيضًا" }).click();
  await expect(father.getByRole("status")).toHaveText("ستحضر اللقاء أيضًا. ستصلك رسالة تذكير قبل يوم.");
  await checkPage(father, "conferences-joined-ar");

  // The reminders: one per parent, queued for 18:00 the day before or now. Move the clock to
  // their time (the worker's sweep picks them up), then each arrives in its parent's language.
  const reminders = await query<{ locale: string }>(`SELECT locale::text FROM "Notification" WHERE "conferenceBookingId" = $1 AND kind = 'CONFERENCE_REMINDER'`, [booking.id]);
  expect(reminders.map((r) => r.locale).sort()).toEqual(["ar", "nl"]);
  await query(`UPDATE "Notification" SET "sendAfter" = ${utcNow} - interval '5 minutes' WHERE "conferenceBookingId" = $1 AND status = 'PENDING'`, [booking.id]);
  const start = time(Number(booking.startMs));
  const dutch = await mailTo("ouder@demo.test", `Herinnering: gesprek over ${child.firstName}`);
  expect(dutch.language).toBe("nl");
  expect(dutch.text).toContain(`van ${start} tot ${time(Number(booking.endMs))}`);
  expect(dutch.text).toContain("Je vroeg om een tolk (Arabisch)");
  const arabic = await mailTo("ouder2@demo.test", `تذكير: لقاء بخصوص ${child.firstName}`);
  expect(arabic.language).toBe("ar");
  expect(arabic.text).toContain(start);
  expect(arabic.text).toContain("طلبت مترجمًا (العربية)");
  expect(arabic.text).not.toMatch(/[٠-٩]/);

  // The child page now shows the planned conversation.
  await mother.goto(`/parent/children/${child.id}`);
  await expect(mother.getByText(`om ${start}.`)).toBeVisible();
  await mother.context().close();
  await father.context().close();

  // The mentor: the booking and its interpreter request on the round's schedule.
  const mentor = await personPage(browser, "mentor@demo.test");
  await mentor.goto("/mentor/conferences");
  const hosted = (title: string) => mentor.getByRole("listitem").filter({ has: mentor.getByRole("heading", { level: 3, name: title }) });
  await hosted("Tienminutengesprekken december").getByRole("link", { name: "Rooster bekijken en afdrukken" }).click();
  const ours = mentor.locator(`tr#b-${booking.id}`);
  await expect(ours).toContainText(child.firstName);
  await expect(ours).toContainText("Sanne Visser");
  await expect(ours).toContainText("Tolk: Arabisch");
  await expect(ours).toContainText("Kinderopvang");
  await expect(ours).toContainText(`${start}–${time(Number(booking.endMs))}`);
  await checkPage(mentor, "conferences-schedule-nl");

  // Last month's round: a family that did not come lands on the follow-up list, and counts as an attempt on /mentor.
  await mentor.goto("/mentor/conferences");
  await hosted("Tienminutengesprekken oktober").getByRole("link", { name: "Rooster bekijken en afdrukken" }).click();
  // A family not marked yet whom nobody has contacted since the evening (a contact afterwards takes it off the list).
  const [open] = await query<{ id: string }>(
    `SELECT b.id FROM "ConferenceBooking" b JOIN "ConferenceRound" r ON r.id = b."roundId"
      WHERE r.title = 'Tienminutengesprekken oktober' AND b.attendance IS NULL AND b."cancelledAt" IS NULL
        AND NOT EXISTS (SELECT 1 FROM "ContactMoment" c WHERE c."pupilId" = b."pupilId" AND c."createdAt" > b."startsAt")
      ORDER BY b."startsAt" LIMIT 1`);
  const unmarked = mentor.locator(`tr#b-${open.id}`);
  const absent = (await unmarked.locator("td").nth(1).locator("span.font-medium").textContent())!.trim();
  await unmarked.getByRole("button", { name: `Niet gekomen: ${absent}` }).click();
  await expect(mentor.getByRole("status")).toHaveText("Opgeslagen.");
  await mentor.getByRole("link", { name: "Terug naar oudergesprekken" }).click();
  await expect(mentor.getByRole("region", { name: "Nabellen: niet gekomen" }).getByText(absent)).toBeVisible();
  await mentor.goto("/mentor");
  await expect(mentor.getByText(/Geprobeerd: niet gekomen op gesprek van/).first()).toBeVisible();
  await mentor.context().close();
});

/** axe and a screenshot, without resizing (resizing would re-render the rejected form's state away). */
async function expectAccessibleAndLook(page: Page, name: string) {
  await expectAccessible(page);
  await page.screenshot({ path: screen(`${name}.png`), fullPage: true });
}
