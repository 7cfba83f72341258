-- CreateTable
CREATE TABLE "SelfAssessment" (
    "id" TEXT NOT NULL,
    "schoolId" TEXT NOT NULL,
    "schoolYearId" TEXT NOT NULL,
    "updatedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedById" TEXT,
    "publishedAt" TIMESTAMP(3),
    "publishedById" TEXT,

    CONSTRAINT "SelfAssessment_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "SelfAssessmentScore" (
    "assessmentId" TEXT NOT NULL,
    "domain" TEXT NOT NULL,
    "level" INTEGER,
    "note" TEXT NOT NULL DEFAULT '',
    "sentence" TEXT NOT NULL DEFAULT '',
    "publishedLevel" INTEGER,
    "publishedSentence" TEXT,

    CONSTRAINT "SelfAssessmentScore_pkey" PRIMARY KEY ("assessmentId","domain"),
    -- The four domains of the BLIM model and the five levels (decision 0038).
    CONSTRAINT "SelfAssessmentScore_domain_check" CHECK ("domain" IN ('bestaansrecht', 'leefbaarheid', 'inrichting', 'management')),
    CONSTRAINT "SelfAssessmentScore_level_check" CHECK (("level" IS NULL OR "level" BETWEEN 1 AND 5) AND ("publishedLevel" IS NULL OR "publishedLevel" BETWEEN 1 AND 5)),
    CONSTRAINT "SelfAssessmentScore_text_check" CHECK (char_length("note") <= 2000 AND char_length("sentence") <= 200)
);

-- CreateIndex
CREATE UNIQUE INDEX "SelfAssessment_schoolId_schoolYearId_key" ON "SelfAssessment"("schoolId", "schoolYearId");

-- CreateIndex
CREATE INDEX "SelfAssessment_schoolId_publishedAt_idx" ON "SelfAssessment"("schoolId", "publishedAt");

-- AddForeignKey
ALTER TABLE "SelfAssessment" ADD CONSTRAINT "SelfAssessment_schoolId_fkey" FOREIGN KEY ("schoolId") REFERENCES "School"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SelfAssessment" ADD CONSTRAINT "SelfAssessment_schoolYearId_fkey" FOREIGN KEY ("schoolYearId") REFERENCES "SchoolYear"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SelfAssessmentScore" ADD CONSTRAINT "SelfAssessmentScore_assessmentId_fkey" FOREIGN KEY ("assessmentId") REFERENCES "SelfAssessment"("id") ON DELETE CASCADE ON UPDATE CASCADE;
