import { afterEach, describe, expect, it, vi } from "vitest";
import type { RequestOutcome } from "@/lib/http/database-away";
import { NOT_SAVED, notSavedError } from "@/lib/forms/unavailable";
import { actorOrNotSaved } from "@/lib/forms/form-actor";

// The one mechanism every form action uses when the database is away (issue 21):
// "not saved" (errors.notSaved, in every form's client messages), and the answer marked 503.

// What getActor gives back is passed through untouched: any object stands in for an actor here.
const session = vi.hoisted(() => ({ read: async (): Promise<unknown> => null }));
vi.mock("@/lib/auth/session", () => ({ getActor: () => session.read() }));

const REQUEST_KEY = Symbol.for("schoolkompas.requestOutcome");
function inRequest(): RequestOutcome {
  const outcome: RequestOutcome = { databaseFailed: false, answerUnavailable: false };
  (globalThis as Record<symbol, unknown>)[REQUEST_KEY] = () => outcome;
  return outcome;
}
afterEach(() => {
  delete (globalThis as Record<symbol, unknown>)[REQUEST_KEY];
});

const refused = () => Object.assign(new Error("connect ECONNREFUSED 127.0.0.1:5432"), { code: "ECONNREFUSED" });
const shutDown = () => Object.assign(new Error("terminating connection due to administrator command"), { code: "57P01" });
const prismaWrapped = () => Object.assign(new Error("Can't reach database server"), { code: "P1001" });
const unique = () => Object.assign(new Error("Unique constraint failed"), { code: "P2002" });

describe("notSavedError", () => {
  it.each([["refused", refused], ["shut down", shutDown], ["Prisma P1001", prismaWrapped]])("%s: the not-saved key, and the answer is marked 503", (_, error) => {
    const outcome = inRequest();
    expect(notSavedError(error())).toBe(NOT_SAVED);
    expect(NOT_SAVED).toBe("errors.notSaved");
    expect(outcome.answerUnavailable).toBe(true);
  });

  it("a wrapped outage (the driver's error as the cause) counts too", () => {
    const outcome = inRequest();
    expect(notSavedError(new Error("query failed", { cause: refused() }))).toBe(NOT_SAVED);
    expect(outcome.answerUnavailable).toBe(true);
  });

  it.each([["a unique violation", unique], ["a plain bug", () => new TypeError("x is undefined")], ["not an error", () => "text"]])("%s: null, the answer is not marked", (_, error) => {
    const outcome = inRequest();
    expect(notSavedError(error())).toBeNull();
    expect(outcome.answerUnavailable).toBe(false);
  });

  it("outside a request (a script, a test) it still answers, without marking anything", () => {
    expect(notSavedError(refused())).toBe(NOT_SAVED);
  });
});

describe("actorOrNotSaved", () => {
  const actor = Object.freeze({ userId: "u1", role: "PARENT" });

  it("the signed-in actor, or null when nobody is signed in", async () => {
    session.read = async () => actor;
    expect(await actorOrNotSaved()).toBe(actor);
    session.read = async () => null;
    expect(await actorOrNotSaved()).toBeNull();
  });

  it("NOT_SAVED when reading the session finds the database away (and the answer is marked 503)", async () => {
    const outcome = inRequest();
    session.read = async () => {
      throw prismaWrapped();
    };
    expect(await actorOrNotSaved()).toBe(NOT_SAVED);
    expect(outcome.answerUnavailable).toBe(true);
  });

  it("any other failure of the session read is thrown as before", async () => {
    const outcome = inRequest();
    session.read = async () => {
      throw new TypeError("bug");
    };
    await expect(actorOrNotSaved()).rejects.toThrow("bug");
    expect(outcome.answerUnavailable).toBe(false);
  });
});
