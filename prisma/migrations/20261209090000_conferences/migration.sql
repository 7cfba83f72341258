-- Conference rounds (tienminutengesprekken), issue 16: rounds, hosts,
-- availability cut into slots, bookings. A slot is never booked twice:
-- ConferenceSlotClaim's primary key is the slot.
CREATE TYPE public."ConferenceAttendance" AS ENUM (
    'CAME',
    'NO_SHOW',
    'CANCELLED'
);

CREATE TYPE public."ConferenceParentMode" AS ENUM (
    'SHARED',
    'SEPARATE'
);

ALTER TYPE "NotificationKind" ADD VALUE 'CONFERENCE_REMINDER';

CREATE TABLE public."ConferenceAvailability" (
    id text NOT NULL,
    "roundId" text NOT NULL,
    "staffId" text NOT NULL,
    "startsAt" timestamp(3) without time zone NOT NULL,
    "endsAt" timestamp(3) without time zone NOT NULL,
    location text
);

CREATE TABLE public."ConferenceBooking" (
    id text NOT NULL,
    "roundId" text NOT NULL,
    "pupilId" text NOT NULL,
    "staffId" text NOT NULL,
    "bookedByGuardianId" text NOT NULL,
    "householdKey" text NOT NULL,
    "startsAt" timestamp(3) without time zone NOT NULL,
    "endsAt" timestamp(3) without time zone NOT NULL,
    "interpreterLanguage" text,
    childcare boolean DEFAULT false NOT NULL,
    "cancelledAt" timestamp(3) without time zone,
    attendance public."ConferenceAttendance",
    "attendanceMarkedAt" timestamp(3) without time zone,
    "followUpDoneAt" timestamp(3) without time zone,
    "idempotencyKey" text NOT NULL,
    "createdAt" timestamp(3) without time zone DEFAULT CURRENT_TIMESTAMP NOT NULL,
    "updatedAt" timestamp(3) without time zone DEFAULT CURRENT_TIMESTAMP NOT NULL
);

CREATE TABLE public."ConferenceBookingGuardian" (
    "bookingId" text NOT NULL,
    "guardianId" text NOT NULL,
    "joinedAt" timestamp(3) without time zone DEFAULT CURRENT_TIMESTAMP NOT NULL
);

CREATE TABLE public."ConferenceHost" (
    "roundId" text NOT NULL,
    "staffId" text NOT NULL
);

CREATE TABLE public."ConferenceRound" (
    id text NOT NULL,
    "schoolId" text NOT NULL,
    title text NOT NULL,
    "slotMinutes" integer NOT NULL,
    "breakAfterSlots" integer,
    "breakMinutes" integer,
    "bookingOpensAt" timestamp(3) without time zone NOT NULL,
    "bookingClosesAt" timestamp(3) without time zone NOT NULL,
    "parentMode" public."ConferenceParentMode" DEFAULT 'SHARED'::public."ConferenceParentMode" NOT NULL,
    "createdById" text,
    "idempotencyKey" text NOT NULL,
    "createdAt" timestamp(3) without time zone DEFAULT CURRENT_TIMESTAMP NOT NULL
);

CREATE TABLE public."ConferenceRoundClass" (
    "roundId" text NOT NULL,
    "classGroupId" text NOT NULL
);

CREATE TABLE public."ConferenceSlot" (
    id text NOT NULL,
    "roundId" text NOT NULL,
    "availabilityId" text NOT NULL,
    "staffId" text NOT NULL,
    "startsAt" timestamp(3) without time zone NOT NULL,
    "endsAt" timestamp(3) without time zone NOT NULL
);

CREATE TABLE public."ConferenceSlotClaim" (
    "slotId" text NOT NULL,
    "bookingId" text NOT NULL
);

ALTER TABLE "Notification" ADD COLUMN "conferenceBookingId" TEXT;

ALTER TABLE ONLY public."ConferenceAvailability"
    ADD CONSTRAINT "ConferenceAvailability_pkey" PRIMARY KEY (id);

ALTER TABLE ONLY public."ConferenceBookingGuardian"
    ADD CONSTRAINT "ConferenceBookingGuardian_pkey" PRIMARY KEY ("bookingId", "guardianId");

ALTER TABLE ONLY public."ConferenceBooking"
    ADD CONSTRAINT "ConferenceBooking_pkey" PRIMARY KEY (id);

