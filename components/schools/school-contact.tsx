import { getTranslations } from "next-intl/server";
import type { PublicSchoolProfile } from "@/lib/domain/schools/queries";
import { PhoneLink } from "@/components/ui/ltr";

type Props = { school: Pick<NonNullable<PublicSchoolProfile>, "name" | "street" | "postalCode" | "city" | "phone" | "email" | "websiteUrl"> };

// Only web addresses become links: the field is typed in by the school.
const isWebAddress = (url: string) => /^https?:\/\/[^\s]+$/i.test(url);

/** Address, phone, e-mail and website; lines the school did not fill in are left out. */
export async function SchoolContact({ school }: Props) {
  const t = await getTranslations("schoolProfile");
  const link = "break-all text-brand-700 underline";
  return (
    <section aria-labelledby="contact-heading" className="rounded-xl border border-slate-200 bg-white p-4">
      <h2 id="contact-heading" className="text-lg font-semibold">{t("contactHeading")}</h2>
      <address className="mt-2 space-y-2 not-italic">
        <p>
          <span className="block text-sm text-slate-600">{t("address")}</span>
          {school.street ? <span className="block" dir="auto">{school.street}</span> : null}
          <span className="block" dir="auto">{[school.postalCode, school.city].filter(Boolean).join(" ")}</span>
        </p>
        {school.phone ? (
          <p>
            <span className="block text-sm text-slate-600">{t("phone")}</span>
            <PhoneLink phone={school.phone} className="text-brand-700 underline" />
          </p>
        ) : null}
        {school.email ? (
          <p>
            <span className="block text-sm text-slate-600">{t("email")}</span>
            <a href={`mailto:${school.email}`} className={link} dir="ltr">{school.email}</a>
          </p>
        ) : null}
        {school.websiteUrl && isWebAddress(school.websiteUrl) ? (
          <p>
            <span className="block text-sm text-slate-600">{t("website")}</span>
            <a href={school.websiteUrl} className={link} dir="ltr" rel="noopener noreferrer">{school.websiteUrl.replace(/^https?:\/\//, "")}</a>
          </p>
        ) : null}
      </address>
    </section>
  );
}
