import { getTranslations } from "next-intl/server";
import type { PupilAccess } from "@/lib/domain/privacy/queries";
import { AccessList } from "@/components/privacy/access-list";
import { Pager } from "@/components/privacy/pager";

/** A guardian's or pupil's list: the count, the rows (staff and administrators only) and the pages. */
export async function PupilAccessView({ data, base, empty }: { data: PupilAccess; base: string; empty: string }) {
  const t = await getTranslations("privacy");
  return (
    <>
      <p role="status" className="mt-4 font-medium">{data.total ? t("count", { count: data.total }) : empty}</p>
      {data.rows.length ? <AccessList rows={data.rows} full={false} /> : null}
      <Pager base={base} query={new URLSearchParams()} older={data.older} newer={data.newer} />
    </>
  );
}
