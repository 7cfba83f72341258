import { getLocale } from "next-intl/server";
import { dateFormat } from "@/lib/i18n/fast-format";
import { fastTranslations } from "@/lib/i18n/fast-messages";
import type { ChildDetail } from "@/lib/domain/pupils/queries";
import { Explained, schoolWordsFor } from "@/components/school-words/words";

export async function ParentContactHistory({ contacts, childName }: { contacts: ChildDetail["contacts"]; childName: string }) {
  const locale = await getLocale();
  const [t, tKinds, tWords] = await Promise.all([fastTranslations(locale, "childContacts"), fastTranslations(locale, "contactKinds"), schoolWordsFor(locale)]);
  const full = dateFormat(locale, "full");
  return (
    <section aria-labelledby="contacts-heading">
      <h2 id="contacts-heading" className="text-xl font-semibold">{t("title")}</h2>
      <p className="mt-1 mb-3 text-sm text-slate-700">{t("intro", { name: childName })}</p>
      {contacts.length ? (
        <ol className="space-y-2">
          {contacts.map((c) => (
            <li key={c.id} className="rounded-xl border border-slate-200 bg-white p-3">
              {/* A <div>: the explained kind is a <details>, which may not sit in a <p>. */}
              <div className="flex flex-wrap gap-x-2 font-semibold">
                <span>{full.format(c.occurredOn)}</span>
                <span className="font-normal text-slate-700">
                  · <Explained word={tKinds(c.kind)} group="contactKinds" value={c.kind} t={tWords} />
                </span>
              </div>
              {/* The school's own words. */}
              <p dir="auto" lang="nl" className="mt-1 whitespace-pre-line">{c.summary}</p>
              <p className="mt-1 text-sm text-slate-600">
                {t("by", { name: c.staffName })} · {c.initiatedBy === "SCHOOL" ? t("startedBySchool") : t("startedByParent")}
              </p>
            </li>
          ))}
        </ol>
      ) : (
        <p>{t("none")}</p>
      )}
    </section>
  );
}
