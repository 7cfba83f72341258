-- The audit trail a school can show: the actor's role, the data category, the
-- route and the school whose data it was, on every row (docs/audit-trail.md).
ALTER TABLE "AuditLog" ADD COLUMN "role" "Role",
ADD COLUMN     "category" TEXT,
ADD COLUMN     "route" TEXT,
ADD COLUMN     "schoolId" TEXT;

-- Rows written before: the pupil's school.
UPDATE "AuditLog" a SET "schoolId" = p."schoolId" FROM "Pupil" p WHERE p.id = a."pupilId";

CREATE INDEX "AuditLog_schoolId_at_idx" ON "AuditLog"("schoolId", "at");
