import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { requirePermission } from "@/lib/auth/guard";
import { listOwnAccess } from "@/lib/domain/privacy/queries";
import { paramsGetter } from "@/lib/domain/privacy/filter";
import { pageRequestOf } from "@/lib/domain/privacy/cursor";
import { PupilAccessView } from "@/components/privacy/pupil-access";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("privacy"))("pupilTitle"), robots: { index: false } };
}

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

/** Who at school looked at the signed-in pupil's own data. */
export default async function PupilPrivacyPage({ searchParams }: Props) {
  const actor = await requirePermission("pupil:self", "/pupil/privacy", { route: "/pupil/privacy", category: "audit" });
  const data = await listOwnAccess(actor, pageRequestOf(paramsGetter(await searchParams)));
  const [t, tCommon] = await Promise.all([getTranslations("privacy"), getTranslations("common")]);
  return (
    <>
      <Link href="/pupil" className="inline-flex min-h-11 items-center text-brand-700 underline">
        <span aria-hidden="true" className="me-1 inline-block rtl:rotate-180">←</span>
        {tCommon("backToOverview")}
      </Link>
      <h1 className="mt-2 text-2xl font-semibold">{t("pupilTitle")}</h1>
      <p className="mt-2 max-w-prose text-slate-700">{t("pupilIntro")}</p>
      <PupilAccessView data={data} base="/pupil/privacy" empty={t("pupilEmpty")} />
    </>
  );
}
