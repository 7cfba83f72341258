-- Retention per school: years after a pupil left (results, contact moments,
-- absence) and years after the event (audit rows), and the nightly job's runs.
ALTER TABLE "School" ADD COLUMN "retentionResultsYears" INTEGER NOT NULL DEFAULT 2,
ADD COLUMN     "retentionContactsYears" INTEGER NOT NULL DEFAULT 2,
ADD COLUMN     "retentionAbsencesYears" INTEGER NOT NULL DEFAULT 5,
ADD COLUMN     "retentionAuditYears" INTEGER NOT NULL DEFAULT 5;

-- CreateTable
CREATE TABLE "RetentionRun" (
    "id" TEXT NOT NULL,
    "schoolId" TEXT NOT NULL,
    "ranAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "removed" JSONB NOT NULL,

    CONSTRAINT "RetentionRun_pkey" PRIMARY KEY ("id")
);

CREATE INDEX "RetentionRun_schoolId_ranAt_idx" ON "RetentionRun"("schoolId", "ranAt");
ALTER TABLE "RetentionRun" ADD CONSTRAINT "RetentionRun_schoolId_fkey" FOREIGN KEY ("schoolId") REFERENCES "School"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
