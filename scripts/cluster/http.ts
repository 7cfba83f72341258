// HTTP helpers of the cluster check (scripts/cluster/check.ts): requests through
// nginx that say which app server answered (nginx's X-Upstream header, added by
// the cluster's fill-in of deploy/nginx/schoolkompas.conf), sessions made by
// next-auth's credentials endpoint, and forms submitted as a browser without
// JavaScript submits them (server actions answer plain form posts).

export type Answer = { status: number; upstream: string; location: string | null; text: string; headers: Headers };

/** Cookies of a session: name → value. */
export class Jar {
  private cookies = new Map<string, string>();
  take(response: Response): void {
    for (const line of response.headers.getSetCookie()) {
      const [pair] = line.split(";");
      const at = pair.indexOf("=");
      const name = pair.slice(0, at).trim();
      const value = pair.slice(at + 1);
      if (/max-age=0|expires=thu, 01 jan 1970/i.test(line) || value === "") this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
  }
  header(): string {
    return [...this.cookies].map(([k, v]) => `${k}=${v}`).join("; ");
  }
  has(prefix: RegExp): boolean {
    return [...this.cookies.keys()].some((k) => prefix.test(k));
  }
}

export async function request(base: string, path: string, init: RequestInit & { jar?: Jar } = {}): Promise<Answer> {
  const headers = new Headers(init.headers);
  if (init.jar) headers.set("cookie", init.jar.header());
  const response = await fetch(new URL(path, base), { ...init, headers, redirect: "manual", signal: init.signal ?? AbortSignal.timeout(30_000) });
  init.jar?.take(response);
  const text = await response.text();
  return { status: response.status, upstream: response.headers.get("x-upstream") ?? "", location: response.headers.get("location"), text, headers: response.headers };
}

/** Signs in through next-auth's credentials endpoint, as the login form does; says which app server checked the password. */
export async function signIn(base: string, email: string, password: string): Promise<{ jar: Jar; upstream: string }> {
  const jar = new Jar();
  const csrf = await request(base, "/api/auth/csrf", { jar });
  const { csrfToken } = JSON.parse(csrf.text) as { csrfToken: string };
  const answer = await request(base, "/api/auth/callback/credentials", {
    method: "POST",
    jar,
    headers: { "content-type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams({ csrfToken, email, password, json: "true" }),
  });
  if (!jar.has(/session-token$/)) throw new Error(`sign-in of a demo account failed (${answer.status})`);
  return { jar, upstream: answer.upstream };
}

const ENTITIES: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'", "#39": "'", "#x27": "'" };
const unescape = (s: string) => s.replace(/&(#x?[0-9a-f]+|[a-z]+);/gi, (m, e: string) => ENTITIES[e.toLowerCase()] ?? (e.startsWith("#x") ? String.fromCodePoint(parseInt(e.slice(2), 16)) : e.startsWith("#") ? String.fromCodePoint(Number(e.slice(1))) : m));

/** Picks a form: by the name of one of its fields, or by a test of its HTML. */
export type FormMarker = string | ((form: string) => boolean);

/** The hidden inputs of the first form on the page that matches `marker` (React's $ACTION_… fields among them). */
export function hiddenInputs(html: string, marker: FormMarker): [string, string][] {
  for (const form of html.match(/<form[\s\S]*?<\/form>/g) ?? []) {
    if (typeof marker === "string" ? !form.includes(`name="${marker}"`) : !marker(form)) continue;
    const fields: [string, string][] = [];
    for (const input of form.match(/<input[^>]*>/g) ?? []) {
      if (!/type="hidden"/.test(input)) continue;
      const name = /name="([^"]*)"/.exec(input)?.[1];
      if (name === undefined) continue;
      fields.push([unescape(name), unescape(/value="([^"]*)"/.exec(input)?.[1] ?? "")]);
    }
    return fields;
  }
  throw new Error(`no such form on the page (${typeof marker === "string" ? marker : "by test"})`);
}

/**
 * Submits a server-action form as a browser without JavaScript does: the page's
 * hidden fields (the action's reference) plus `fields`, multipart, to the page.
 */
export async function submitForm(base: string, page: string, jar: Jar, marker: FormMarker, fields: [string, string][], html?: string): Promise<Answer> {
  const source = html ?? (await request(base, page, { jar })).text;
  const overridden = new Set(fields.map(([k]) => k));
  const body = new FormData();
  for (const [k, v] of hiddenInputs(source, marker)) if (!overridden.has(k)) body.append(k, v);
  for (const [k, v] of fields) body.append(k, v);
  return request(base, page, { method: "POST", jar, body, headers: { origin: new URL(base).origin } });
}
