// The booking rush of `npm run bench` (issue 16; docs/benchmarks.md): a
// conference round of SLOTS slots opens and PARENTS distinct signed-in
// parents open the booking page and book within the same window of SECONDS,
// many aiming at the same popular (earliest) slots. Through the real server
// and the real form: each parent GETs /parent/conferences, picks a slot from
// the HTML and POSTs the form as a browser without JavaScript does (Next's
// progressive-enhancement action fields). A parent who loses a race takes the
// first slot the answer offers (or, failing that, one from a fresh page).
// Afterwards SQL checks that no slot and no host's time was booked twice.
import { randomUUID } from "node:crypto";
import type pg from "pg";
import { signInAll } from "./sessions";
import { summarise, type Summary } from "./stats";

export type RushResult = {
  parents: number; slots: number; seconds: number;
  page: Summary; submit: Summary;
  status5xx: number; otherErrors: number; otherErrorKinds: Record<string, number>;
  bookedFirstTry: number; lostRace: number; lostThenBooked: number; gaveUp: number; refused: number;
  liveBookings: number; heldSlots: number; doubleBookings: number; overlappingBookings: number;
};

/** `thinkSeconds`: how long a parent looks at the page before submitting, [min, max]. */
type Options = { base: string; sql: pg.Pool; parents: number; slots: number; seconds: number; thinkSeconds: [number, number]; password: string; seed?: number; log: (m: string) => void };

const SLOT_MINUTES = 10;

const decode = (s: string) => s.replace(/&quot;/g, '"').replace(/&#x27;/g, "'").replace(/&#39;/g, "'").replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&amp;/g, "&");

function attrs(tag: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const m of tag.matchAll(/([^\s=/<>]+)="([^"]*)"/g)) out[m[1]] = decode(m[2]);
  return out;
}

type BookingFormHtml = { hidden: [string, string][]; slots: string[]; offers: string[] };

/** The booking forms of the round on a page: hidden fields (the action's too), the slot radios, offered slots. */
export function bookingForms(html: string, roundId: string): BookingFormHtml[] {
  const forms: BookingFormHtml[] = [];
  for (const m of html.matchAll(/<form[^>]*>([\s\S]*?)<\/form>/g)) {
    const inputs = [...m[1].matchAll(/<input[^>]*>/g)].map((i) => attrs(i[0]));
    if (!inputs.some((i) => i.name === "roundId" && i.value === roundId)) continue;
    const hidden = inputs.filter((i) => i.type === "hidden" && i.name).map((i): [string, string] => [i.name, i.value ?? ""]);
    const radios = inputs.filter((i) => i.type === "radio" && i.name === "slotId");
    forms.push({
      hidden,
      slots: radios.filter((r) => !r.id?.includes("-offer-")).map((r) => r.value),
      offers: radios.filter((r) => r.id?.includes("-offer-")).map((r) => r.value),
    });
  }
  return forms.filter((f) => f.slots.length > 0 || f.offers.length > 0);
}

/** A small seeded generator, so every run aims the same way. */
function rng(seed: number) {
  let s = seed >>> 0;
  return () => ((s = (s * 1664525 + 1013904223) >>> 0) / 2 ** 32);
}

