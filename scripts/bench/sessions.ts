// Real sessions: every benchmark parent signs in through next-auth's
// credentials endpoint, exactly as the login form does.
export type Session = { email: string; cookie: string; path: string };

function cookiesFrom(response: Response): string[] {
  return response.headers.getSetCookie().map((c) => c.split(";")[0]);
}

export async function signIn(baseUrl: string, email: string, password: string): Promise<string> {
  const csrf = await fetch(`${baseUrl}/api/auth/csrf`);
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const jar = cookiesFrom(csrf);
  const response = await fetch(`${baseUrl}/api/auth/callback/credentials`, {
    method: "POST",
    redirect: "manual",
    headers: { "content-type": "application/x-www-form-urlencoded", cookie: jar.join("; ") },
    body: new URLSearchParams({ csrfToken, email, password, json: "true" }),
  });
  const session = cookiesFrom(response).find((c) => c.startsWith("next-auth.session-token="));
  if (!session) throw new Error(`sign-in failed (${response.status})`);
  return session;
}

export async function signInAll(baseUrl: string, users: { email: string; path: string }[], password: string, parallel = 8): Promise<Session[]> {
  const sessions: Session[] = [];
  for (let i = 0; i < users.length; i += parallel) {
    const batch = users.slice(i, i + parallel);
    sessions.push(...(await Promise.all(batch.map(async (u) => ({ ...u, cookie: await signIn(baseUrl, u.email, password) })))));
  }
  return sessions;
}
