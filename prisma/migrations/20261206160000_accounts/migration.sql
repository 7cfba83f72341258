-- Invitations, passwords and sign-in that withstands attack.

-- Two-step sign-in: each code is accepted once.
ALTER TABLE "User" ADD COLUMN "totpLastStep" INTEGER;

-- Account e-mails queued from a form carry its idempotency key (per recipient).
ALTER TABLE "Notification" ADD COLUMN "requestKey" TEXT;
CREATE UNIQUE INDEX "Notification_requestKey_key" ON "Notification"("requestKey");

-- One waiting invitation or reset e-mail per user: inviting twice before it
-- went out queues one message (hand-written: schema.prisma has no partial indexes).
CREATE UNIQUE INDEX "Notification_one_waiting_account_mail_idx" ON "Notification"("userId", "kind")
  WHERE "status" IN ('PENDING', 'SENDING') AND "kind" IN ('INVITATION', 'PASSWORD_RESET');

-- Failed sign-in counters (the PostgreSQL store of rate-limiter-flexible, whose own CREATE TABLE is switched off).
CREATE TABLE "SignInThrottle" (
    "key" VARCHAR(255) NOT NULL,
    "points" INTEGER NOT NULL DEFAULT 0,
    "expire" BIGINT,

    CONSTRAINT "SignInThrottle_pkey" PRIMARY KEY ("key")
);