/** The round: every class of one school whose mentors have no other slots; each mentor hosts their own classes; `slots` slots in all. */
async function createRound(sql: pg.Pool, schoolId: string, slots: number): Promise<string> {
  // Earlier bench rounds go (a reused data set), so parents see only this one and their mentors are free again.
  const old = `SELECT b.id FROM "ConferenceBooking" b JOIN "ConferenceRound" r ON r.id = b."roundId" WHERE r.title LIKE 'Bench rush %'`;
  await sql.query(`DELETE FROM "Notification" WHERE "conferenceBookingId" IN (${old})`);
  await sql.query(`DELETE FROM "ConferenceBooking" WHERE id IN (${old})`);
  await sql.query(`DELETE FROM "ConferenceRound" WHERE title LIKE 'Bench rush %'`);
  const roundId = `bench-round-${randomUUID()}`;
  await sql.query(
    `INSERT INTO "ConferenceRound" (id, "schoolId", title, "slotMinutes", "bookingOpensAt", "bookingClosesAt", "parentMode", "idempotencyKey")
     VALUES ($1, $2, $3, $4, (now() AT TIME ZONE 'UTC') - interval '1 minute', (now() AT TIME ZONE 'UTC') + interval '1 day', 'SHARED', $1)`,
    [roundId, schoolId, `Bench rush ${roundId.slice(-6)}`, SLOT_MINUTES],
  );
  // Classes none of whose mentors has conference slots elsewhere (the demo's round has mentor@demo.test's; a class
  // can have two mentors): a slot is unique per teacher and time.
  await sql.query(
    `INSERT INTO "ConferenceRoundClass" ("roundId", "classGroupId")
     SELECT $1, c.id FROM "ClassGroup" c
      WHERE c."schoolId" = $2 AND EXISTS (SELECT 1 FROM "Mentorship" m WHERE m."classGroupId" = c.id)
        AND NOT EXISTS (SELECT 1 FROM "Mentorship" m JOIN "ConferenceSlot" x ON x."staffId" = m."staffId" WHERE m."classGroupId" = c.id)`,
    [roundId, schoolId],
  );
  const hosts = (await sql.query(
    `SELECT DISTINCT m."staffId" AS id FROM "Mentorship" m JOIN "ConferenceRoundClass" rc ON rc."classGroupId" = m."classGroupId" AND rc."roundId" = $1 ORDER BY 1`,
    [roundId],
  )).rows.map((r: { id: string }) => r.id);
  if (hosts.length === 0) throw new Error("booking rush: no mentor without slots at the school");
  // Evenings from the day after tomorrow, 15:00–22:00 UTC (42 slots each), until each host has its share.
  const perHost = Math.ceil(slots / hosts.length);
  const availability: [string, string, string, string][] = [];
  const rows: [string, string, string, string, string][] = [];
  const day0 = new Date(); day0.setUTCHours(0, 0, 0, 0);
  hosts.forEach((staffId, h) => {
    const share = Math.min(perHost, slots - h * perHost);
    for (let n = 0, evening = 2; n < share; evening++) {
      const start = new Date(day0.getTime() + evening * 86_400_000 + 15 * 3_600_000);
      const end = new Date(start.getTime() + 7 * 3_600_000);
      const availabilityId = `bench-av-${randomUUID()}`;
      availability.push([availabilityId, staffId, start.toISOString(), end.toISOString()]);
      for (let t = start.getTime(); t + SLOT_MINUTES * 60_000 <= end.getTime() && n < share; t += SLOT_MINUTES * 60_000, n++) {
        rows.push([`bench-slot-${randomUUID()}`, availabilityId, staffId, new Date(t).toISOString(), new Date(t + SLOT_MINUTES * 60_000).toISOString()]);
      }
    }
  });
  await sql.query(
    `INSERT INTO "ConferenceAvailability" (id, "roundId", "staffId", "startsAt", "endsAt")
     SELECT a, $1, s, b::timestamp, e::timestamp FROM unnest($2::text[], $3::text[], $4::text[], $5::text[]) AS x(a, s, b, e)`,
    [roundId, ...[0, 1, 2, 3].map((i) => availability.map((a) => a[i]))],
  );
  await sql.query(
    `INSERT INTO "ConferenceSlot" (id, "roundId", "availabilityId", "staffId", "startsAt", "endsAt")
     SELECT i, $1, a, s, b::timestamp, e::timestamp FROM unnest($2::text[], $3::text[], $4::text[], $5::text[], $6::text[]) AS x(i, a, s, b, e)`,
    [roundId, ...[0, 1, 2, 3, 4].map((i) => rows.map((r) => r[i]))],
  );
  return roundId;
}

