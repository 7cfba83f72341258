-- The school–parent agreement and the parent-involvement policy (issue 19, decision 0036).

-- CreateEnum
CREATE TYPE "SchoolTextKind" AS ENUM ('AGREEMENT', 'POLICY');

-- CreateEnum
CREATE TYPE "AgreementResponse" AS ENUM ('AGREED', 'QUESTION');

-- CreateTable
CREATE TABLE "SchoolTextVersion" (
    "id" TEXT NOT NULL,
    "schoolId" TEXT NOT NULL,
    "kind" "SchoolTextKind" NOT NULL,
    "number" INTEGER,
    "publishedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "SchoolTextVersion_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "SchoolTextTranslation" (
    "versionId" TEXT NOT NULL,
    "locale" "Locale" NOT NULL,
    "body" TEXT NOT NULL,

    CONSTRAINT "SchoolTextTranslation_pkey" PRIMARY KEY ("versionId","locale")
);

-- CreateTable
CREATE TABLE "AgreementAcknowledgement" (
    "id" TEXT NOT NULL,
    "versionId" TEXT NOT NULL,
    "guardianId" TEXT NOT NULL,
    "response" "AgreementResponse" NOT NULL,
    "mentorQuestionId" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "AgreementAcknowledgement_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "SchoolTextVersion_schoolId_kind_publishedAt_idx" ON "SchoolTextVersion"("schoolId", "kind", "publishedAt");

-- CreateIndex
CREATE UNIQUE INDEX "SchoolTextVersion_schoolId_kind_number_key" ON "SchoolTextVersion"("schoolId", "kind", "number");

-- One draft per school and kind: saving twice edits the same draft.
CREATE UNIQUE INDEX "SchoolTextVersion_one_draft_idx" ON "SchoolTextVersion"("schoolId", "kind") WHERE "publishedAt" IS NULL;

-- CreateIndex
CREATE UNIQUE INDEX "AgreementAcknowledgement_mentorQuestionId_key" ON "AgreementAcknowledgement"("mentorQuestionId");

-- CreateIndex
CREATE INDEX "AgreementAcknowledgement_guardianId_idx" ON "AgreementAcknowledgement"("guardianId");

-- CreateIndex
CREATE UNIQUE INDEX "AgreementAcknowledgement_versionId_guardianId_key" ON "AgreementAcknowledgement"("versionId", "guardianId");

-- AddForeignKey
ALTER TABLE "SchoolTextVersion" ADD CONSTRAINT "SchoolTextVersion_schoolId_fkey" FOREIGN KEY ("schoolId") REFERENCES "School"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SchoolTextTranslation" ADD CONSTRAINT "SchoolTextTranslation_versionId_fkey" FOREIGN KEY ("versionId") REFERENCES "SchoolTextVersion"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AgreementAcknowledgement" ADD CONSTRAINT "AgreementAcknowledgement_versionId_fkey" FOREIGN KEY ("versionId") REFERENCES "SchoolTextVersion"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AgreementAcknowledgement" ADD CONSTRAINT "AgreementAcknowledgement_guardianId_fkey" FOREIGN KEY ("guardianId") REFERENCES "Guardian"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AgreementAcknowledgement" ADD CONSTRAINT "AgreementAcknowledgement_mentorQuestionId_fkey" FOREIGN KEY ("mentorQuestionId") REFERENCES "MentorQuestion"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- The existing policy becomes the first version: published as version 1 when it
-- was published, else the draft. Then the School columns go: the versions are the source.
INSERT INTO "SchoolTextVersion" ("id", "schoolId", "kind", "number", "publishedAt", "createdAt", "updatedAt")
SELECT 'pol_' || s."id", s."id", 'POLICY',
       CASE WHEN s."parentPolicyPublishedAt" IS NULL THEN NULL ELSE 1 END,
       s."parentPolicyPublishedAt", COALESCE(s."parentPolicyPublishedAt", CURRENT_TIMESTAMP), CURRENT_TIMESTAMP
FROM "School" s WHERE s."parentPolicy" IS NOT NULL AND btrim(s."parentPolicy") <> '';

INSERT INTO "SchoolTextTranslation" ("versionId", "locale", "body")
SELECT 'pol_' || s."id", 'nl', s."parentPolicy"
FROM "School" s WHERE s."parentPolicy" IS NOT NULL AND btrim(s."parentPolicy") <> '';

-- AlterTable
ALTER TABLE "School" DROP COLUMN "parentPolicy",
DROP COLUMN "parentPolicyPublishedAt";
