-- Needs and satisfaction surveys (issue 19, decision 0037).
-- Anonymous by construction: SurveyResponse and SurveyAnswer carry no guardian,
-- pupil, user, invitation or token column and no time. Ids are random UUIDs.

-- AlterEnum
ALTER TYPE "NotificationKind" ADD VALUE 'SURVEY_INVITATION';
ALTER TYPE "NotificationKind" ADD VALUE 'SURVEY_REMINDER';

-- CreateEnum
CREATE TYPE "SurveyStatus" AS ENUM ('DRAFT', 'OPEN', 'CLOSED');

-- CreateEnum
CREATE TYPE "SurveyQuestionKind" AS ENUM ('SCALE_4', 'SCALE_10', 'SINGLE', 'MULTIPLE', 'OPEN');

-- AlterTable
ALTER TABLE "Notification" ADD COLUMN     "surveyId" TEXT;

-- CreateTable
CREATE TABLE "Survey" (
    "id" TEXT NOT NULL,
    "schoolId" TEXT NOT NULL,
    "createdById" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "status" "SurveyStatus" NOT NULL DEFAULT 'DRAFT',
    "idempotencyKey" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "sentAt" TIMESTAMP(3),
    "closesOn" DATE,
    "remindedAt" TIMESTAMP(3),
    "closedAt" TIMESTAMP(3),

    CONSTRAINT "Survey_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "SurveyQuestion" (
    "id" TEXT NOT NULL,
    "surveyId" TEXT NOT NULL,
    "position" INTEGER NOT NULL,
    "kind" "SurveyQuestionKind" NOT NULL,
    "templateKey" TEXT,
    "text" TEXT,
    "translations" JSONB,
    "options" TEXT[],
    "satisfaction" BOOLEAN NOT NULL DEFAULT false,

    CONSTRAINT "SurveyQuestion_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "SurveyClass" (
    "surveyId" TEXT NOT NULL,
    "classGroupId" TEXT NOT NULL,

    CONSTRAINT "SurveyClass_pkey" PRIMARY KEY ("surveyId","classGroupId")
);

-- CreateTable
CREATE TABLE "SurveyInvitation" (
    "id" TEXT NOT NULL,
    "surveyId" TEXT NOT NULL,
    "guardianId" TEXT NOT NULL,
    "classGroupId" TEXT NOT NULL,
    "responded" BOOLEAN NOT NULL DEFAULT false,

    CONSTRAINT "SurveyInvitation_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "SurveyResponse" (
    "id" TEXT NOT NULL,
    "surveyId" TEXT NOT NULL,
    "classGroupId" TEXT NOT NULL,

    CONSTRAINT "SurveyResponse_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "SurveyAnswer" (
    "id" TEXT NOT NULL,
    "responseId" TEXT NOT NULL,
    "questionId" TEXT NOT NULL,
    "value" INTEGER,
    "text" TEXT,

    CONSTRAINT "SurveyAnswer_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "Notification_surveyId_status_idx" ON "Notification"("surveyId", "status");

-- CreateIndex
CREATE UNIQUE INDEX "Survey_idempotencyKey_key" ON "Survey"("idempotencyKey");

-- CreateIndex
CREATE INDEX "Survey_schoolId_createdAt_idx" ON "Survey"("schoolId", "createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "SurveyQuestion_surveyId_position_key" ON "SurveyQuestion"("surveyId", "position");

-- CreateIndex
CREATE UNIQUE INDEX "SurveyQuestion_surveyId_text_key" ON "SurveyQuestion"("surveyId", "text");

-- CreateIndex
CREATE INDEX "SurveyInvitation_surveyId_classGroupId_idx" ON "SurveyInvitation"("surveyId", "classGroupId");

-- CreateIndex
CREATE INDEX "SurveyInvitation_guardianId_idx" ON "SurveyInvitation"("guardianId");

-- CreateIndex
CREATE UNIQUE INDEX "SurveyInvitation_surveyId_guardianId_key" ON "SurveyInvitation"("surveyId", "guardianId");

-- CreateIndex
CREATE INDEX "SurveyResponse_surveyId_classGroupId_idx" ON "SurveyResponse"("surveyId", "classGroupId");

-- CreateIndex
CREATE INDEX "SurveyAnswer_questionId_value_idx" ON "SurveyAnswer"("questionId", "value");

-- CreateIndex
CREATE INDEX "SurveyAnswer_responseId_idx" ON "SurveyAnswer"("responseId");

-- AddForeignKey
ALTER TABLE "Notification" ADD CONSTRAINT "Notification_surveyId_fkey" FOREIGN KEY ("surveyId") REFERENCES "Survey"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Survey" ADD CONSTRAINT "Survey_schoolId_fkey" FOREIGN KEY ("schoolId") REFERENCES "School"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Survey" ADD CONSTRAINT "Survey_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SurveyQuestion" ADD CONSTRAINT "SurveyQuestion_surveyId_fkey" FOREIGN KEY ("surveyId") REFERENCES "Survey"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SurveyClass" ADD CONSTRAINT "SurveyClass_surveyId_fkey" FOREIGN KEY ("surveyId") REFERENCES "Survey"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SurveyClass" ADD CONSTRAINT "SurveyClass_classGroupId_fkey" FOREIGN KEY ("classGroupId") REFERENCES "ClassGroup"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SurveyInvitation" ADD CONSTRAINT "SurveyInvitation_surveyId_fkey" FOREIGN KEY ("surveyId") REFERENCES "Survey"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SurveyInvitation" ADD CONSTRAINT "SurveyInvitation_guardianId_fkey" FOREIGN KEY ("guardianId") REFERENCES "Guardian"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SurveyResponse" ADD CONSTRAINT "SurveyResponse_surveyId_fkey" FOREIGN KEY ("surveyId") REFERENCES "Survey"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SurveyAnswer" ADD CONSTRAINT "SurveyAnswer_responseId_fkey" FOREIGN KEY ("responseId") REFERENCES "SurveyResponse"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SurveyAnswer" ADD CONSTRAINT "SurveyAnswer_questionId_fkey" FOREIGN KEY ("questionId") REFERENCES "SurveyQuestion"("id") ON DELETE CASCADE ON UPDATE CASCADE;
