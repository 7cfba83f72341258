import type { Metadata } from "next";
import Link from "next/link";
import { randomUUID } from "node:crypto";
import { NextIntlClientProvider } from "next-intl";
import { getFormatter, getLocale, getMessages, getTranslations } from "next-intl/server";
import { requirePermission } from "@/lib/auth/guard";
import { informationRequestPage } from "@/lib/domain/information/queries";
import { requestInformationAction } from "@/lib/domain/information/actions";
import { InformationRequestForm } from "@/components/information/request-form";
import { InformationRequestHistory } from "@/components/information/request-history";
import { categoryList } from "@/components/parent/rights-banner";

type Props = { params: Promise<{ pupilId: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("informationAsk"))("metaTitle"), robots: { index: false } };
}

export default async function InformationRequestPage({ params, searchParams }: Props) {
  const { pupilId } = await params;
  const query = await searchParams;
  // Only a guardian who may ask about this pupil (art. 1:377c BW); anyone else: 404 and an audit row.
  const actor = await requirePermission("information:request", `/parent/information/${pupilId}`, { route: "/parent/information/[pupilId]", category: "information", pupilId });
  const page = await informationRequestPage(actor, pupilId);
  const [t, format, messages, locale] = await Promise.all([getTranslations("informationAsk"), getFormatter(), getMessages(), getLocale()]);
  const { pupil, grant } = page;
  return (
    <>
      <Link href="/parent" className="inline-flex min-h-11 items-center text-brand-700 underline">
        <span aria-hidden="true" className="me-1 inline-block rtl:rotate-180">←</span>
        {t("back")}
      </Link>
      <h1 className="mt-2 text-2xl font-semibold">{t("title", { name: `${pupil.firstName} ${pupil.lastName}` })}</h1>
      <p className="mt-2 max-w-prose text-slate-700">{t("intro", { name: pupil.firstName })}</p>
      <p className="mt-1 text-slate-700">{t("schoolLine", { name: pupil.firstName, school: pupil.school })}</p>
      {query.sent ? <p role="status" className="mt-4 max-w-prose rounded-lg bg-brand-50 p-3 font-medium text-brand-900">{t("sent")}</p> : null}
      {grant ? (
        <p className="mt-4 max-w-prose rounded-lg border border-brand-100 bg-brand-50 p-3 text-brand-900">
          {t("currentGrant", {
            categories: await categoryList(locale, grant.categories),
            hasUntil: grant.until ? "yes" : "no", until: grant.until ? format.dateTime(grant.until, "full") : "",
          })}
        </p>
      ) : null}
      <section aria-labelledby="ask-form-heading" className="mt-6 max-w-2xl rounded-2xl border border-brand-100 bg-white p-4 sm:p-6">
        <h2 id="ask-form-heading" className="text-lg font-semibold">{t("formTitle")}</h2>
        {page.pending ? (
          <p className="mt-2">{t("pendingNote")}</p>
        ) : (
          <div className="mt-3">
            <NextIntlClientProvider messages={{ informationAsk: messages.informationAsk, informationCategories: messages.informationCategories, informationErrors: messages.informationErrors, errors: messages.errors }}>
              <InformationRequestForm action={requestInformationAction} pupilId={pupil.id} firstName={pupil.firstName} idempotencyKey={randomUUID()} />
            </NextIntlClientProvider>
          </div>
        )}
      </section>
      <section aria-labelledby="history-heading" className="mt-8 max-w-2xl">
        <h2 id="history-heading" className="text-lg font-semibold">{t("historyTitle")}</h2>
        <InformationRequestHistory requests={page.requests} />
      </section>
    </>
  );
}
