import type { Metadata } from "next";
import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { requirePermission } from "@/lib/auth/guard";
import { listOwnGuardians } from "@/lib/domain/consent/queries";
import { changeGuardianConsent } from "@/lib/domain/consent/actions";
import { CONSENT_CHANGES, confirmationOf } from "@/lib/domain/consent/schemas";
import { ConsentConfirm } from "@/components/pupil/consent-confirm";
import { GuardianConsentList } from "@/components/pupil/guardian-consent-list";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("pupilConsent"))("title") };
}

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function PupilHome({ searchParams }: Props) {
  const actor = await requirePermission("pupil:self", "/pupil", { route: "/pupil", category: "consent" });
  const params = await searchParams;
  const [t, tErrors, tPrivacy, format, data] = await Promise.all([getTranslations("pupilConsent"), getTranslations("errors"), getTranslations("privacy"), getFormatter(), listOwnGuardians(actor)]);
  // Who at school looked at the pupil's own data (decision 0024).
  const privacyLink = (
    <p className="mt-8">
      <Link href="/pupil/privacy" className="inline-flex min-h-11 items-center font-medium text-brand-700 underline">{tPrivacy("pupilLink")}</Link>
    </p>
  );
  if (!data || data.stage === "child") {
    return (
      <>
        <h1 className="text-2xl font-semibold">{t("title")}</h1>
        <p className="mt-2 max-w-prose text-slate-700">{t("tooYoung")}</p>
        {privacyLink}
      </>
    );
  }
  const birthday = format.dateTime(data.adultOn, "full");
  const confirmation = confirmationOf(params);
  // From 18 the consent covers the reasons: no separate switch to confirm.
  const offered = confirmation && !(data.stage === "adult" && confirmation.change.startsWith("reasons"));
  const confirming = offered && data.guardians.find((g) => g.linkId === confirmation.linkId);
  const ahead = data.stage !== "adult" && confirmation?.change.startsWith("consent") ? "Ahead" : "";
  const doneChange = CONSENT_CHANGES.find((c) => c === params.done);
  const doneFor = doneChange && data.guardians.find((g) => g.linkId === params.guardian);
  const errors = Object.fromEntries((["forbidden", "notFound", "invalidInput"] as const).map((code) => [`errors.${code}`, tErrors(code)]));
  return (
    <>
      <h1 className="text-2xl font-semibold">{t("title")}</h1>
      <p className="mt-2 max-w-prose text-slate-700">{data.stage === "adult" ? t("intro18") : t("intro16", { date: birthday })}</p>
      {doneChange && doneFor ? (
        <p role="status" className="mt-4 max-w-prose rounded-lg bg-brand-50 p-3 font-medium text-brand-900">{t(`done_${doneChange}`, { guardian: doneFor.name })}</p>
      ) : null}
      {confirmation && confirming ? (
        <section id="confirm" aria-labelledby="confirm-heading" className="mt-6 max-w-prose scroll-mt-4 rounded-2xl border-2 border-brand-600 bg-white p-4 sm:p-6">
          <h2 id="confirm-heading" className="text-xl font-semibold">{t("confirmTitle")}</h2>
          <p className="mt-2">{t(`confirm_${confirmation.change}${ahead}`, { guardian: confirming.name, date: birthday })}</p>
          <p className="mt-2 text-slate-700">{t("confirmNotice", { guardian: confirming.name })}</p>
          <ConsentConfirm
            action={changeGuardianConsent}
            linkId={confirmation.linkId}
            change={confirmation.change}
            texts={{ yes: t("confirmYes"), cancel: t("cancel"), errorTitle: t("confirmTitle"), errors }}
          />
        </section>
      ) : null}
      <h2 className="mt-8 text-xl font-semibold">{t("guardians")}</h2>
      <GuardianConsentList data={data} />
      {privacyLink}
    </>
  );
}
