import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { NextIntlClientProvider } from "next-intl";
import { getMessages, getTranslations } from "next-intl/server";
import { requirePermission } from "@/lib/auth/guard";
import { HOME_ROUTE } from "@/lib/auth/permissions";
import { mayUseTwoStep, twoStepState } from "@/lib/domain/accounts/two-step-commands";
import { disableTwoStepAction, enableTwoStepAction } from "@/lib/domain/accounts/two-step-actions";
import { TwoStepSetup } from "@/components/account/two-step-setup";
import { TwoStepDisable } from "@/components/account/two-step-disable";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("twoFactor"))("title") };
}

// Never cached: the page shows the pending secret.
export const dynamic = "force-dynamic";

export default async function TwoStepPage() {
  const actor = await requirePermission("profile:update", "/account/two-step", { route: "/account/two-step", category: "account" });
  if (!mayUseTwoStep(actor)) notFound();
  const [state, t, messages] = await Promise.all([twoStepState(actor), getTranslations("twoFactor"), getMessages()]);
  const clientMessages = { twoFactor: messages.twoFactor, passwordErrors: messages.passwordErrors, account: messages.account, errors: messages.errors };
  return (
    <div className="max-w-2xl space-y-4">
      <h1 className="text-2xl font-semibold">{t("title")}</h1>
      {state.required && !state.enabled ? (
        <p role="status" className="rounded-lg border border-warn-700 bg-warn-50 p-3 text-warn-700">{t("requiredNotice")}</p>
      ) : null}
      <p className="text-slate-700">{t("intro")}</p>
      <NextIntlClientProvider messages={clientMessages}>
        {state.enabled ? (
          <>
            <p role="status" className="rounded-lg bg-brand-50 p-3 font-medium text-brand-900">{t("isOn", { left: state.recoveryCodesLeft })}</p>
            <TwoStepDisable action={disableTwoStepAction} required={state.required} />
          </>
        ) : (
          <TwoStepSetup action={enableTwoStepAction} qrSvg={state.qrSvg} secret={state.secret} next={HOME_ROUTE[actor.role]} />
        )}
      </NextIntlClientProvider>
      <p><Link href="/account" className="inline-flex min-h-11 items-center text-brand-700 underline">{t("backToAccount")}</Link></p>
    </div>
  );
}
