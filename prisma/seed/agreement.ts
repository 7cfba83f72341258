import type { PrismaClient } from "../../lib/generated/prisma/client";
import { rightsSql } from "../../lib/auth/guardian-rights-forms";
import { newId } from "./ids";

// The school–parent agreement in the demo (issue 19; the contract in
// docs/architecture.md): leider@demo.test's school published version 1 two
// months ago and version 2 three weeks ago (Dutch, English and Arabic), and a
// newer policy version with formatting. About nine in ten guardians of every
// other class (by name) answered version 2, about one in five of the rest. No
// demo account (@demo.test) has answered: ouder@ does it in the walk-through
// and the browser test.

const AGREEMENT_V1 = `# Wat je van ons mag verwachten
- De mentor is je eerste aanspreekpunt.
- Je hoort het dezelfde dag als je kind afwezig is.`;

const AGREEMENT_NL = `# Wat je van ons mag verwachten
- De mentor is je eerste aanspreekpunt. Je mag altijd bellen of mailen, ook als er niets aan de hand is.
- Je hoort het **dezelfde dag** als je kind zonder bericht afwezig is.
- Drie keer per jaar is er een gesprek met jou, je kind en de mentor.
- We antwoorden op een vraag in het portaal binnen twee schooldagen.

# Wat wij van jou vragen
- Meld je kind voor 8.30 uur ziek in het portaal of bij de school.
- Kom naar de gesprekken. Lukt het niet? Laat het de mentor weten.
- Vertel ons als er thuis iets speelt dat invloed heeft op school.

## Samen
Heb je een vraag over deze afspraken? Kies hieronder **Ik heb een vraag hierover**. De mentor neemt dan contact met je op.`;

const AGREEMENT_EN = `# What you can expect from us
- The mentor is your first point of contact. You can always call or e-mail, even when nothing is wrong.
- You hear **the same day** when your child is absent without notice.
- Three times a year there is a meeting with you, your child and the mentor.
- We answer a question in the portal within two school days.

# What we ask of you
- Report your child sick before 8:30 in the portal or to the school.
- Come to the meetings. If you cannot make it, let the mentor know.
- Tell us when something at home affects school.`;

const AGREEMENT_AR = `# ما يمكنك أن تتوقعه منا
- المرشد هو أول من تتواصل معه. يمكنك دائمًا الاتصال أو المراسلة، حتى لو لم يكن هناك أي مشكلة.
- تعرف **في اليوم نفسه** إذا غاب طفلك دون إبلاغ.
- ثلاث مرات في السنة يوجد لقاء معك ومع طفلك والمرشد.

# ما نطلبه منك
- أبلغ عن مرض طفلك قبل الساعة 8:30 في البوابة أو للمدرسة.
- احضر اللقاءات. إذا لم تستطع، أخبر المرشد.`;

const POLICY_NL = `# Samenwerken met ouders
Ouders en school werken samen aan de ontwikkeling van de leerling. Zo doen we dat:
1. **Contact**: de mentor belt elk gezin minstens twee keer per jaar, ook als het goed gaat.
2. **Informatie**: cijfers, afwezigheid en berichten staan in het portaal, in zes talen.
3. **Meedenken**: de ouderraad praat mee over het beleid. Iedere ouder is welkom.

## Als het niet goed gaat
Neem contact op met de mentor. Komen jullie er samen niet uit? Bel dan de teamleider.`;

const POLICY_EN = `# Working with parents
Parents and school work together on the pupil's development. This is how:
1. **Contact**: the mentor calls every family at least twice a year, also when things go well.
2. **Information**: grades, absence and messages are in the portal, in six languages.
3. **Having a say**: the parents' council discusses the policy. Every parent is welcome.`;

export async function writeDemoAgreement(db: PrismaClient, now: Date): Promise<void> {
  const leader = await db.staff.findFirstOrThrow({ where: { user: { email: "leider@demo.test" } }, select: { schoolId: true } });
  const schoolId = leader.schoolId;
  const daysAgo = (d: number) => new Date(now.getTime() - d * 86_400_000);
  const version = async (kind: "AGREEMENT" | "POLICY", number: number, at: Date, texts: Record<string, string>) => {
    const id = newId();
    await db.schoolTextVersion.create({
      data: {
        id, schoolId, kind, number, publishedAt: at, createdAt: at, updatedAt: at,
        texts: { create: Object.entries(texts).map(([locale, body]) => ({ locale: locale as "nl", body })) },
      },
    });
    return id;
  };
  await version("AGREEMENT", 1, daysAgo(60), { nl: AGREEMENT_V1 });
  const current = await version("AGREEMENT", 2, daysAgo(21), { nl: AGREEMENT_NL, en: AGREEMENT_EN, ar: AGREEMENT_AR });
  const lastPolicy = await db.schoolTextVersion.aggregate({ where: { schoolId, kind: "POLICY" }, _max: { number: true } });
  await version("POLICY", (lastPolicy._max.number ?? 0) + 1, daysAgo(21), { nl: POLICY_NL, en: POLICY_EN });

  // Answers to version 2: classes by name alternate between mostly answered and mostly not.
  // Deterministic per guardian (hashtext), never a demo account.
  const may = rightsSql("gl", "p", "$3");
  await db.$executeRawUnsafe(
    `WITH classes AS (
       SELECT id, row_number() OVER (ORDER BY name) AS n FROM "ClassGroup" c
       WHERE c."schoolId" = $1 AND EXISTS (SELECT 1 FROM "Pupil" p WHERE p."classGroupId" = c.id)
     )
     INSERT INTO "AgreementAcknowledgement" (id, "versionId", "guardianId", response, "createdAt")
     SELECT DISTINCT ON (gl."guardianId") gen_random_uuid()::text, $2, gl."guardianId", 'AGREED',
            $4::timestamp - make_interval(hours => abs(hashtext(gl."guardianId")) % 480)
     FROM "Pupil" p JOIN classes c ON c.id = p."classGroupId"
     JOIN "GuardianLink" gl ON gl."pupilId" = p.id
     JOIN "Guardian" g ON g.id = gl."guardianId" JOIN "User" u ON u.id = g."userId"
     WHERE p."schoolId" = $1 AND p."leftOn" IS NULL AND ${may.any} AND u.email NOT LIKE '%@demo.test'
       AND abs(hashtext(gl."guardianId" || 'agreement')) % 100 < CASE WHEN c.n % 2 = 1 THEN 88 ELSE 20 END
     ORDER BY gl."guardianId"
     ON CONFLICT ("versionId", "guardianId") DO NOTHING`,
    schoolId, current, now.toISOString().slice(0, 10), now.toISOString().replace("T", " ").replace("Z", ""),
  );
}