export async function bookingRush(o: Options): Promise<RushResult> {
  // The school with the most parents who may book for a child under 18 and can sign in (an
  // imported school's guardians have no password yet: the import phase makes one).
  const [school] = (await o.sql.query(
    `SELECT p."schoolId" FROM "Pupil" p JOIN "GuardianLink" l ON l."pupilId" = p.id
      JOIN "Guardian" g ON g.id = l."guardianId" JOIN "User" u ON u.id = g."userId"
      WHERE l."hasParentalAuthority" AND NOT l."accessRestricted" AND p."birthDate" > (now() - interval '18 years')::date
        AND u."passwordHash" IS NOT NULL AND u."disabledAt" IS NULL AND p."leftOn" IS NULL
      GROUP BY p."schoolId" ORDER BY count(DISTINCT l."guardianId") DESC LIMIT 1`,
  )).rows as { schoolId: string }[];
  const roundId = await createRound(o.sql, school.schoolId, o.slots);
  const parents = (await o.sql.query(
    `SELECT DISTINCT ON (u.id) u.email FROM "GuardianLink" l JOIN "Pupil" p ON p.id = l."pupilId" JOIN "Guardian" g ON g.id = l."guardianId" JOIN "User" u ON u.id = g."userId"
      WHERE p."classGroupId" IN (SELECT "classGroupId" FROM "ConferenceRoundClass" WHERE "roundId" = $3) AND p."schoolId" = $1 AND l."hasParentalAuthority" AND NOT l."accessRestricted" AND p."birthDate" > (now() - interval '18 years')::date
        AND u."disabledAt" IS NULL AND u."passwordHash" IS NOT NULL AND p."leftOn" IS NULL
        -- Parents only: a teacher who is also a parent signs in as staff (the role switch), and /parent/conferences is not theirs.
        AND NOT EXISTS (SELECT 1 FROM "RoleMembership" rm WHERE rm."userId" = u.id AND rm.role <> 'PARENT')
        AND NOT EXISTS (SELECT 1 FROM "GuardianLink" l2 WHERE l2."pupilId" = p.id AND l2."guardianId" < l."guardianId" AND l2."hasParentalAuthority")
      ORDER BY u.id LIMIT $2`,
    [school.schoolId, o.parents, roundId],
  )).rows as { email: string }[];
  o.log(`booking rush: signing in ${parents.length} parents…`);
  const sessions = await signInAll(o.base, parents.map((p) => ({ email: p.email, path: "/parent/conferences" })), o.password);
  o.log(`booking rush: ${parents.length} parents, ${o.slots} slots, within ${o.seconds} s`);

  const random = rng(o.seed ?? 16);
  const pageTimes: number[] = [];
  const submitTimes: number[] = [];
  const counts = { status5xx: 0, otherErrors: 0, bookedFirstTry: 0, lostRace: 0, lostThenBooked: 0, gaveUp: 0, refused: 0 };
  const otherErrorKinds: Record<string, number> = {};
  const other = (kind: string) => {
    counts.otherErrors++;
    otherErrorKinds[kind] = (otherErrorKinds[kind] ?? 0) + 1;
  };
  const started = performance.now();

  const timed = async (url: string, init: RequestInit, into: number[]) => {
    const t = performance.now();
    const response = await fetch(url, { ...init, redirect: "manual" });
    const body = await response.text();
    into.push(performance.now() - t);
    if (response.status >= 500) counts.status5xx++;
    return { status: response.status, location: response.headers.get("location") ?? "", body };
  };
  const submit = (cookie: string, form: BookingFormHtml, slotId: string) => {
    const data = new FormData();
    for (const [name, value] of form.hidden) data.append(name, value);
    data.append("slotId", slotId);
    data.append("interpreterLanguage", "");
    return timed(`${o.base}/parent/conferences`, { method: "POST", body: data, headers: { cookie, origin: o.base } }, submitTimes);
  };

  await Promise.all(sessions.map(async (session, i) => {
    const pick = random();
    const hostPick = random();
    const aim = random();
    const think = (o.thinkSeconds[0] + random() * (o.thinkSeconds[1] - o.thinkSeconds[0])) * 1000;
    const pause = (ms: number) => new Promise((r) => setTimeout(r, ms));
    // Arrivals spread over the window; the last ones still submit inside it.
    await pause((i / sessions.length) * Math.max(0, o.seconds * 1000 - think));
    try {
      let page = await timed(`${o.base}/parent/conferences`, { headers: { cookie: session.cookie } }, pageTimes);
      let forms = bookingForms(page.body, roundId);
      if (forms.length === 0) {
        // The page says the mentor has no free time left (conferences.noFree), or something else is wrong.
        other(/geen tijd meer vrij|no free times left|لا توجد مواعيد متاحة/.test(page.body) ? "mentor fully booked" : `no booking form (page ${page.status})`);
        return;
      }
      let form = forms[Math.floor(hostPick * forms.length)];
      // Most parents want one of the first evening's earliest times.
      const popular = form.slots.slice(0, 5);
      let slotId = pick < 0.6 && popular.length ? popular[Math.floor(aim * popular.length)] : form.slots[Math.floor(aim * form.slots.length)];
      // A parent reads the page and chooses before submitting: others may take the slot meanwhile.
      await pause(think);
      let lost = false;
      for (let attempt = 0; attempt < 4; attempt++) {
        const answer = await submit(session.cookie, form, slotId);
        if (answer.status === 303 && answer.location.includes("done=booked")) {
          if (lost) counts.lostThenBooked++;
          else counts.bookedFirstTry++;
          return;
        }
        if (answer.status >= 500) return;
        if (answer.status !== 200) { other(`answer ${answer.status} ${answer.location.replace(/\?.*/, "")}`); return; }
        if (!/slotTaken|Iemand anders was je net voor|Someone else was just ahead|سبقك شخص آخر/.test(answer.body)) { counts.refused++; return; }
        if (!lost) counts.lostRace++;
        lost = true;
        // The answer offers the nearest free slots; without them, a fresh page.
        const offered = bookingForms(answer.body, roundId).find((f) => f.offers.length > 0);
        if (offered) {
          form = offered;
          slotId = offered.offers[0];
        } else {
          page = await timed(`${o.base}/parent/conferences`, { headers: { cookie: session.cookie } }, pageTimes);
          forms = bookingForms(page.body, roundId);
          form = forms[Math.floor(hostPick * forms.length)];
          if (!form || form.slots.length === 0) break;
          slotId = form.slots[0];
        }
      }
      counts.gaveUp++;
    } catch (error) {
      other(error instanceof Error ? error.message.slice(0, 60) : "error");
    }
  }));
  const seconds = (performance.now() - started) / 1000;

  const [check] = (await o.sql.query(
    `SELECT
       (SELECT count(*)::int FROM "ConferenceBooking" WHERE "roundId" = $1 AND "cancelledAt" IS NULL) AS "liveBookings",
       (SELECT count(*)::int FROM "ConferenceSlotClaim" c JOIN "ConferenceSlot" s ON s.id = c."slotId" WHERE s."roundId" = $1) AS "heldSlots",
       (SELECT count(*)::int FROM (SELECT c."slotId" FROM "ConferenceSlotClaim" c JOIN "ConferenceSlot" s ON s.id = c."slotId" WHERE s."roundId" = $1 GROUP BY c."slotId" HAVING count(*) > 1) d) AS "doubleBookings",
       (SELECT count(*)::int FROM "ConferenceBooking" a JOIN "ConferenceBooking" b ON a."staffId" = b."staffId" AND a.id < b.id
          AND a."startsAt" < b."endsAt" AND b."startsAt" < a."endsAt"
         WHERE a."roundId" = $1 AND b."roundId" = $1 AND a."cancelledAt" IS NULL AND b."cancelledAt" IS NULL) AS "overlappingBookings"`,
    [roundId],
  )).rows as { liveBookings: number; heldSlots: number; doubleBookings: number; overlappingBookings: number }[];
  return {
    parents: sessions.length, slots: o.slots, seconds: Math.round(seconds * 10) / 10,
    page: summarise(pageTimes, 0, seconds), submit: summarise(submitTimes, 0, seconds),
    ...counts, otherErrorKinds, ...check,
  };
}
