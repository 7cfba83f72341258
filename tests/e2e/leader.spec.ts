import { screen } from "./env";
import { expect, expectAccessible, expectErrorSummary, gotoUntilCached, query, signIn, test } from "./fixtures";

const field = (name: string) => `[id="${name}"]`;

async function draftOf(code: string) {
  const [row] = await query<{ draft: string | null; published: string | null; slug: string }>(
    `SELECT v."draftValue"::text AS draft, v."publishedValue"::text AS published, s.slug FROM "IndicatorValue" v
       JOIN "QualityIndicator" i ON i.id = v."indicatorId" JOIN "School" s ON s.id = v."schoolId"
       JOIN "Staff" st ON st."schoolId" = s.id JOIN "User" u ON u.id = st."userId"
       JOIN "SchoolYear" y ON y.id = v."schoolYearId"
     WHERE u.email = 'leider@demo.test' AND i.code = $1 AND v."schoolType" = 'ALL' ORDER BY y."startsOn" DESC LIMIT 1`,
    [code],
  );
  return row;
}

test("a school leader corrects a draft, publishes the year, and bad input writes nothing", async ({ page, browser, baseURL }) => {
  await signIn(page, "leider@demo.test");
  await expect(page).toHaveURL(/\/leader$/);
  await page.getByRole("link", { name: "Kwaliteitsgegevens" }).click();
  await expect(page).toHaveURL(/\/leader\/indicators/);
  await expect(page.getByText(/wijzigingen? (staat|staan) klaar om te publiceren/)).toBeVisible();
  await expectAccessible(page);
  await page.screenshot({ path: screen("leader-indicators.png"), fullPage: true });

  const before = await draftOf("SOCIAL_SAFETY");
  await page.locator(field("v:SOCIAL_SAFETY:ALL")).fill("150");
  await page.getByRole("button", { name: "Concept opslaan" }).click();
  // The form is thousands of pixels long: the error summary takes focus and is in view.
  await expectErrorSummary(page, "Een percentage ligt tussen 0 en 100.");
  await expect(page.locator('[id="err:SOCIAL_SAFETY:ALL"]')).toHaveText("Een percentage ligt tussen 0 en 100.");
  await expect(page.locator(field("v:SOCIAL_SAFETY:ALL"))).toHaveValue("150");
  expect((await draftOf("SOCIAL_SAFETY")).draft).toBe(before.draft);

  await page.locator(field("v:SOCIAL_SAFETY:ALL")).fill("93,5");
  await page.locator(field("e:SOCIAL_SAFETY:ALL")).fill("Meer leerlingen voelen zich veilig sinds het nieuwe pauzeplein.");
  await page.getByRole("button", { name: "Concept opslaan" }).click();
  await expect(page.getByRole("status").filter({ hasText: "als concept opgeslagen" })).toBeVisible();
  expect((await draftOf("SOCIAL_SAFETY")).draft).toBe("93.50");
  expect((await draftOf("SOCIAL_SAFETY")).published).toBeNull();

  // The public pages are cached before the publication…
  const visitor = await browser.newContext();
  const publicPage = await visitor.newPage();
  for (const address of [`/schools/${before.slug}`, `/compare?schools=${before.slug}`]) {
    expect(await gotoUntilCached(publicPage, address)).toBe("HIT");
    await expect(publicPage.locator("main")).not.toContainText("Meer leerlingen voelen zich veilig sinds het nieuwe pauzeplein.");
  }

  await page.getByRole("button", { name: /publiceren$/ }).click();
  await expect(page.getByRole("status").filter({ hasText: "gepubliceerd" })).toBeVisible();
  const published = await draftOf("SOCIAL_SAFETY");
  expect(published.published).toBe("93.50");

  // …and show it at once (the publication expires the cached pages), in Dutch and Arabic.
  // Several requests, so that every server process is asked.
  for (let i = 0; i < 4; i++) {
    await publicPage.goto(`/schools/${published.slug}`);
    await expect(publicPage.locator("main")).toContainText("93,5");
    await expect(publicPage.locator("main")).toContainText("Meer leerlingen voelen zich veilig sinds het nieuwe pauzeplein.");
    await publicPage.goto(`/compare?schools=${published.slug}`);
    await expect(publicPage.locator("main")).toContainText("93,5");
  }
  await visitor.addCookies([{ name: "NEXT_LOCALE", value: "ar", url: baseURL! }]);
  await publicPage.goto(`/schools/${published.slug}`);
  await expect(publicPage.locator("html")).toHaveAttribute("dir", "rtl");
  await expect(publicPage.locator("main")).toContainText("93.5");
  await visitor.close();
});

test("a CSV with one bad row is refused as a whole, line by line", async ({ page }) => {
  await signIn(page, "leider@demo.test");
  await expect(page).toHaveURL(/\/leader$/);
  await page.goto("/leader/indicators");
  const before = await draftOf("PUPIL_COUNT");
  await page.locator("#csv-file").setInputFiles({
    name: "cijfers.csv",
    mimeType: "text/csv",
    buffer: Buffer.from("indicator;schoolType;value;explanation\nPUPIL_COUNT;ALL;1500;\nSOCIAL_SAFETY;ALL;veel;\n"),
  });
  await page.getByRole("button", { name: "Uploaden als concept" }).click();
  await expect(page.getByText("Regel 3: Vul een getal in.")).toBeVisible();
  expect((await draftOf("PUPIL_COUNT")).draft).toBe(before.draft);
});

test("the board administrator corrects a national benchmark; bad input is explained and not saved", async ({ page }) => {
  await signIn(page, "beheer@demo.test");
  await expect(page).toHaveURL(/\/admin$/);
  await page.getByRole("link", { name: "Landelijke vergelijkingscijfers" }).click();
  await expect(page).toHaveURL(/\/admin\/benchmarks/);
  await expectAccessible(page);
  await page.screenshot({ path: screen("admin-benchmarks.png"), fullPage: true });
  const benchmark = async () =>
    (await query<{ value: string }>(
      `SELECT b.value::text AS value FROM "IndicatorBenchmark" b JOIN "QualityIndicator" i ON i.id = b."indicatorId"
       JOIN "SchoolYear" y ON y.id = b."schoolYearId" WHERE i.code = 'SOCIAL_SAFETY' AND b."schoolType" = 'ALL' ORDER BY y."startsOn" DESC LIMIT 1`,
    ))[0]?.value;
  const before = await benchmark();
  await page.locator(field("v:SOCIAL_SAFETY:ALL")).fill("101");
  await page.getByRole("button", { name: "Opslaan", exact: true }).last().click();
  await expectErrorSummary(page, "Een percentage ligt tussen 0 en 100.");
  await expect(page.locator('[id="err:SOCIAL_SAFETY:ALL"]')).toHaveText("Een percentage ligt tussen 0 en 100.");
  expect(await benchmark()).toBe(before);
  await page.locator(field("v:SOCIAL_SAFETY:ALL")).fill("90,7");
  await page.getByRole("button", { name: "Opslaan", exact: true }).last().click();
  await expect(page.getByRole("status").filter({ hasText: "opgeslagen" })).toBeVisible();
  expect(await benchmark()).toBe("90.70");
});