ALTER TABLE ONLY public."ConferenceHost"
    ADD CONSTRAINT "ConferenceHost_pkey" PRIMARY KEY ("roundId", "staffId");

ALTER TABLE ONLY public."ConferenceRoundClass"
    ADD CONSTRAINT "ConferenceRoundClass_pkey" PRIMARY KEY ("roundId", "classGroupId");

ALTER TABLE ONLY public."ConferenceRound"
    ADD CONSTRAINT "ConferenceRound_pkey" PRIMARY KEY (id);

ALTER TABLE ONLY public."ConferenceSlotClaim"
    ADD CONSTRAINT "ConferenceSlotClaim_pkey" PRIMARY KEY ("slotId");

ALTER TABLE ONLY public."ConferenceSlot"
    ADD CONSTRAINT "ConferenceSlot_pkey" PRIMARY KEY (id);

CREATE INDEX "ConferenceAvailability_roundId_staffId_idx" ON public."ConferenceAvailability" USING btree ("roundId", "staffId");

CREATE INDEX "ConferenceBookingGuardian_guardianId_idx" ON public."ConferenceBookingGuardian" USING btree ("guardianId");

CREATE UNIQUE INDEX "ConferenceBooking_idempotencyKey_key" ON public."ConferenceBooking" USING btree ("idempotencyKey");

CREATE INDEX "ConferenceBooking_pupilId_idx" ON public."ConferenceBooking" USING btree ("pupilId");

CREATE INDEX "ConferenceBooking_roundId_staffId_startsAt_idx" ON public."ConferenceBooking" USING btree ("roundId", "staffId", "startsAt");

CREATE INDEX "ConferenceHost_staffId_idx" ON public."ConferenceHost" USING btree ("staffId");

CREATE INDEX "ConferenceRoundClass_classGroupId_idx" ON public."ConferenceRoundClass" USING btree ("classGroupId");

CREATE UNIQUE INDEX "ConferenceRound_idempotencyKey_key" ON public."ConferenceRound" USING btree ("idempotencyKey");

CREATE INDEX "ConferenceRound_schoolId_bookingClosesAt_idx" ON public."ConferenceRound" USING btree ("schoolId", "bookingClosesAt");

CREATE INDEX "ConferenceSlotClaim_bookingId_idx" ON public."ConferenceSlotClaim" USING btree ("bookingId");

CREATE INDEX "ConferenceSlot_roundId_staffId_startsAt_idx" ON public."ConferenceSlot" USING btree ("roundId", "staffId", "startsAt");

CREATE UNIQUE INDEX "ConferenceSlot_staffId_startsAt_key" ON public."ConferenceSlot" USING btree ("staffId", "startsAt");

CREATE INDEX "Notification_conferenceBookingId_idx" ON public."Notification" USING btree ("conferenceBookingId");

ALTER TABLE ONLY public."ConferenceAvailability"
    ADD CONSTRAINT "ConferenceAvailability_roundId_fkey" FOREIGN KEY ("roundId") REFERENCES public."ConferenceRound"(id) ON UPDATE CASCADE ON DELETE CASCADE;

ALTER TABLE ONLY public."ConferenceAvailability"
    ADD CONSTRAINT "ConferenceAvailability_staffId_fkey" FOREIGN KEY ("staffId") REFERENCES public."Staff"(id) ON UPDATE CASCADE ON DELETE RESTRICT;

ALTER TABLE ONLY public."ConferenceBookingGuardian"
    ADD CONSTRAINT "ConferenceBookingGuardian_bookingId_fkey" FOREIGN KEY ("bookingId") REFERENCES public."ConferenceBooking"(id) ON UPDATE CASCADE ON DELETE CASCADE;

ALTER TABLE ONLY public."ConferenceBookingGuardian"
    ADD CONSTRAINT "ConferenceBookingGuardian_guardianId_fkey" FOREIGN KEY ("guardianId") REFERENCES public."Guardian"(id) ON UPDATE CASCADE ON DELETE RESTRICT;

ALTER TABLE ONLY public."ConferenceBooking"
    ADD CONSTRAINT "ConferenceBooking_bookedByGuardianId_fkey" FOREIGN KEY ("bookedByGuardianId") REFERENCES public."Guardian"(id) ON UPDATE CASCADE ON DELETE RESTRICT;

