-- The 16-hour list sums minutes per pupil and day for some kinds: a covering
-- index lets PostgreSQL answer it from the index alone. It replaces the
-- (pupilId, date) index, which it also serves.
DROP INDEX "AbsenceRecord_pupilId_date_idx";

CREATE INDEX "AbsenceRecord_pupilId_date_kind_minutes_idx" ON "AbsenceRecord"("pupilId", "date", "kind", "minutes");
