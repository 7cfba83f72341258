import Link from "next/link";

/** On /parent, first thing after the title: a school published agreement the guardian has not answered yet. */
type Translate = (key: "cardTitle" | "cardBody" | "cardLink", values?: { school: string }) => string;

export function AgreementCard({ schools, t }: { schools: string[]; t: Translate }) {
  if (schools.length === 0) return null;
  return (
    <section aria-labelledby="agreement-card-heading" className="mt-4 max-w-3xl rounded-xl border-2 border-brand-600 bg-brand-50 p-4" data-testid="agreement-card">
      <h2 id="agreement-card-heading" className="text-lg font-semibold text-brand-900">{t("cardTitle")}</h2>
      {schools.map((school) => (
        <p key={school} className="mt-1 text-brand-900">{t("cardBody", { school })}</p>
      ))}
      <Link href="/parent/agreement" className="mt-3 inline-flex min-h-12 items-center rounded-lg bg-brand-600 px-5 font-semibold text-white hover:bg-brand-700">
        {t("cardLink")}
      </Link>
    </section>
  );
}
