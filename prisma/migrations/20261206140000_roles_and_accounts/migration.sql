-- Roles become memberships (a person can hold several), account e-mails join
-- the notification outbox, and the columns for invitations, password resets,
-- two-step sign-in, school settings and imports.

-- CreateEnum
CREATE TYPE "AccountTokenPurpose" AS ENUM ('INVITATION', 'PASSWORD_RESET');

-- AlterEnum
ALTER TYPE "NotificationKind" ADD VALUE 'INVITATION';
ALTER TYPE "NotificationKind" ADD VALUE 'PASSWORD_RESET';

-- CreateTable
CREATE TABLE "RoleMembership" (
    "id" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "role" "Role" NOT NULL,
    "schoolId" TEXT,
    "boardId" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "RoleMembership_pkey" PRIMARY KEY ("id")
);

CREATE UNIQUE INDEX "RoleMembership_userId_role_schoolId_key" ON "RoleMembership"("userId", "role", "schoolId");
CREATE INDEX "RoleMembership_schoolId_role_idx" ON "RoleMembership"("schoolId", "role");
CREATE INDEX "RoleMembership_boardId_idx" ON "RoleMembership"("boardId");
-- Outside schema.prisma: roles without a school (parent, pupil, administrator)
-- are unique per user too (NULLs are distinct in the index above).
CREATE UNIQUE INDEX "RoleMembership_unscoped_key" ON "RoleMembership"("userId", "role") WHERE "schoolId" IS NULL;

ALTER TABLE "RoleMembership" ADD CONSTRAINT "RoleMembership_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "RoleMembership" ADD CONSTRAINT "RoleMembership_schoolId_fkey" FOREIGN KEY ("schoolId") REFERENCES "School"("id") ON DELETE SET NULL ON UPDATE CASCADE;
ALTER TABLE "RoleMembership" ADD CONSTRAINT "RoleMembership_boardId_fkey" FOREIGN KEY ("boardId") REFERENCES "Board"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- Everyone keeps the role they had: staff at their school, administrators at
-- their board. A guardian profile on an account of another role also becomes
-- a parent membership.
INSERT INTO "RoleMembership" ("id", "userId", "role", "schoolId", "boardId")
SELECT gen_random_uuid()::text, u."id", u."role",
       CASE WHEN u."role" IN ('MENTOR', 'LEADER', 'ATTENDANCE_OFFICER') THEN st."schoolId" END,
       CASE WHEN u."role" = 'ADMIN' THEN u."boardId" END
  FROM "User" u LEFT JOIN "Staff" st ON st."userId" = u."id";
INSERT INTO "RoleMembership" ("id", "userId", "role")
SELECT gen_random_uuid()::text, g."userId", 'PARENT' FROM "Guardian" g JOIN "User" u ON u."id" = g."userId" WHERE u."role" <> 'PARENT';

-- AlterTable
ALTER TABLE "User" DROP CONSTRAINT "User_boardId_fkey";
ALTER TABLE "User" DROP COLUMN "role",
DROP COLUMN "boardId",
ADD COLUMN     "lastSignInAt" TIMESTAMP(3),
ADD COLUMN     "passwordChangedAt" TIMESTAMP(3),
ADD COLUMN     "welcomedAt" TIMESTAMP(3),
ADD COLUMN     "totpSecret" TEXT,
ADD COLUMN     "totpEnabledAt" TIMESTAMP(3),
ALTER COLUMN "email" DROP NOT NULL;

ALTER TABLE "Staff" DROP COLUMN "isLeader";

ALTER TABLE "Board" ADD COLUMN "requireStaffTwoFactor" BOOLEAN NOT NULL DEFAULT false;

ALTER TABLE "School" ADD COLUMN "quietHoursStart" TEXT NOT NULL DEFAULT '21:00',
ADD COLUMN     "quietHoursEnd" TEXT NOT NULL DEFAULT '07:30';

ALTER TABLE "Pupil" ADD COLUMN "leftOn" DATE;

ALTER TABLE "GuardianLink" ADD COLUMN "household" TEXT;

ALTER TABLE "AuditLog" ADD COLUMN "details" JSONB;

-- CreateTable
CREATE TABLE "AccountToken" (
    "id" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "purpose" "AccountTokenPurpose" NOT NULL,
    "tokenHash" TEXT NOT NULL,
    "expiresAt" TIMESTAMP(3) NOT NULL,
    "usedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "AccountToken_pkey" PRIMARY KEY ("id")
);

CREATE UNIQUE INDEX "AccountToken_tokenHash_key" ON "AccountToken"("tokenHash");
CREATE INDEX "AccountToken_userId_purpose_idx" ON "AccountToken"("userId", "purpose");
ALTER TABLE "AccountToken" ADD CONSTRAINT "AccountToken_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- CreateTable
CREATE TABLE "RecoveryCode" (
    "id" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "codeHash" TEXT NOT NULL,
    "usedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "RecoveryCode_pkey" PRIMARY KEY ("id")
);

CREATE INDEX "RecoveryCode_userId_idx" ON "RecoveryCode"("userId");
ALTER TABLE "RecoveryCode" ADD CONSTRAINT "RecoveryCode_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- Notification: account e-mails have no guardian, pupil or day.
ALTER TABLE "Notification" DROP CONSTRAINT "Notification_guardianId_fkey";
ALTER TABLE "Notification" DROP CONSTRAINT "Notification_pupilId_fkey";
ALTER TABLE "Notification" DROP CONSTRAINT "Notification_schoolId_fkey";
ALTER TABLE "Notification" ALTER COLUMN "guardianId" DROP NOT NULL,
ALTER COLUMN "pupilId" DROP NOT NULL,
ALTER COLUMN "schoolId" DROP NOT NULL,
ALTER COLUMN "aboutDate" DROP NOT NULL,
ADD COLUMN     "userId" TEXT;
ALTER TABLE "Notification" ADD CONSTRAINT "Notification_guardianId_fkey" FOREIGN KEY ("guardianId") REFERENCES "Guardian"("id") ON DELETE SET NULL ON UPDATE CASCADE;
ALTER TABLE "Notification" ADD CONSTRAINT "Notification_pupilId_fkey" FOREIGN KEY ("pupilId") REFERENCES "Pupil"("id") ON DELETE SET NULL ON UPDATE CASCADE;
ALTER TABLE "Notification" ADD CONSTRAINT "Notification_schoolId_fkey" FOREIGN KEY ("schoolId") REFERENCES "School"("id") ON DELETE SET NULL ON UPDATE CASCADE;
ALTER TABLE "Notification" ADD CONSTRAINT "Notification_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;
CREATE INDEX "Notification_userId_createdAt_idx" ON "Notification"("userId", "createdAt");
