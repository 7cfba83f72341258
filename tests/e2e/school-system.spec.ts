import { auditRows, childrenOf, expect, expectAccessible, expectErrorSummary, query, signIn, test } from "./fixtures";
import { E2E } from "./env";
import { checkPage, personPage } from "./guardians-helpers";
import { speechLog, stubSpeech } from "./speech-helpers";

// Issue 18, items 4 and 5 in one walk: leider@ publishes the school's own
// promotion rules (a rejected submit first); ouder@ (Dutch) opens the
// school-system page of both children — havo/vwo at one school, vmbo at the
// other — and gets 404 for another family's child; ouder2@ (Arabic) sees the
// same page right-to-left with the school's text marked Dutch, and has it read
// aloud with a stubbed speechSynthesis: Arabic chunks with the Arabic voice,
// the school's text with the Dutch voice, pause, resume, stop, and "no Arabic
// voice" when the device has none. axe on the leader page and the school-system page in Dutch and Arabic,
// with 320 px and desktop screenshots.

const RULES = "Je gaat over met hoogstens twee onvoldoendes.\nOverleg met de mentor bij twijfel.";


test("school system per child, the school's promotion rules, and read-aloud in Arabic", async ({ browser }) => {
  test.setTimeout(180_000);
  await query(`UPDATE "School" SET "promotionRules" = NULL`);
  const [noor, daan] = await childrenOf("ouder@demo.test");
  const [fleur] = await childrenOf("ouder3@demo.test");
  const tracks = await query<{ id: string; track: string; year: number }>(
    `SELECT p.id, c.track, c.year FROM "Pupil" p JOIN "ClassGroup" c ON c.id = p."classGroupId" WHERE p.id = ANY($1::text[])`, [[noor.id, daan.id]]);
  const trackOf = (id: string) => tracks.find((t) => t.id === id)!;
  expect(["HAVO", "VWO"]).toContain(trackOf(noor.id).track);
  expect(trackOf(daan.id).track).toMatch(/^VMBO_/);

  // leider@ (Noor's school): too long first, then the rules.
  const leader = await personPage(browser, "leider@demo.test");
  await leader.goto("/leader");
  const section = leader.getByRole("region", { name: "Overgangsregels voor ouders" });
  const rules = section.getByLabel("Overgangsregels van de school");
  await rules.fill("x".repeat(4001));
  await section.getByRole("button", { name: "Opslaan" }).click();
  await expectErrorSummary(leader, "De tekst is te lang");
  await rules.fill(RULES);
  await section.getByRole("button", { name: "Opslaan" }).click();
  await expect(section.getByRole("status")).toContainText("Opgeslagen");
  await expectAccessible(leader);
  await leader.context().close();

  // ouder@: both children, each in its place; another family's child is 404 (and audited).
  const parent = await personPage(browser, "ouder@demo.test");
  await parent.goto(`/parent/children/${noor.id}`);
  await parent.getByRole("link", { name: `Waar staat ${noor.firstName} en waar kan ${noor.firstName} heen?` }).click();
  await expect(parent.getByRole("heading", { level: 1 })).toHaveText("Waar staat mijn kind en waar kan het heen?");
  await expect(parent).toHaveTitle(/Waar staat mijn kind\?/);
  for (const child of [noor, daan]) {
    const { track, year } = trackOf(child.id);
    if (child !== noor) await parent.goto(`/parent/children/${child.id}/school-system`);
    await expect(parent.getByTestId("system-current")).toContainText(`${child.firstName} zit in leerjaar ${year}`);
    await expect(parent.locator(`[data-testid=system-routes] li[data-here]`)).toHaveAttribute("data-node", track);
    await expect(parent.locator(`[data-testid=system-routes] li[data-here]`)).toContainText(`Hier zit ${child.firstName} nu`);
    await expect(parent.locator(`[data-testid=system-diagram] g[data-here]`)).toHaveAttribute("data-node", track);
    await expect(parent.locator(`[data-testid=system-routes] li[data-next]`).first()).toContainText(`Mogelijke volgende stap voor ${child.firstName}`);
  }
  // Daan's school published nothing: the general text and a pointer to the mentor.
  await expect(parent.getByText("De school heeft haar eigen regels hier nog niet gezet.")).toBeVisible();
  await parent.goto(`/parent/children/${noor.id}/school-system`);
  await expect(parent.getByTestId("school-promotion-rules")).toHaveAttribute("lang", "nl");
  await expect(parent.getByRole("link", { name: "Stel een vraag aan de mentor" })).toHaveAttribute("href", `/parent/children/${noor.id}/questions`);
  await checkPage(parent, "school-system-havo-nl");
  const refused = await parent.goto(`/parent/children/${fleur.id}/school-system`);
  expect(refused?.status()).toBe(404);
  expect(await auditRows("ouder@demo.test", "DENIED")).toContainEqual(expect.objectContaining({ pupilId: fleur.id, route: "/parent/children/[pupilId]/school-system" }));
  await parent.context().close();

  // ouder2@ (Arabic): the same page right-to-left, read aloud.
  const context = await browser.newContext({ baseURL: `http://localhost:${E2E.port}`, locale: "nl-NL", timezoneId: "Europe/Amsterdam" });
  const arabic = await context.newPage();
  await stubSpeech(arabic);
  await signIn(arabic, "ouder2@demo.test");
  await arabic.waitForURL((url) => !url.pathname.startsWith("/login"));
  await arabic.goto(`/parent/children/${noor.id}/school-system`);
  await expect(arabic.locator("html")).toHaveAttribute("dir", "rtl");
  await expect(arabic.getByRole("heading", { level: 1 })).toHaveText("أين يقف طفلي وإلى أين يمكن أن يتجه؟");
  await expect(arabic.getByTestId("system-current")).toContainText(`${noor.firstName} في السنة الدراسية ${trackOf(noor.id).year}`);
  await expect(arabic.getByTestId("school-promotion-rules")).toHaveText(RULES);
  await checkPage(arabic, "school-system-havo-ar");

  const read = arabic.getByRole("button", { name: "اقرأ بصوت عالٍ" });
  await read.click();
  const pause = arabic.getByRole("button", { name: "إيقاف مؤقت" });
  await expect(pause).toHaveAttribute("aria-pressed", "false");
  await expect(arabic.locator(".read-aloud-current")).toHaveCount(1);
  expect((await speechLog(arabic)).spoken[0]).toMatchObject({ lang: "ar", voice: "ar-SA" });
  await pause.click();
  await expect(pause).toHaveAttribute("aria-pressed", "true");
  await expect(arabic.locator("[data-read-aloud-status]")).toHaveText("القراءة بصوت عالٍ متوقفة مؤقتًا");
  expect((await speechLog(arabic)).paused).toBe(true);
  await pause.click();
  expect((await speechLog(arabic)).paused).toBe(false);
  // Through the whole page: Arabic with the Arabic voice, the school's text with the Dutch voice, the island never.
  await arabic.evaluate(() => (window as unknown as { speechEnd: (n: number) => void }).speechEnd(500));
  const { spoken } = await speechLog(arabic);
  expect(spoken.length).toBeGreaterThan(20);
  const dutch = spoken.filter((s) => s.lang === "nl");
  // The school's own texts (the rules, the mentor's contact hours) are the Dutch parts.
  expect(dutch.map((s) => s.text).join(" ")).toContain(RULES.replace("\n", " "));
  expect(dutch.every((s) => s.voice === "nl-NL")).toBe(true);
  expect(spoken.filter((s) => s.lang !== "nl").every((s) => s.lang === "ar" && s.voice === "ar-SA")).toBe(true);
  expect(spoken.some((s) => s.text.includes("اقرأ بصوت عالٍ"))).toBe(false);
  await expect(arabic.locator(".read-aloud-current")).toHaveCount(0);
  // Stop in the middle: speech cancelled, no highlight, focus back on the first button.
  await read.click();
  await arabic.getByRole("button", { name: "إيقاف", exact: true }).click();
  expect((await speechLog(arabic)).cancelled).toBeGreaterThan(0);
  await expect(arabic.locator(".read-aloud-current")).toHaveCount(0);
  await expect(read).toBeFocused();
  // A device with only a Dutch voice: the button says so instead of reading Arabic in a Dutch accent.
  await arabic.evaluate(() => (window as unknown as { speechVoices: (l: string[]) => void }).speechVoices(["nl-NL"]));
  const noVoice = arabic.getByRole("button", { name: "القراءة بصوت عالٍ غير ممكنة: لا يوجد صوت عربي على هذا الجهاز" });
  await expect(noVoice).toHaveAttribute("aria-disabled", "true");
  const before = (await speechLog(arabic)).spoken.length;
  await noVoice.click({ force: true });
  expect((await speechLog(arabic)).spoken.length).toBe(before);
  await context.close();
});
