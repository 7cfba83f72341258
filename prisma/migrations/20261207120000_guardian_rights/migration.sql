-- One rule for a guardian's link (lib/auth/guardian-rights.ts, decisions 0022 and 0023).

-- AlterEnum
ALTER TYPE "NotificationKind" ADD VALUE 'CONSENT_NOTICE';
ALTER TYPE "NotificationKind" ADD VALUE 'INFORMATION_DECISION';

-- CreateEnum
CREATE TYPE "InformationCategory" AS ENUM ('RESULTS', 'ABSENCES');
CREATE TYPE "InformationRequestStatus" AS ENUM ('PENDING', 'GRANTED', 'REFUSED');

-- AlterTable
ALTER TABLE "GuardianLink" ADD COLUMN "informationCategories" "InformationCategory"[] DEFAULT ARRAY[]::"InformationCategory"[],
ADD COLUMN "informationUntil" DATE,
ADD COLUMN "reasonsSharedAt" TIMESTAMP(3);

ALTER TABLE "AbsenceRecord" ADD COLUMN "pupilReason" TEXT;

-- CreateTable
CREATE TABLE "InformationRequest" (
    "id" TEXT NOT NULL,
    "linkId" TEXT NOT NULL,
    "pupilId" TEXT NOT NULL,
    "categories" "InformationCategory"[],
    "message" TEXT,
    "status" "InformationRequestStatus" NOT NULL DEFAULT 'PENDING',
    "idempotencyKey" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "decidedAt" TIMESTAMP(3),
    "decidedById" TEXT,
    "grantedCategories" "InformationCategory"[] DEFAULT ARRAY[]::"InformationCategory"[],
    "grantedUntil" DATE,
    "refusalReason" TEXT,

    CONSTRAINT "InformationRequest_pkey" PRIMARY KEY ("id")
);

CREATE UNIQUE INDEX "InformationRequest_idempotencyKey_key" ON "InformationRequest"("idempotencyKey");
CREATE INDEX "InformationRequest_pupilId_status_idx" ON "InformationRequest"("pupilId", "status");
CREATE INDEX "InformationRequest_linkId_createdAt_idx" ON "InformationRequest"("linkId", "createdAt");

ALTER TABLE "InformationRequest" ADD CONSTRAINT "InformationRequest_linkId_fkey" FOREIGN KEY ("linkId") REFERENCES "GuardianLink"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "InformationRequest" ADD CONSTRAINT "InformationRequest_pupilId_fkey" FOREIGN KEY ("pupilId") REFERENCES "Pupil"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "InformationRequest" ADD CONSTRAINT "InformationRequest_decidedById_fkey" FOREIGN KEY ("decidedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- One open request per guardian link: asking twice before the school answered
-- adds nothing (hand-written: schema.prisma has no partial indexes).
CREATE UNIQUE INDEX "InformationRequest_one_pending_idx" ON "InformationRequest"("linkId") WHERE "status" = 'PENDING';

-- Existing data, so that nobody sees more or less than the school's data said
-- the day before, and seeing and hearing agree from now on:
-- 1. Information granted before categories existed covered everything a
--    guardian was shown: progress and attendance, without an end date.
UPDATE "GuardianLink" SET "informationCategories" = ARRAY['RESULTS', 'ABSENCES']::"InformationCategory"[]
 WHERE "informationGrantedAt" IS NOT NULL;
-- 2. A pupil who is 18 or older today: whoever could look until now (not
--    restricted, not withdrawn, authority or information granted) keeps
--    looking, and now also hears about absence, as the pupil's consent.
UPDATE "GuardianLink" l
   SET "consentGrantedAt" = coalesce(l."consentGrantedAt", l."informationGrantedAt", now())
  FROM "Pupil" p
 WHERE p."id" = l."pupilId"
   AND p."birthDate" <= ((now() AT TIME ZONE 'Europe/Amsterdam')::date - interval '18 years')
   AND NOT l."accessRestricted" AND l."consentWithdrawnAt" IS NULL
   AND (l."hasParentalAuthority" OR l."informationGrantedAt" IS NOT NULL);
-- 3. Consent that was withdrawn is not in force, whatever was granted before.
UPDATE "GuardianLink" SET "consentGrantedAt" = NULL WHERE "consentWithdrawnAt" IS NOT NULL;
-- 4. What a pupil said when reporting their own absence is the pupil's own
--    reason (decision 0023): hidden from the parents of a pupil of 16+ unless shared.
UPDATE "AbsenceRecord" SET "pupilReason" = "reason", "reason" = NULL WHERE "reportedBy" = 'PUPIL' AND "reason" IS NOT NULL;
