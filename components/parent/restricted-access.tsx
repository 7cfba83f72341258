import { PhoneLink } from "@/components/ui/ltr";

type Texts = { title: string; body: (school: string) => string; phone: string };

/**
 * For a guardian whose access the school restricted: that it did, and whom to
 * ask (the school's name and phone number), never anything about the child.
 */
export function RestrictedAccess({ schools, texts }: { schools: { name: string; phone: string | null }[]; texts: Texts }) {
  return (
    <section aria-labelledby="restricted-heading" className="mt-6 max-w-prose rounded-lg border border-warn-700 bg-warn-50 p-4" data-testid="restricted-access">
      <h2 id="restricted-heading" className="text-lg font-semibold">{texts.title}</h2>
      {schools.map((school) => (
        <div key={school.name} className="mt-2">
          <p>{texts.body(school.name)}</p>
          {school.phone ? (
            <p className="mt-1">
              {texts.phone} <PhoneLink phone={school.phone} className="inline-flex min-h-11 items-center font-medium text-brand-700 underline" />
            </p>
          ) : null}
        </div>
      ))}
    </section>
  );
}