ALTER TABLE ONLY public."ConferenceBooking"
    ADD CONSTRAINT "ConferenceBooking_pupilId_fkey" FOREIGN KEY ("pupilId") REFERENCES public."Pupil"(id) ON UPDATE CASCADE ON DELETE RESTRICT;

ALTER TABLE ONLY public."ConferenceBooking"
    ADD CONSTRAINT "ConferenceBooking_roundId_fkey" FOREIGN KEY ("roundId") REFERENCES public."ConferenceRound"(id) ON UPDATE CASCADE ON DELETE RESTRICT;

ALTER TABLE ONLY public."ConferenceBooking"
    ADD CONSTRAINT "ConferenceBooking_staffId_fkey" FOREIGN KEY ("staffId") REFERENCES public."Staff"(id) ON UPDATE CASCADE ON DELETE RESTRICT;

ALTER TABLE ONLY public."ConferenceHost"
    ADD CONSTRAINT "ConferenceHost_roundId_fkey" FOREIGN KEY ("roundId") REFERENCES public."ConferenceRound"(id) ON UPDATE CASCADE ON DELETE CASCADE;

ALTER TABLE ONLY public."ConferenceHost"
    ADD CONSTRAINT "ConferenceHost_staffId_fkey" FOREIGN KEY ("staffId") REFERENCES public."Staff"(id) ON UPDATE CASCADE ON DELETE RESTRICT;

ALTER TABLE ONLY public."ConferenceRoundClass"
    ADD CONSTRAINT "ConferenceRoundClass_classGroupId_fkey" FOREIGN KEY ("classGroupId") REFERENCES public."ClassGroup"(id) ON UPDATE CASCADE ON DELETE RESTRICT;

ALTER TABLE ONLY public."ConferenceRoundClass"
    ADD CONSTRAINT "ConferenceRoundClass_roundId_fkey" FOREIGN KEY ("roundId") REFERENCES public."ConferenceRound"(id) ON UPDATE CASCADE ON DELETE CASCADE;

ALTER TABLE ONLY public."ConferenceRound"
    ADD CONSTRAINT "ConferenceRound_schoolId_fkey" FOREIGN KEY ("schoolId") REFERENCES public."School"(id) ON UPDATE CASCADE ON DELETE RESTRICT;

ALTER TABLE ONLY public."ConferenceSlotClaim"
    ADD CONSTRAINT "ConferenceSlotClaim_bookingId_fkey" FOREIGN KEY ("bookingId") REFERENCES public."ConferenceBooking"(id) ON UPDATE CASCADE ON DELETE CASCADE;

ALTER TABLE ONLY public."ConferenceSlotClaim"
    ADD CONSTRAINT "ConferenceSlotClaim_slotId_fkey" FOREIGN KEY ("slotId") REFERENCES public."ConferenceSlot"(id) ON UPDATE CASCADE ON DELETE CASCADE;

ALTER TABLE ONLY public."ConferenceSlot"
    ADD CONSTRAINT "ConferenceSlot_availabilityId_fkey" FOREIGN KEY ("availabilityId") REFERENCES public."ConferenceAvailability"(id) ON UPDATE CASCADE ON DELETE CASCADE;

ALTER TABLE ONLY public."ConferenceSlot"
    ADD CONSTRAINT "ConferenceSlot_roundId_fkey" FOREIGN KEY ("roundId") REFERENCES public."ConferenceRound"(id) ON UPDATE CASCADE ON DELETE CASCADE;

ALTER TABLE ONLY public."ConferenceSlot"
    ADD CONSTRAINT "ConferenceSlot_staffId_fkey" FOREIGN KEY ("staffId") REFERENCES public."Staff"(id) ON UPDATE CASCADE ON DELETE RESTRICT;

ALTER TABLE ONLY public."Notification"
    ADD CONSTRAINT "Notification_conferenceBookingId_fkey" FOREIGN KEY ("conferenceBookingId") REFERENCES public."ConferenceBooking"(id) ON UPDATE CASCADE ON DELETE SET NULL;


-- One live booking per child, host and household (SHARED rounds: householdKey '').
CREATE UNIQUE INDEX "ConferenceBooking_one_live_idx" ON "ConferenceBooking" ("roundId", "pupilId", "staffId", "householdKey") WHERE "cancelledAt" IS NULL;
