-- Importing a school's data: import runs with their uploaded files, column
-- mappings remembered per school, and a natural key for assessments so that
-- importing the same results again finds the same assessment
-- (docs/decisions/0015-import-design.md).

-- CreateEnum
CREATE TYPE "ImportStatus" AS ENUM ('QUEUED', 'VALIDATING', 'READY', 'INVALID', 'APPLYING', 'APPLIED', 'FAILED', 'DISCARDED');
CREATE TYPE "ImportFileKind" AS ENUM ('CLASSES', 'PUPILS', 'GUARDIANS', 'MENTORSHIPS', 'SUBJECTS', 'RESULTS', 'ABSENCES');

-- CreateTable
CREATE TABLE "ImportRun" (
    "id" TEXT NOT NULL,
    "schoolId" TEXT NOT NULL,
    "createdById" TEXT NOT NULL,
    "status" "ImportStatus" NOT NULL DEFAULT 'QUEUED',
    "fullExport" BOOLEAN NOT NULL DEFAULT false,
    "idempotencyKey" TEXT NOT NULL,
    "progressDone" INTEGER NOT NULL DEFAULT 0,
    "progressTotal" INTEGER NOT NULL DEFAULT 0,
    "summary" JSONB,
    "errors" JSONB,
    "errorCount" INTEGER NOT NULL DEFAULT 0,
    "warnings" JSONB,
    "warningCount" INTEGER NOT NULL DEFAULT 0,
    "failure" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "validatedAt" TIMESTAMP(3),
    "appliedAt" TIMESTAMP(3),
    "updatedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ImportRun_pkey" PRIMARY KEY ("id")
);

CREATE TABLE "ImportFile" (
    "id" TEXT NOT NULL,
    "runId" TEXT NOT NULL,
    "position" INTEGER NOT NULL,
    "name" TEXT NOT NULL,
    "format" TEXT NOT NULL,
    "size" INTEGER NOT NULL,
    "content" BYTEA,
    "kind" "ImportFileKind",
    "kindChosen" BOOLEAN NOT NULL DEFAULT false,
    "rowCount" INTEGER NOT NULL DEFAULT 0,
    "headers" TEXT[],
    "unmapped" TEXT[],

    CONSTRAINT "ImportFile_pkey" PRIMARY KEY ("id")
);

CREATE TABLE "ImportColumnMapping" (
    "id" TEXT NOT NULL,
    "schoolId" TEXT NOT NULL,
    "kind" "ImportFileKind" NOT NULL,
    "header" TEXT NOT NULL,
    "field" TEXT NOT NULL,
    "updatedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ImportColumnMapping_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "ImportRun_idempotencyKey_key" ON "ImportRun"("idempotencyKey");
CREATE INDEX "ImportRun_schoolId_createdAt_idx" ON "ImportRun"("schoolId", "createdAt");
CREATE INDEX "ImportRun_status_updatedAt_idx" ON "ImportRun"("status", "updatedAt");
CREATE UNIQUE INDEX "ImportFile_runId_position_key" ON "ImportFile"("runId", "position");
CREATE UNIQUE INDEX "ImportColumnMapping_schoolId_kind_header_key" ON "ImportColumnMapping"("schoolId", "kind", "header");
CREATE UNIQUE INDEX "Assessment_classGroupId_subjectId_heldOn_description_key" ON "Assessment"("classGroupId", "subjectId", "heldOn", "description");

-- AddForeignKey
ALTER TABLE "ImportRun" ADD CONSTRAINT "ImportRun_schoolId_fkey" FOREIGN KEY ("schoolId") REFERENCES "School"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "ImportRun" ADD CONSTRAINT "ImportRun_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "ImportFile" ADD CONSTRAINT "ImportFile_runId_fkey" FOREIGN KEY ("runId") REFERENCES "ImportRun"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "ImportColumnMapping" ADD CONSTRAINT "ImportColumnMapping_schoolId_fkey" FOREIGN KEY ("schoolId") REFERENCES "School"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
