-- Indicator catalogue, drafts and publications with history, benchmarks per
-- school type, and public school details (issue: school quality).

-- AlterEnum
ALTER TYPE "IndicatorUnit" ADD VALUE 'EUROS';
ALTER TYPE "IndicatorUnit" ADD VALUE 'HOURS';
ALTER TYPE "IndicatorUnit" ADD VALUE 'BOOLEAN';

-- CreateEnum
CREATE TYPE "Direction" AS ENUM ('HIGHER', 'LOWER', 'NONE');
CREATE TYPE "Denomination" AS ENUM ('OPENBAAR', 'ROOMS_KATHOLIEK', 'PROTESTANTS_CHRISTELIJK', 'ALGEMEEN_BIJZONDER', 'INTERCONFESSIONEEL', 'ISLAMITISCH', 'REFORMATORISCH');

-- AlterTable: public school details
ALTER TABLE "School" ADD COLUMN "denomination" "Denomination" NOT NULL DEFAULT 'OPENBAAR',
ADD COLUMN "street" TEXT,
ADD COLUMN "postalCode" TEXT,
ADD COLUMN "phone" TEXT,
ADD COLUMN "email" TEXT,
ADD COLUMN "parentPolicy" TEXT,
ADD COLUMN "parentPolicyPublishedAt" TIMESTAMP(3);

-- AlterTable: direction replaces higherIsBetter (existing rows keep their meaning)
ALTER TABLE "QualityIndicator" ADD COLUMN "group" TEXT NOT NULL DEFAULT 'GENERAL',
ADD COLUMN "direction" "Direction" NOT NULL DEFAULT 'HIGHER',
ADD COLUMN "perSchoolType" BOOLEAN NOT NULL DEFAULT false;
UPDATE "QualityIndicator" SET "direction" = CASE WHEN "higherIsBetter" THEN 'HIGHER'::"Direction" ELSE 'NONE'::"Direction" END, "group" = "code";
ALTER TABLE "QualityIndicator" DROP COLUMN "higherIsBetter",
ALTER COLUMN "group" DROP DEFAULT,
ALTER COLUMN "direction" DROP DEFAULT;

-- AlterTable: a value becomes a draft plus its published copy
ALTER TABLE "IndicatorValue" ADD COLUMN "schoolType" TEXT NOT NULL DEFAULT 'ALL',
ADD COLUMN "draftValue" DECIMAL(10,2),
ADD COLUMN "draftExplanation" TEXT,
ADD COLUMN "publishedValue" DECIMAL(10,2),
ADD COLUMN "publishedExplanation" TEXT,
ADD COLUMN "updatedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
ADD COLUMN "updatedById" TEXT;
UPDATE "IndicatorValue" SET "draftValue" = "value", "draftExplanation" = "explanation",
  "publishedValue" = CASE WHEN "publishedAt" IS NOT NULL THEN "value" END,
  "publishedExplanation" = CASE WHEN "publishedAt" IS NOT NULL THEN "explanation" END;
ALTER TABLE "IndicatorValue" DROP COLUMN "value", DROP COLUMN "benchmark", DROP COLUMN "explanation",
ALTER COLUMN "updatedAt" DROP DEFAULT;
DROP INDEX "IndicatorValue_schoolId_indicatorId_schoolYearId_key";
CREATE UNIQUE INDEX "IndicatorValue_schoolId_indicatorId_schoolYearId_schoolType_key" ON "IndicatorValue"("schoolId", "indicatorId", "schoolYearId", "schoolType");

-- CreateTable
CREATE TABLE "IndicatorBenchmark" (
    "id" TEXT NOT NULL,
    "indicatorId" TEXT NOT NULL,
    "schoolYearId" TEXT NOT NULL,
    "schoolType" TEXT NOT NULL DEFAULT 'ALL',
    "value" DECIMAL(10,2) NOT NULL,

    CONSTRAINT "IndicatorBenchmark_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "IndicatorPublication" (
    "id" TEXT NOT NULL,
    "schoolId" TEXT NOT NULL,
    "schoolYearId" TEXT NOT NULL,
    "publishedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "publishedById" TEXT NOT NULL,

    CONSTRAINT "IndicatorPublication_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "IndicatorValueChange" (
    "id" TEXT NOT NULL,
    "publicationId" TEXT NOT NULL,
    "indicatorValueId" TEXT NOT NULL,
    "oldValue" DECIMAL(10,2),
    "newValue" DECIMAL(10,2),
    "oldExplanation" TEXT,
    "newExplanation" TEXT,

    CONSTRAINT "IndicatorValueChange_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "IndicatorBenchmark_indicatorId_schoolYearId_schoolType_key" ON "IndicatorBenchmark"("indicatorId", "schoolYearId", "schoolType");
CREATE INDEX "IndicatorPublication_schoolId_schoolYearId_publishedAt_idx" ON "IndicatorPublication"("schoolId", "schoolYearId", "publishedAt");
CREATE INDEX "IndicatorValueChange_publicationId_idx" ON "IndicatorValueChange"("publicationId");
CREATE INDEX "IndicatorValueChange_indicatorValueId_idx" ON "IndicatorValueChange"("indicatorValueId");

-- AddForeignKey
ALTER TABLE "IndicatorBenchmark" ADD CONSTRAINT "IndicatorBenchmark_indicatorId_fkey" FOREIGN KEY ("indicatorId") REFERENCES "QualityIndicator"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "IndicatorBenchmark" ADD CONSTRAINT "IndicatorBenchmark_schoolYearId_fkey" FOREIGN KEY ("schoolYearId") REFERENCES "SchoolYear"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "IndicatorPublication" ADD CONSTRAINT "IndicatorPublication_schoolId_fkey" FOREIGN KEY ("schoolId") REFERENCES "School"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "IndicatorPublication" ADD CONSTRAINT "IndicatorPublication_schoolYearId_fkey" FOREIGN KEY ("schoolYearId") REFERENCES "SchoolYear"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "IndicatorValueChange" ADD CONSTRAINT "IndicatorValueChange_publicationId_fkey" FOREIGN KEY ("publicationId") REFERENCES "IndicatorPublication"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "IndicatorValueChange" ADD CONSTRAINT "IndicatorValueChange_indicatorValueId_fkey" FOREIGN KEY ("indicatorValueId") REFERENCES "IndicatorValue"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- Search: accent- and typo-tolerant school search (pg_trgm + unaccent).
CREATE EXTENSION IF NOT EXISTS pg_trgm;
CREATE EXTENSION IF NOT EXISTS unaccent;
-- unaccent() is not IMMUTABLE (it depends on a dictionary), so this wrapper pins
-- the dictionary so it can be used in an index.
CREATE OR REPLACE FUNCTION sk_unaccent(text) RETURNS text
  LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT
  AS $$ SELECT public.unaccent('public.unaccent'::regdictionary, $1) $$;
CREATE INDEX "School_search_trgm_idx" ON "School" USING gin (lower(sk_unaccent("name" || ' ' || "city")) gin_trgm_ops);
