import { rightsSql } from "@/lib/auth/guardian-rights-forms";
import { instant } from "@/lib/db/json-values";

// Hand-written statements of the agreement (decision 0006: one statement, the
// guardian rule as SQL from the same source as the Prisma form).

const may = rightsSql("gl", "p", "$2");

/**
 * Published agreement versions of every school where guardian $1 may see a
 * child on the Dutch day $2 (the same rule as every parent page: a restricted
 * link counts for nothing), matching `filter` over version `v`. `latest` says
 * whether it is the school's newest; `pupilId` is the eldest child there the
 * guardian may ask the mentor about (null when none).
 */
export function guardianAgreementSql(filter: string): string {
  return `
    WITH schools AS (
      SELECT p."schoolId",
             (array_agg(p.id ORDER BY p."birthDate", p.id) FILTER (WHERE ${may.mentor}))[1] AS "pupilId"
      FROM "GuardianLink" gl JOIN "Pupil" p ON p.id = gl."pupilId"
      WHERE gl."guardianId" = $1 AND p."leftOn" IS NULL AND ${may.any}
      GROUP BY p."schoolId"
    )
    SELECT v.id, v.number, to_json(v."publishedAt")#>>'{}' AS "publishedAt", v."schoolId", s."pupilId",
           v.number = (SELECT max(l.number) FROM "SchoolTextVersion" l WHERE l."schoolId" = v."schoolId" AND l.kind = 'AGREEMENT') AS latest
    FROM schools s
    JOIN "SchoolTextVersion" v ON v."schoolId" = s."schoolId" AND v.kind = 'AGREEMENT' AND v."publishedAt" IS NOT NULL
    WHERE ${filter}`;
}

export type GuardianVersionRow = { id: string; number: number; publishedAt: string; schoolId: string; pupilId: string | null; latest: boolean };

export const toGuardianVersion = (row: GuardianVersionRow) => ({ ...row, publishedAt: instant(row.publishedAt) });
