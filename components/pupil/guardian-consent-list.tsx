import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import type { OwnGuardians } from "@/lib/domain/consent/queries";
import type { ConsentChangeKind } from "@/lib/domain/consent/schemas";

const button = "inline-flex min-h-11 items-center rounded-lg px-4 font-medium";
const primary = `${button} bg-brand-600 text-white hover:bg-brand-700`;
const secondary = `${button} border border-warn-700 text-warn-700 hover:bg-warn-50`;

/** Each guardian with what they may do now, and a link to the confirmation step of each change. */
export async function GuardianConsentList({ data }: { data: OwnGuardians }) {
  const [t, format] = await Promise.all([getTranslations("pupilConsent"), getFormatter()]);
  const adult = data.stage === "adult";
  const confirmHref = (linkId: string, change: ConsentChangeKind) => `/pupil?confirm=${encodeURIComponent(linkId)}&change=${change}#confirm`;
  const consentLine = (g: OwnGuardians["guardians"][number]) => {
    const since = g.consentSince ? format.dateTime(g.consentSince, "full") : "";
    if (g.consent === "granted") return adult ? t("consentGranted", { date: since }) : t("consentGrantedAhead");
    if (g.consent === "withdrawn") return adult ? t("consentWithdrawn", { date: since }) : t("consentWithdrawnAhead");
    return adult ? t("consentNone") : t("consentNoneAhead");
  };
  if (data.guardians.length === 0) return <p className="mt-3">{t("noGuardians")}</p>;
  return (
    <ul className="mt-3 space-y-3">
      {data.guardians.map((g) => (
        <li key={g.linkId} className="rounded-xl border border-slate-200 bg-white p-4">
          <h3 className="font-semibold">{g.name}</h3>
          <p className="text-sm text-slate-700">{consentLine(g)}</p>
          {adult ? null : <p className="text-sm text-slate-700">{g.reasonsShared ? t("reasonsShared") : t("reasonsHidden")}</p>}
          <div className="mt-3 flex flex-wrap gap-2">
            {g.consent === "granted" ? (
              <Link href={confirmHref(g.linkId, "consentWithdraw")} className={secondary}>{adult ? t("withdraw") : t("withdrawAhead")}</Link>
            ) : (
              <Link href={confirmHref(g.linkId, "consentGrant")} className={primary}>{adult ? t("grant") : t("grantAhead")}</Link>
            )}
            {g.consent === "none" ? (
              <Link href={confirmHref(g.linkId, "consentWithdraw")} className={secondary}>{adult ? t("withdraw") : t("withdrawAhead")}</Link>
            ) : null}
            {adult ? null : g.reasonsShared ? (
              <Link href={confirmHref(g.linkId, "reasonsHide")} className={secondary}>{t("hideReasons")}</Link>
            ) : (
              <Link href={confirmHref(g.linkId, "reasonsShare")} className={primary}>{t("shareReasons")}</Link>
            )}
          </div>
        </li>
      ))}
    </ul>
  );
}
