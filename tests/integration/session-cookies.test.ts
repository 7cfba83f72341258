import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import type { JWT } from "next-auth/jwt";
import { db } from "@/lib/db/client";
import { encodeSession } from "@/lib/auth/session-jwt";
import { PLAIN_SESSION_COOKIE, SECURE_SESSION_COOKIE } from "@/lib/auth/session-cookie";
import { authOptions, authRouteHandler, endSessions, getActor, setActiveMembership } from "@/lib/auth/session";
import { createGuardianOf } from "@/tests/factories";

// The session module against real accounts: exactly one cookie name counts,
// next-auth's own sign-out ends every session, and the session endpoint tells
// a revoked cookie nothing. The request's cookies and headers are what
// next/headers would give a page.

const SECRET = "integration-test-secret-0000000000000000";
const request = vi.hoisted(() => ({
  cookies: new Map<string, string>(),
  headers: new Headers(),
  written: [] as { name: string; value: string; options: Record<string, unknown> }[],
}));
vi.mock("next/headers", () => ({
  headers: async () => request.headers,
  cookies: async () => ({
    get: (name: string) => (request.cookies.has(name) ? { name, value: request.cookies.get(name)! } : undefined),
    has: (name: string) => request.cookies.has(name),
    getAll: () => [...request.cookies].map(([name, value]) => ({ name, value })),
    set: (name: string, value: string, options: Record<string, unknown> = {}) => void request.written.push({ name, value, options }),
    delete: (name: string) => void request.written.push({ name, value: "", options: { maxAge: 0 } }),
  }),
}));

const now = () => Math.floor(Date.now() / 1000);
async function parent() {
  const { user } = await createGuardianOf([]);
  return user;
}
const claimsFor = (user: { id: string; sessionVersion: number }) => ({ sub: user.id, sv: user.sessionVersion, authTime: now() - 60, lastActivity: now() - 60 });
const token = (claims: JWT) => encodeSession({ token: claims, secret: SECRET, maxAge: 3600 });
const version = async (id: string) => (await db.user.findUniqueOrThrow({ where: { id } })).sessionVersion;

beforeEach(() => {
  vi.stubEnv("NEXTAUTH_SECRET", SECRET);
  vi.stubEnv("NEXTAUTH_URL", "https://portaal.school.nl");
  request.cookies.clear();
  request.headers = new Headers({ host: "portaal.school.nl" });
  request.written = [];
});
afterEach(() => vi.unstubAllEnvs());

describe("the one session cookie", () => {
  it("over https reads only __Secure-…: a planted plain cookie is nobody's session", async () => {
    const user = await parent();
    request.cookies.set(PLAIN_SESSION_COOKIE, await token(claimsFor(user)));
    expect(await getActor()).toBeNull();
    request.cookies.set(SECURE_SESSION_COOKIE, await token(claimsFor(user)));
    expect((await getActor())?.userId).toBe(user.id);
  });

  it("over plain http reads only the plain name", async () => {
    vi.stubEnv("NEXTAUTH_URL", "http://localhost:3000");
    const user = await parent();
    request.cookies.set(SECURE_SESSION_COOKIE, await token(claimsFor(user)));
    expect(await getActor()).toBeNull();
  });

  it("is issued again under the same name, with the Secure flag, when the role changes", async () => {
    const user = await parent();
    const membership = await db.roleMembership.findFirstOrThrow({ where: { userId: user.id } });
    request.cookies.set(SECURE_SESSION_COOKIE, await token(claimsFor(user)));
    await setActiveMembership(membership.id);
    expect(request.written.map((w) => [w.name, w.options.secure])).toEqual([[SECURE_SESSION_COOKIE, true]]);
    await endSessions(user.id);
    expect(request.written.at(-1)).toMatchObject({ name: SECURE_SESSION_COOKIE, value: "", options: { maxAge: 0, secure: true } });
  });
});

describe("next-auth's own sign-out", () => {
  it("raises the session version for a live session, so copies of the cookie stop working", async () => {
    const user = await parent();
    await authOptions.events!.signOut!({ token: claimsFor(user), session: undefined as never });
    expect(await version(user.id)).toBe(user.sessionVersion + 1);
    request.cookies.set(SECURE_SESSION_COOKIE, await token(claimsFor(user)));
    expect(await getActor()).toBeNull();
  });

  it("changes nothing for a token that was already revoked or has expired", async () => {
    const user = await parent();
    await authOptions.events!.signOut!({ token: { ...claimsFor(user), sv: user.sessionVersion - 1 }, session: undefined as never });
    await authOptions.events!.signOut!({ token: { ...claimsFor(user), lastActivity: now() - 61 * 60 }, session: undefined as never });
    await authOptions.events!.signOut!({ token: null as never, session: undefined as never });
    expect(await version(user.id)).toBe(user.sessionVersion);
  });
});

describe("GET /api/auth/session", () => {
  const ask = () => authRouteHandler(new Request("https://portaal.school.nl/api/auth/session"), { params: Promise.resolve({ nextauth: ["session"] }) });

  it("gives a live session its name and end, no ids, and never issues the cookie again", async () => {
    const user = await parent();
    request.cookies.set(SECURE_SESSION_COOKIE, await token(claimsFor(user)));
    const response = await ask();
    const body = (await response.json()) as { user: { name: string }; expires: string };
    expect(body.user).toEqual({ name: user.name });
    expect(Date.parse(body.expires)).toBeGreaterThan(Date.now());
    expect(JSON.stringify(body)).not.toContain(user.id);
    expect(response.headers.get("cache-control")).toBe("no-store");
    expect(response.headers.getSetCookie()).toEqual([]);
  });

  it("answers {} for a revoked cookie", async () => {
    const user = await parent();
    const copied = await token(claimsFor(user));
    await db.user.update({ where: { id: user.id }, data: { sessionVersion: { increment: 1 } } });
    request.cookies.set(SECURE_SESSION_COOKIE, copied);
    expect(await (await ask()).json()).toEqual({});
  });
});
