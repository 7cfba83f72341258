import { getTranslations } from "next-intl/server";
import { requirePermission } from "@/lib/auth/guard";
import { listOwnGuardians } from "@/lib/domain/consent/queries";
import { changeGuardianConsent } from "@/lib/domain/consent/actions";
import { ConsentToggle } from "@/components/pupil/consent-toggle";

export default async function PupilHome() {
  const actor = await requirePermission("pupil:self", "/pupil");
  const [t, tErrors, guardians] = await Promise.all([getTranslations("workspace"), getTranslations("errors"), listOwnGuardians(actor)]);
  const errorMessages = Object.fromEntries(
    (["forbidden", "notFound", "invalidInput"] as const).map((code) => [`errors.${code}`, tErrors(code)]),
  );
  return (
    <>
      <h1 className="text-2xl font-semibold">{t("pupilTitle")}</h1>
      <p className="mt-2 max-w-prose text-slate-700">{t("pupilIntro")}</p>
      <h2 className="mt-6 text-xl font-semibold">{t("guardians")}</h2>
      {guardians.length ? (
        <ul className="mt-3 space-y-3">
          {guardians.map((g) => (
            <li key={g.linkId} className="flex flex-wrap items-center justify-between gap-3 rounded-xl border border-slate-200 bg-white p-4">
              <span>
                <span className="block font-semibold">{g.name}</span>
                <span className="text-sm text-slate-700">{g.hasAccess ? t("hasAccess") : t("noAccess")}</span>
              </span>
              <ConsentToggle
                action={changeGuardianConsent}
                linkId={g.linkId}
                hasAccess={g.hasAccess}
                label={g.hasAccess ? t("withdraw") : t("allow")}
                errorMessages={errorMessages}
              />
            </li>
          ))}
        </ul>
      ) : (
        <p className="mt-3">{t("noGuardians")}</p>
      )}
    </>
  );
}
