-- Ask the mentor and class announcements (issue 16, items 3 and 4).

-- AlterEnum
ALTER TYPE "NotificationKind" ADD VALUE 'QUESTION_ANSWERED';
ALTER TYPE "NotificationKind" ADD VALUE 'CLASS_ANNOUNCEMENT';

-- CreateEnum
CREATE TYPE "MentorQuestionKind" AS ENUM ('QUESTION', 'CALL_BACK');

-- CreateEnum
CREATE TYPE "CallBackTime" AS ENUM ('MORNING', 'AFTERNOON', 'EVENING');

-- AlterTable
ALTER TABLE "Notification" ADD COLUMN     "announcementId" TEXT,
ADD COLUMN     "mentorQuestionId" TEXT;

-- CreateTable
CREATE TABLE "MentorQuestion" (
    "id" TEXT NOT NULL,
    "pupilId" TEXT NOT NULL,
    "guardianId" TEXT NOT NULL,
    "kind" "MentorQuestionKind" NOT NULL,
    "body" TEXT NOT NULL,
    "callTimes" "CallBackTime"[] DEFAULT ARRAY[]::"CallBackTime"[],
    "callTimesNote" TEXT,
    "languageWanted" TEXT,
    "idempotencyKey" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "answer" TEXT,
    "answeredAt" TIMESTAMP(3),
    "answeredById" TEXT,
    "internalNote" TEXT,
    "doneAt" TIMESTAMP(3),
    "contactMomentId" TEXT,
    "closedAt" TIMESTAMP(3),

    CONSTRAINT "MentorQuestion_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Announcement" (
    "id" TEXT NOT NULL,
    "schoolId" TEXT NOT NULL,
    "authorUserId" TEXT NOT NULL,
    "authorRole" "Role" NOT NULL,
    "wholeSchool" BOOLEAN NOT NULL DEFAULT false,
    "subject" TEXT NOT NULL,
    "body" TEXT NOT NULL,
    "idempotencyKey" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Announcement_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "AnnouncementClass" (
    "announcementId" TEXT NOT NULL,
    "classGroupId" TEXT NOT NULL,

    CONSTRAINT "AnnouncementClass_pkey" PRIMARY KEY ("announcementId","classGroupId")
);

-- CreateIndex
CREATE UNIQUE INDEX "MentorQuestion_idempotencyKey_key" ON "MentorQuestion"("idempotencyKey");

-- CreateIndex
CREATE UNIQUE INDEX "MentorQuestion_contactMomentId_key" ON "MentorQuestion"("contactMomentId");

-- CreateIndex
CREATE INDEX "MentorQuestion_pupilId_createdAt_idx" ON "MentorQuestion"("pupilId", "createdAt");

-- CreateIndex
CREATE INDEX "MentorQuestion_guardianId_createdAt_idx" ON "MentorQuestion"("guardianId", "createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "Announcement_idempotencyKey_key" ON "Announcement"("idempotencyKey");

-- CreateIndex
CREATE INDEX "Announcement_schoolId_createdAt_idx" ON "Announcement"("schoolId", "createdAt");

-- CreateIndex
CREATE INDEX "Announcement_authorUserId_createdAt_idx" ON "Announcement"("authorUserId", "createdAt");

-- CreateIndex
CREATE INDEX "AnnouncementClass_classGroupId_idx" ON "AnnouncementClass"("classGroupId");

-- CreateIndex
CREATE INDEX "Notification_announcementId_status_idx" ON "Notification"("announcementId", "status");

-- CreateIndex
CREATE INDEX "Notification_mentorQuestionId_idx" ON "Notification"("mentorQuestionId");

-- AddForeignKey
ALTER TABLE "Notification" ADD CONSTRAINT "Notification_mentorQuestionId_fkey" FOREIGN KEY ("mentorQuestionId") REFERENCES "MentorQuestion"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Notification" ADD CONSTRAINT "Notification_announcementId_fkey" FOREIGN KEY ("announcementId") REFERENCES "Announcement"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "MentorQuestion" ADD CONSTRAINT "MentorQuestion_pupilId_fkey" FOREIGN KEY ("pupilId") REFERENCES "Pupil"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "MentorQuestion" ADD CONSTRAINT "MentorQuestion_guardianId_fkey" FOREIGN KEY ("guardianId") REFERENCES "Guardian"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "MentorQuestion" ADD CONSTRAINT "MentorQuestion_answeredById_fkey" FOREIGN KEY ("answeredById") REFERENCES "Staff"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "MentorQuestion" ADD CONSTRAINT "MentorQuestion_contactMomentId_fkey" FOREIGN KEY ("contactMomentId") REFERENCES "ContactMoment"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Announcement" ADD CONSTRAINT "Announcement_schoolId_fkey" FOREIGN KEY ("schoolId") REFERENCES "School"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Announcement" ADD CONSTRAINT "Announcement_authorUserId_fkey" FOREIGN KEY ("authorUserId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AnnouncementClass" ADD CONSTRAINT "AnnouncementClass_announcementId_fkey" FOREIGN KEY ("announcementId") REFERENCES "Announcement"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AnnouncementClass" ADD CONSTRAINT "AnnouncementClass_classGroupId_fkey" FOREIGN KEY ("classGroupId") REFERENCES "ClassGroup"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
