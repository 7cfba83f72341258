import { randomUUID } from "node:crypto";
import { NextIntlClientProvider } from "next-intl";
import { getMessages, getTranslations } from "next-intl/server";
import type { Actor } from "@/lib/auth/types";
import { announcementDeliveries, sendableClasses } from "@/lib/domain/announcements/queries";
import { sendAnnouncementAction } from "@/lib/domain/announcements/actions";
import { AnnouncementForm } from "@/components/announcements/announcement-form";
import { DeliveryOverview } from "@/components/announcements/delivery-overview";

/** The sender's page (mentor or school leader): write an announcement, see how earlier ones were delivered. */
export async function AnnouncementsPage({ actor, sent }: { actor: Actor; sent?: string }) {
  const [t, messages, classes, rows] = await Promise.all([
    getTranslations("announcementForm"), getMessages(), sendableClasses(actor), announcementDeliveries(actor),
  ]);
  return (
    <>
      <h1 className="text-2xl font-semibold">{t("title")}</h1>
      <p className="mt-1 max-w-prose text-slate-700">{t("intro")}</p>
      {sent ? <p role="status" className="mt-4 max-w-prose rounded-lg bg-brand-50 p-3 font-medium text-brand-900">{t("sent")}</p> : null}
      <section aria-labelledby="announce-heading" className="mt-6 max-w-2xl rounded-2xl border border-brand-100 bg-white p-4 sm:p-6">
        <h2 id="announce-heading" className="text-lg font-semibold">{t("formTitle")}</h2>
        <p className="mb-3 text-sm text-slate-700">{t("textLangNote")}</p>
        <NextIntlClientProvider messages={{ announcementForm: messages.announcementForm, announcementErrors: messages.announcementErrors, errors: messages.errors }}>
          <AnnouncementForm action={sendAnnouncementAction} idempotencyKey={randomUUID()} classes={classes} mayWholeSchool={actor.role === "LEADER"} />
        </NextIntlClientProvider>
      </section>
      <section aria-labelledby="delivery-heading" className="mt-8">
        <h2 id="delivery-heading" className="text-lg font-semibold">{t("deliveryTitle")}</h2>
        <p className="text-sm text-slate-600">{t("deliveryIntro")}</p>
        <DeliveryOverview rows={rows} highlight={sent} />
      </section>
    </>
  );
}
