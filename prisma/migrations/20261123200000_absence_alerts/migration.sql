-- Absence alerts, sick reports, the 16-hour threshold and the notification outbox.

-- AlterEnum
ALTER TYPE "Role" ADD VALUE 'ATTENDANCE_OFFICER';
ALTER TYPE "AbsenceKind" ADD VALUE 'REMOVED';

-- CreateEnum
CREATE TYPE "AlertChannel" AS ENUM ('EMAIL', 'SMS', 'PORTAL');
CREATE TYPE "AlertTiming" AS ENUM ('IMMEDIATE', 'DAILY_DIGEST');
CREATE TYPE "NotificationKind" AS ENUM ('ABSENCE_ALERT');
CREATE TYPE "NotificationStatus" AS ENUM ('PENDING', 'SENDING', 'DELIVERED', 'FAILED', 'SKIPPED');
CREATE TYPE "SickReportReason" AS ENUM ('SICK', 'DOCTOR', 'FAMILY', 'OTHER');
CREATE TYPE "ThresholdCaseStatus" AS ENUM ('TO_REPORT', 'REPORTED', 'NOT_REQUIRED');

-- AlterTable
ALTER TABLE "School" ADD COLUMN "sickReportDeadline" TEXT NOT NULL DEFAULT '08:30',
ADD COLUMN "sickReportMaxDaysAhead" INTEGER NOT NULL DEFAULT 60;

ALTER TABLE "Guardian" ADD COLUMN "alertChannel" "AlertChannel" NOT NULL DEFAULT 'EMAIL',
ADD COLUMN "alertTiming" "AlertTiming" NOT NULL DEFAULT 'IMMEDIATE';

ALTER TABLE "GuardianLink" ADD COLUMN "consentGrantedAt" TIMESTAMP(3);

ALTER TABLE "AbsenceRecord" ADD COLUMN "recordedById" TEXT,
ADD COLUMN "sickReportId" TEXT,
ADD COLUMN "updatedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP;

-- CreateTable
CREATE TABLE "SchoolHoliday" (
    "id" TEXT NOT NULL,
    "schoolId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "startsOn" DATE NOT NULL,
    "endsOn" DATE NOT NULL,

    CONSTRAINT "SchoolHoliday_pkey" PRIMARY KEY ("id")
);

CREATE TABLE "SickReport" (
    "id" TEXT NOT NULL,
    "pupilId" TEXT NOT NULL,
    "guardianId" TEXT NOT NULL,
    "reason" "SickReportReason" NOT NULL,
    "note" TEXT,
    "startsOn" DATE NOT NULL,
    "endsOn" DATE,
    "endedAt" TIMESTAMP(3),
    "idempotencyKey" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "SickReport_pkey" PRIMARY KEY ("id")
);

CREATE TABLE "ThresholdCase" (
    "id" TEXT NOT NULL,
    "pupilId" TEXT NOT NULL,
    "schoolYearId" TEXT NOT NULL,
    "status" "ThresholdCaseStatus" NOT NULL,
    "reportedOn" DATE,
    "note" TEXT,
    "updatedById" TEXT NOT NULL,
    "updatedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ThresholdCase_pkey" PRIMARY KEY ("id")
);

CREATE TABLE "Notification" (
    "id" TEXT NOT NULL,
    "kind" "NotificationKind" NOT NULL,
    "guardianId" TEXT NOT NULL,
    "pupilId" TEXT NOT NULL,
    "schoolId" TEXT NOT NULL,
    "aboutDate" DATE NOT NULL,
    "channel" "AlertChannel" NOT NULL,
    "locale" "Locale" NOT NULL,
    "address" TEXT,
    "status" "NotificationStatus" NOT NULL DEFAULT 'PENDING',
    "sendAfter" TIMESTAMP(3) NOT NULL,
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "lockedUntil" TIMESTAMP(3),
    "lastError" TEXT,
    "deliveredAt" TIMESTAMP(3),
    "providerRef" TEXT,
    "subject" TEXT,
    "body" TEXT,
    "readAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Notification_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "SchoolHoliday_schoolId_startsOn_idx" ON "SchoolHoliday"("schoolId", "startsOn");
CREATE UNIQUE INDEX "AbsenceRecord_pupilId_date_lessonHour_key" ON "AbsenceRecord"("pupilId", "date", "lessonHour");
CREATE UNIQUE INDEX "AbsenceRecord_sickReportId_date_key" ON "AbsenceRecord"("sickReportId", "date");
CREATE UNIQUE INDEX "SickReport_idempotencyKey_key" ON "SickReport"("idempotencyKey");
CREATE INDEX "SickReport_pupilId_startsOn_idx" ON "SickReport"("pupilId", "startsOn");
CREATE INDEX "SickReport_createdAt_idx" ON "SickReport"("createdAt");
CREATE UNIQUE INDEX "ThresholdCase_pupilId_schoolYearId_key" ON "ThresholdCase"("pupilId", "schoolYearId");
CREATE INDEX "Notification_schoolId_createdAt_idx" ON "Notification"("schoolId", "createdAt");
CREATE INDEX "Notification_guardianId_createdAt_idx" ON "Notification"("guardianId", "createdAt");
CREATE INDEX "Notification_status_sendAfter_idx" ON "Notification"("status", "sendAfter");

-- Several absence records for one pupil on one day become one message: at most
-- one message per guardian, pupil, day and kind waits to be sent.
CREATE UNIQUE INDEX "Notification_one_pending_idx" ON "Notification"("guardianId", "pupilId", "aboutDate", "kind") WHERE "status" = 'PENDING';

-- AddForeignKey
ALTER TABLE "SchoolHoliday" ADD CONSTRAINT "SchoolHoliday_schoolId_fkey" FOREIGN KEY ("schoolId") REFERENCES "School"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "AbsenceRecord" ADD CONSTRAINT "AbsenceRecord_recordedById_fkey" FOREIGN KEY ("recordedById") REFERENCES "Staff"("id") ON DELETE SET NULL ON UPDATE CASCADE;
ALTER TABLE "AbsenceRecord" ADD CONSTRAINT "AbsenceRecord_sickReportId_fkey" FOREIGN KEY ("sickReportId") REFERENCES "SickReport"("id") ON DELETE SET NULL ON UPDATE CASCADE;
ALTER TABLE "SickReport" ADD CONSTRAINT "SickReport_pupilId_fkey" FOREIGN KEY ("pupilId") REFERENCES "Pupil"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "SickReport" ADD CONSTRAINT "SickReport_guardianId_fkey" FOREIGN KEY ("guardianId") REFERENCES "Guardian"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "ThresholdCase" ADD CONSTRAINT "ThresholdCase_pupilId_fkey" FOREIGN KEY ("pupilId") REFERENCES "Pupil"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "ThresholdCase" ADD CONSTRAINT "ThresholdCase_updatedById_fkey" FOREIGN KEY ("updatedById") REFERENCES "Staff"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "Notification" ADD CONSTRAINT "Notification_guardianId_fkey" FOREIGN KEY ("guardianId") REFERENCES "Guardian"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "Notification" ADD CONSTRAINT "Notification_pupilId_fkey" FOREIGN KEY ("pupilId") REFERENCES "Pupil"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "Notification" ADD CONSTRAINT "Notification_schoolId_fkey" FOREIGN KEY ("schoolId") REFERENCES "School"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
