import "server-only";
import { db } from "@/lib/db/client";
import { assertCan } from "@/lib/auth/permissions";
import type { Actor } from "@/lib/auth/types";
import { AppError } from "@/lib/errors";
import { INDICATORS } from "@/lib/domain/indicators/catalogue";
import { indicatorYears } from "@/lib/domain/indicators/years";

const num = (d: { toString(): string } | null) => (d === null ? null : Number(d.toString()));

/** Everything the leader's indicator page shows for one school year, in one query plus the history. */
export async function getIndicatorEditor(actor: Actor, schoolYearId?: string) {
  assertCan(actor, "indicators:edit");
  if (!actor.schoolId) throw new AppError("forbidden");
  const { years, year } = await indicatorYears(schoolYearId);
  const school = await db.school.findUniqueOrThrow({
    where: { id: actor.schoolId },
    select: {
      id: true, name: true, slug: true, levels: true,
      indicatorValues: {
        where: { schoolYearId: year.id },
        select: { schoolType: true, draftValue: true, draftExplanation: true, publishedValue: true, publishedExplanation: true, publishedAt: true, indicator: { select: { code: true } } },
      },
      publications: {
        where: { schoolYearId: year.id },
        orderBy: { publishedAt: "desc" },
        take: 5,
        select: {
          id: true, publishedAt: true, publishedById: true,
          changes: { select: { oldValue: true, newValue: true, indicatorValue: { select: { schoolType: true, indicator: { select: { code: true } } } } } },
        },
      },
    },
  });
  const publishers = new Map(
    (await db.user.findMany({ where: { id: { in: school.publications.map((p) => p.publishedById) } }, select: { id: true, name: true } })).map((u) => [u.id, u.name]),
  );
  const byKey = new Map(school.indicatorValues.map((v) => [`${v.indicator.code}:${v.schoolType}`, v]));
  const rows = INDICATORS.flatMap((definition) =>
    (definition.perSchoolType ? school.levels : ["ALL"]).map((schoolType) => {
      const v = byKey.get(`${definition.code}:${schoolType}`);
      const draftValue = num(v?.draftValue ?? null);
      const publishedValue = v?.publishedAt ? num(v.publishedValue) : null;
      return {
        code: definition.code, group: definition.group, unit: definition.unit, schoolType,
        draftValue, draftExplanation: v?.draftExplanation ?? "",
        publishedValue, publishedAt: v?.publishedAt ?? null,
        pending: !!v && (draftValue !== publishedValue || (v.draftExplanation ?? null) !== (v.publishedAt ? v.publishedExplanation ?? null : null) || (!v.publishedAt && draftValue !== null)),
      };
    }),
  );
  return {
    school: { id: school.id, name: school.name, slug: school.slug },
    years,
    year,
    rows,
    pendingCount: rows.filter((r) => r.pending).length,
    history: school.publications.map((p) => ({
      id: p.id, publishedAt: p.publishedAt, by: publishers.get(p.publishedById) ?? "",
      changes: p.changes.map((c) => ({ code: c.indicatorValue.indicator.code, schoolType: c.indicatorValue.schoolType, oldValue: num(c.oldValue), newValue: num(c.newValue) })),
    })),
  };
}

export type IndicatorEditor = Awaited<ReturnType<typeof getIndicatorEditor>>;
