import { fastTranslations, type FastTranslator } from "@/lib/i18n/fast-messages";
import { matchSubjectDetail } from "@/lib/domain/school-words/subjects";
import { assessmentKindOf, isTrackWord } from "@/lib/domain/school-words/explained";
import { ExplainedWord } from "@/components/school-words/explained-word";

type Translator = FastTranslator;

/**
 * A school's subject as the parent reads it. In Dutch: the school's own name. In another
 * language: the catalogue's name; when the school's name says more (a variant such as
 * "Wiskunde B", "NaSk1") that follows in brackets, marked Dutch. Unknown: the school's
 * own name, marked Dutch.
 */
export function subjectLabel(t: Translator, locale: string, subject: { code?: string | null; name: string }): { name: string; lang: "nl" | undefined; schoolName?: string } {
  const match = locale === "nl" ? null : matchSubjectDetail(subject);
  if (!match) return { name: subject.name, lang: "nl" };
  return { name: t(`subjects.${match.key}`), lang: undefined, schoolName: match.whole || !subject.name.trim() ? undefined : subject.name };
}

/** A subject's name as subjectLabel gives it: the school's own words marked Dutch. */
export function SubjectName({ label }: { label: ReturnType<typeof subjectLabel> }) {
  if (!label.schoolName) return <span lang={label.lang}>{label.name}</span>;
  return (
    <>
      {label.name} (<span lang="nl">{label.schoolName}</span>)
    </>
  );
}

/** The school words of the page's language (catalogue area `schoolWords`). */
export async function schoolWordsFor(locale: string): Promise<Translator> {
  return (await fastTranslations(locale, "schoolWords")) as unknown as Translator;
}

/** A test's description: the school's own Dutch text, with the kind of test it starts with ("SO", "PW", …) explained. */
export function TestDescription({ description, t }: { description: string; t: Translator }) {
  const found = assessmentKindOf(description);
  if (!found) return <span lang="nl">{description}</span>;
  return (
    <>
      <ExplainedWord word={found.lead} wordLang="nl" explanation={t(`assessmentKinds.${found.kind}`)} explainLabel={t("explain")} />
      {found.rest ? <span lang="nl">{found.rest}</span> : null}
    </>
  );
}

type ExplainedProps = {
  word: string;
  group: "absenceKinds" | "contactKinds" | "tracks";
  value: string;
  t: Translator;
  /** In a table header: the word stays the header's name, a "?" after it opens the explanation. */
  inHeader?: boolean;
};

/** A word already in the page's language (an absence kind, contact kind, track) with its explanation, when the catalogue has one. */
export function Explained({ word, group, value, t, inHeader = false }: ExplainedProps) {
  const key = `${group}.${value}`;
  if ((group === "tracks" && !isTrackWord(value)) || !t.has(key)) return <>{word}</>;
  return <ExplainedWord word={word} explanation={t(key)} explainLabel={t("explain")} wordOutside={inHeader} />;
}

/** "What does weight mean?" with the answer one tap away: under the grades' introduction (in the narrow weight column it would squeeze the table on a phone). */
export function WeightQuestion({ t }: { t: Translator }) {
  return (
    <details className="mt-1 text-sm">
      <summary className="inline-flex min-h-11 cursor-pointer items-center font-medium text-brand-700 underline">{t("weightQuestion")}</summary>
      <p className="mb-2 max-w-prose rounded-lg border border-brand-100 bg-brand-50 p-3">{t("weight")}</p>
    </details>
  );
}
