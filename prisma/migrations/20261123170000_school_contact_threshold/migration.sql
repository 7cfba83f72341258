-- AlterTable
ALTER TABLE "School" ADD COLUMN "contactThresholdWeeks" INTEGER NOT NULL DEFAULT 6;
