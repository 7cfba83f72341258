-- School events (issue 16, item 1): the school's year calendar, its audience
-- (whole school, some years or some classes), the guardians' replies per
-- child, and the staff members a leader allows to plan events.
CREATE TYPE public."SchoolEventAnswer" AS ENUM (
    'COMING',
    'NOT_COMING'
);

CREATE TYPE public."SchoolEventAudience" AS ENUM (
    'SCHOOL',
    'YEARS',
    'CLASSES'
);

CREATE TYPE public."SchoolEventKind" AS ENUM (
    'PARENT_EVENING',
    'INFORMATION_EVENING',
    'CONFERENCE_ROUND',
    'OPEN_DAY',
    'OTHER'
);

CREATE TABLE public."EventPlanner" (
    "staffId" text NOT NULL,
    "grantedById" text NOT NULL,
    "grantedAt" timestamp(3) without time zone DEFAULT CURRENT_TIMESTAMP NOT NULL
);

CREATE TABLE public."SchoolEvent" (
    id text NOT NULL,
    "schoolId" text NOT NULL,
    "schoolYearId" text NOT NULL,
    kind public."SchoolEventKind" NOT NULL,
    title text NOT NULL,
    description text,
    place text,
    "startsAt" timestamp(3) without time zone NOT NULL,
    "endsAt" timestamp(3) without time zone NOT NULL,
    audience public."SchoolEventAudience" NOT NULL,
    "audienceYears" integer[],
    "asksReply" boolean DEFAULT false NOT NULL,
    "createdById" text NOT NULL,
    "idempotencyKey" text NOT NULL,
    "cancelledAt" timestamp(3) without time zone,
    "createdAt" timestamp(3) without time zone DEFAULT CURRENT_TIMESTAMP NOT NULL,
    "updatedAt" timestamp(3) without time zone DEFAULT CURRENT_TIMESTAMP NOT NULL,
    -- Hand-written: an event ends after it starts, whatever writes it.
    CONSTRAINT "SchoolEvent_ends_after_start" CHECK ("endsAt" > "startsAt")
);

CREATE TABLE public."SchoolEventClass" (
    "eventId" text NOT NULL,
    "classGroupId" text NOT NULL
);

CREATE TABLE public."SchoolEventReply" (
    id text NOT NULL,
    "eventId" text NOT NULL,
    "guardianId" text NOT NULL,
    "pupilId" text NOT NULL,
    answer public."SchoolEventAnswer" NOT NULL,
    "createdAt" timestamp(3) without time zone DEFAULT CURRENT_TIMESTAMP NOT NULL,
    "updatedAt" timestamp(3) without time zone DEFAULT CURRENT_TIMESTAMP NOT NULL
);

ALTER TABLE ONLY public."EventPlanner"
    ADD CONSTRAINT "EventPlanner_pkey" PRIMARY KEY ("staffId");

ALTER TABLE ONLY public."SchoolEventClass"
    ADD CONSTRAINT "SchoolEventClass_pkey" PRIMARY KEY ("eventId", "classGroupId");

ALTER TABLE ONLY public."SchoolEventReply"
    ADD CONSTRAINT "SchoolEventReply_pkey" PRIMARY KEY (id);

ALTER TABLE ONLY public."SchoolEvent"
    ADD CONSTRAINT "SchoolEvent_pkey" PRIMARY KEY (id);

CREATE INDEX "SchoolEventClass_classGroupId_idx" ON public."SchoolEventClass" USING btree ("classGroupId");

CREATE UNIQUE INDEX "SchoolEventReply_eventId_guardianId_pupilId_key" ON public."SchoolEventReply" USING btree ("eventId", "guardianId", "pupilId");

CREATE INDEX "SchoolEventReply_guardianId_idx" ON public."SchoolEventReply" USING btree ("guardianId");

CREATE INDEX "SchoolEventReply_pupilId_idx" ON public."SchoolEventReply" USING btree ("pupilId");

CREATE UNIQUE INDEX "SchoolEvent_idempotencyKey_key" ON public."SchoolEvent" USING btree ("idempotencyKey");

CREATE INDEX "SchoolEvent_schoolId_endsAt_idx" ON public."SchoolEvent" USING btree ("schoolId", "endsAt");

CREATE INDEX "SchoolEvent_schoolYearId_schoolId_startsAt_idx" ON public."SchoolEvent" USING btree ("schoolYearId", "schoolId", "startsAt");

ALTER TABLE ONLY public."EventPlanner"
    ADD CONSTRAINT "EventPlanner_staffId_fkey" FOREIGN KEY ("staffId") REFERENCES public."Staff"(id) ON UPDATE CASCADE ON DELETE CASCADE;

ALTER TABLE ONLY public."SchoolEventClass"
    ADD CONSTRAINT "SchoolEventClass_classGroupId_fkey" FOREIGN KEY ("classGroupId") REFERENCES public."ClassGroup"(id) ON UPDATE CASCADE ON DELETE RESTRICT;

ALTER TABLE ONLY public."SchoolEventClass"
    ADD CONSTRAINT "SchoolEventClass_eventId_fkey" FOREIGN KEY ("eventId") REFERENCES public."SchoolEvent"(id) ON UPDATE CASCADE ON DELETE CASCADE;

ALTER TABLE ONLY public."SchoolEventReply"
    ADD CONSTRAINT "SchoolEventReply_eventId_fkey" FOREIGN KEY ("eventId") REFERENCES public."SchoolEvent"(id) ON UPDATE CASCADE ON DELETE CASCADE;

ALTER TABLE ONLY public."SchoolEventReply"
    ADD CONSTRAINT "SchoolEventReply_guardianId_fkey" FOREIGN KEY ("guardianId") REFERENCES public."Guardian"(id) ON UPDATE CASCADE ON DELETE CASCADE;

ALTER TABLE ONLY public."SchoolEventReply"
    ADD CONSTRAINT "SchoolEventReply_pupilId_fkey" FOREIGN KEY ("pupilId") REFERENCES public."Pupil"(id) ON UPDATE CASCADE ON DELETE CASCADE;

ALTER TABLE ONLY public."SchoolEvent"
    ADD CONSTRAINT "SchoolEvent_schoolId_fkey" FOREIGN KEY ("schoolId") REFERENCES public."School"(id) ON UPDATE CASCADE ON DELETE RESTRICT;

ALTER TABLE ONLY public."SchoolEvent"
    ADD CONSTRAINT "SchoolEvent_schoolYearId_fkey" FOREIGN KEY ("schoolYearId") REFERENCES public."SchoolYear"(id) ON UPDATE CASCADE ON DELETE RESTRICT;
