import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { requirePermission } from "@/lib/auth/guard";
import { listChildAccess } from "@/lib/domain/privacy/queries";
import { paramsGetter } from "@/lib/domain/privacy/filter";
import { pageRequestOf } from "@/lib/domain/privacy/cursor";
import { PupilAccessView } from "@/components/privacy/pupil-access";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("privacy"))("childLink"), robots: { index: false } };
}

type Props = { params: Promise<{ pupilId: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

/** Who at school looked at this child's data; only for a child the guardian may see (404 and an audit row otherwise). */
export default async function ChildPrivacyPage({ params, searchParams }: Props) {
  const { pupilId } = await params;
  const path = `/parent/children/${pupilId}/privacy`;
  const actor = await requirePermission("parent:view", path, { route: "/parent/children/[pupilId]/privacy", category: "audit", pupilId });
  const data = await listChildAccess(actor, pupilId, pageRequestOf(paramsGetter(await searchParams)));
  const t = await getTranslations("privacy");
  const name = data.pupil.firstName;
  return (
    <>
      <Link href={`/parent/children/${data.pupil.id}`} className="inline-flex min-h-11 items-center text-brand-700 underline">
        <span aria-hidden="true" className="me-1 inline-block rtl:rotate-180">←</span>
        {t("backToChild", { name })}
      </Link>
      <h1 className="mt-2 text-2xl font-semibold">{t("childTitle", { name: `${data.pupil.firstName} ${data.pupil.lastName}` })}</h1>
      <p className="mt-2 max-w-prose text-slate-700">{t("childIntro", { name })}</p>
      <PupilAccessView data={data} base={path} empty={t("childEmpty", { name })} />
    </>
  );
}
