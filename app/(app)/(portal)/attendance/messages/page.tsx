import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { requirePermission } from "@/lib/auth/guard";
import { DeliveryLogQuery, getDeliveryLog } from "@/lib/domain/attendance/delivery-queries";
import { DeliveryFilter, DeliveryLog } from "@/components/attendance/delivery-log";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("delivery"))("title"), robots: { index: false } };
}

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

/** Whether each absence message reached each guardian: the school's own outbox. 4 queries (actor, page, counts, waiting to retry). */
export default async function DeliveryPage({ searchParams }: Props) {
  const actor = await requirePermission("attendance:view", "/attendance/messages", { route: "/attendance/messages", category: "messages" });
  const params = await searchParams;
  const query = DeliveryLogQuery.parse({ status: params.status || undefined, page: params.page });
  const [t, log] = await Promise.all([getTranslations("delivery"), getDeliveryLog(actor, query)]);
  return (
    <>
      <p>
        <Link href="/attendance" className="inline-flex min-h-11 items-center text-brand-700 underline">{t("back")}</Link>
      </p>
      <h1 className="text-2xl font-semibold">{t("title")}</h1>
      <p className="mt-1 max-w-prose text-slate-700">{t("intro")}</p>
      <section aria-labelledby="filter-heading" className="mt-4">
        <h2 id="filter-heading" className="sr-only">{t("filterLabel")}</h2>
        <DeliveryFilter log={log} />
      </section>
      <section aria-labelledby="log-heading" className="mt-6">
        <h2 id="log-heading" className="mb-2 text-lg font-semibold">
          {log.status ? t("headingStatus", { status: t(`status.${log.status}`) }) : t("headingAll")}
        </h2>
        <DeliveryLog log={log} />
      </section>
    </>
  );
}
