import { NextIntlClientProvider } from "next-intl";
import { getFormatter, getLocale, getMessages, getTranslations } from "next-intl/server";
import type { Actor } from "@/lib/auth/types";
import { leaderAgreementPage, type KindOverview } from "@/lib/domain/agreement/queries";
import { discardDraftAction, publishAction, saveDraftAction } from "@/lib/domain/agreement/actions";
import { TEXT_LOCALES } from "@/lib/domain/agreement/fields";
import { DraftForm } from "@/components/agreement/draft-form";
import { DiscardForm, PublishForm } from "@/components/agreement/simple-forms";
import { FormattedText } from "@/components/agreement/formatted-text";
import { ClassAcknowledgements } from "@/components/agreement/class-acknowledgements";

/** /leader/agreement: per kind the editor, the draft as parents will see it, the versions; then the answers per class. */
export async function LeaderAgreement({ actor }: { actor: Actor }) {
  const [t, format, messages, locale, page] = await Promise.all([getTranslations("agreement"), getFormatter(), getMessages(), getLocale(), leaderAgreementPage(actor)]);
  const names = new Intl.DisplayNames([locale], { type: "language" });
  const languageNames = Object.fromEntries(TEXT_LOCALES.map((l) => [l, names.of(l) ?? l]));
  const date = (d: Date) => format.dateTime(d, "full");
  const section = (overview: KindOverview) => {
    const { kind, draft, published } = overview;
    const nextNumber = (published[0]?.number ?? 0) + 1;
    return (
      <section key={kind} aria-labelledby={`${kind}-heading`} className="mt-8 rounded-xl border border-slate-200 bg-white p-4">
        <h2 id={`${kind}-heading`} className="text-xl font-semibold">{t(`kind${kind}`)}</h2>
        <p className="text-sm text-slate-700">{t(`kindHelp${kind}`)}</p>
        <div className="mt-4">
          <NextIntlClientProvider messages={{ agreement: messages.agreement, errors: messages.errors }}>
            {/* Keyed by the draft: after a discard the editor starts again from the published text. */}
            <DraftForm key={draft?.id ?? "none"} action={saveDraftAction} kind={kind} initial={(draft ?? published[0])?.texts ?? {}} languageNames={languageNames} />
          </NextIntlClientProvider>
        </div>
        <div className="mt-6 border-t border-slate-200 pt-4">
          <h3 className="text-lg font-semibold">{t("draftTitle")}</h3>
          {draft?.texts.nl ? (
            <>
              <p className="text-sm text-slate-600">{t("draftSavedAt", { date: date(draft.updatedAt) })}</p>
              <div className="mt-2 rounded-lg border border-dashed border-slate-400 p-3"><FormattedText text={draft.texts.nl} lang="nl" headingLevel={3} /></div>
              <div className="mt-3">
                <NextIntlClientProvider messages={{ agreement: messages.agreement, errors: messages.errors }}>
                  <PublishForm action={publishAction} kind={kind} versionId={draft.id} number={nextNumber} help={t(`publishHelp${kind}`)} />
                </NextIntlClientProvider>
              </div>
            </>
          ) : (
            <p className="text-sm">{t("noDraft")}</p>
          )}
          <NextIntlClientProvider messages={{ agreement: messages.agreement, errors: messages.errors }}>
            <DiscardForm action={discardDraftAction} kind={kind} versionId={draft?.id ?? null} />
          </NextIntlClientProvider>
        </div>
        <div className="mt-6 border-t border-slate-200 pt-4">
          <h3 className="text-lg font-semibold">{t("historyTitle")}</h3>
          {published.length ? (
            <ul className="mt-2 space-y-2">
              {published.map((v, i) => (
                <li key={v.id}>
                  <details>
                    <summary className="inline-flex min-h-11 cursor-pointer flex-wrap items-center gap-x-2">
                      <span className="font-medium text-brand-700 underline">{t("versionLine", { number: String(v.number), date: date(v.publishedAt!) })}</span>
                      {i === 0 ? <span className="rounded-full bg-brand-50 px-2 py-0.5 text-sm font-medium text-brand-900">{t("current")}</span> : null}
                      <span className="text-sm text-slate-600">{t("languages", { list: TEXT_LOCALES.filter((l) => v.texts[l]).map((l) => languageNames[l]).join(", ") })}</span>
                    </summary>
                    <div className="mt-2 rounded-lg bg-slate-50 p-3"><FormattedText text={v.texts.nl ?? ""} lang="nl" headingLevel={3} /></div>
                  </details>
                </li>
              ))}
            </ul>
          ) : (
            <p className="text-sm">{t("historyNone")}</p>
          )}
        </div>
      </section>
    );
  };
  return (
    <>
      <h1 className="text-2xl font-semibold">{t("title")}</h1>
      <p className="mt-2 max-w-prose text-slate-700">{t("intro")}</p>
      <ClassAcknowledgements number={page.current?.number ?? null} rows={page.perClass} />
      {page.kinds.map(section)}
    </>
  );
}
