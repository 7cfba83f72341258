import type { Metadata } from "next";
import Link from "next/link";
import { NextIntlClientProvider } from "next-intl";
import { getMessages, getTranslations } from "next-intl/server";
import { requirePermission } from "@/lib/auth/guard";
import { getAlertSettings } from "@/lib/domain/alerts/queries";
import { saveAlertSettingsAction } from "@/lib/domain/alerts/actions";
import { AlertSettingsForm } from "@/components/parent/alert-settings-form";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("alertSettings"))("title"), robots: { index: false } };
}

export default async function AlertSettingsPage() {
  const actor = await requirePermission("alerts:settings", "/parent/settings", { route: "/parent/settings", category: "account" });
  const [t, tCommon, messages, settings] = await Promise.all([
    getTranslations("alertSettings"),
    getTranslations("common"),
    getMessages(),
    getAlertSettings(actor),
  ]);
  // Each school sets its own quiet hours; one sentence when the children's schools agree.
  const windows = new Set(settings.quietHours.map((q) => `${q.start}-${q.end}`));
  const quietText = (q: { start: string; end: string }) => (q.start === q.end ? t("quietHoursNone") : t("quietHours", { from: q.start, until: q.end }));
  const quietHours = windows.size <= 1
    ? [quietText(settings.quietHours[0] ?? { start: "21:00", end: "07:30" })]
    : settings.quietHours.map((q) => t("quietHoursAt", { school: q.school, text: quietText(q) }));
  return (
    <>
      <Link href="/parent" className="inline-flex min-h-11 items-center text-brand-700 underline">
        <span aria-hidden="true" className="me-1 rtl:rotate-180">←</span>
        {tCommon("backToOverview")}
      </Link>
      <h1 className="mt-2 text-2xl font-semibold">{t("title")}</h1>
      <p className="mt-2 max-w-prose text-slate-700">{t("intro")}</p>
      <div className="mt-6 max-w-xl">
        {/* Only the strings the form needs travel to the browser. */}
        <NextIntlClientProvider messages={{ alertSettings: messages.alertSettings, alertErrors: messages.alertErrors, errors: messages.errors }}>
          <AlertSettingsForm
            action={saveAlertSettingsAction}
            email={settings.user.email ?? ""}
            current={{ channel: settings.alertChannel, timing: settings.alertTiming, phone: settings.phoneShown }}
            quietHours={quietHours}
          />
        </NextIntlClientProvider>
      </div>
    </>
  );
}
