import { rightsSql } from "@/lib/auth/guardian-rights-forms";

// The reach dashboard's statements (docs/architecture.md, "Reach dashboard").
// Everything is counted in PostgreSQL; Node receives one row per class, per
// mentor, per month and per week, never a row per pupil or contact moment.
//
// Parameters shared by every statement: $1 the leader's school, $2 the school
// year's name ("2026-2027"), $3 its first day, $4 the Dutch day "today".
//
// Definitions:
// - A pupil's family is the set of their guardians the school may involve (the
//   one rights rule, as on the mentor's list). Its key is the smallest guardian
//   id, so brothers and sisters with the same guardians are one family; a pupil
//   without such a guardian is a family of their own.
// - A contact moment reaches every guardian it names; a family is reached when
//   any of its guardians is. Two households are one family (they share the pupil).
// - A family with children in two classes counts once in each class, once per
//   mentor and once at school level.
// - "Reached" is a contact moment on or after today minus the school's
//   contactThresholdWeeks (the mentor's "not reached" rule); "never reached"
//   is no contact moment this school year; "only about problems" is reached
//   this school year, every moment with tone CONCERN.
// `withGuardianMoments`: the school statement reads this year's moments per
// guardian twice (last contact, and the trend per month); materialising them
// once halved its time on the benchmark data (≈ 125 → 86 ms, 1,170 pupils).
// The table statement reads them once and is faster without.
const base = (classFilter: string, withGuardianMoments = false) => `
lim AS (
  SELECT $4::date - 7 * s."contactThresholdWeeks" AS since, s."contactThresholdWeeks" AS weeks FROM "School" s WHERE s.id = $1),
cls AS (
  SELECT c.id, c.name, c.year, c.track FROM "ClassGroup" c JOIN "SchoolYear" y ON y.id = c."schoolYearId"
  WHERE c."schoolId" = $1 AND y.name = $2 ${classFilter}),
pup AS (
  SELECT p.id, p."classGroupId", p."birthDate" FROM "Pupil" p JOIN cls ON cls.id = p."classGroupId" WHERE p."leftOn" IS NULL),
lnk AS (
  SELECT l."pupilId", l."guardianId" FROM "GuardianLink" l JOIN pup p ON p.id = l."pupilId" WHERE ${rightsSql("l", "p", "$4").involve}),
${withGuardianMoments ? `cmg AS MATERIALIZED (
  SELECT cg."guardianId", m."occurredOn", m.tone
  FROM "ContactMoment" m JOIN "Pupil" mp ON mp.id = m."pupilId" JOIN "ContactMomentGuardian" cg ON cg."contactMomentId" = m.id
  WHERE mp."schoolId" = $1 AND m."occurredOn" BETWEEN $3::date AND $4::date AND cg."guardianId" IN (SELECT "guardianId" FROM lnk)),
gc AS (
  SELECT "guardianId", max("occurredOn") AS last, bool_or(tone <> 'CONCERN') AS "notOnlyConcern" FROM cmg GROUP BY "guardianId"),` : `gc AS (
  SELECT cg."guardianId", max(m."occurredOn") AS last, bool_or(m.tone <> 'CONCERN') AS "notOnlyConcern"
  FROM "ContactMoment" m JOIN "Pupil" mp ON mp.id = m."pupilId" JOIN "ContactMomentGuardian" cg ON cg."contactMomentId" = m.id
  WHERE mp."schoolId" = $1 AND m."occurredOn" BETWEEN $3::date AND $4::date AND cg."guardianId" IN (SELECT "guardianId" FROM lnk)
  GROUP BY cg."guardianId"),`}
fam AS (
  SELECT p.id AS "pupilId", p."classGroupId", coalesce(min(l."guardianId"), 'pupil:' || p.id) AS family,
    max(gc.last) AS last, coalesce(bool_or(gc."notOnlyConcern"), false) AS "notOnlyConcern"
  FROM pup p LEFT JOIN lnk l ON l."pupilId" = p.id LEFT JOIN gc ON gc."guardianId" = l."guardianId"
  GROUP BY p.id, p."classGroupId")`;

/** Family counts over rows of (family, last, notOnlyConcern). */
const FAMILY_COUNTS = `
  count(*)::int AS families,
  count(*) FILTER (WHERE last >= (SELECT since FROM lim))::int AS reached,
  count(*) FILTER (WHERE last IS NULL)::int AS never,
  count(*) FILTER (WHERE last IS NOT NULL AND NOT "notOnlyConcern")::int AS "onlyProblems"`;

/**
 * One row per class and per mentor of this school year. $5 year (or null), $6
 * track (or null), $7 one class (or null). Conference columns are this school
 * year's live bookings about the class's pupils.
 */
export const TABLE_STATEMENT = `
WITH ${base(`AND ($5::int IS NULL OR c.year = $5::int) AND ($6::text IS NULL OR c.track = $6::text) AND ($7::text IS NULL OR c.id = $7::text)`)},
fc AS (SELECT "classGroupId", family, max(last) AS last, bool_or("notOnlyConcern") AS "notOnlyConcern" FROM fam GROUP BY 1, 2),
mom AS (
  SELECT p."classGroupId", count(*)::int AS moments, count(*) FILTER (WHERE m.tone = 'POSITIVE')::int AS positive
  FROM "ContactMoment" m JOIN pup p ON p.id = m."pupilId" WHERE m."occurredOn" BETWEEN $3::date AND $4::date GROUP BY 1),
conf AS (
  SELECT p."classGroupId", count(*) FILTER (WHERE b.attendance = 'CAME')::int AS came,
    count(*) FILTER (WHERE b.attendance = 'NO_SHOW')::int AS "noShow",
    count(*) FILTER (WHERE b.attendance = 'NO_SHOW' AND b."followUpDoneAt" IS NOT NULL)::int AS "followedUp"
  FROM "ConferenceBooking" b JOIN pup p ON p.id = b."pupilId"
  WHERE b."cancelledAt" IS NULL AND b."startsAt" >= $3::date GROUP BY 1),
mf AS (
  SELECT ms."staffId", fc.family, max(fc.last) AS last, bool_or(fc."notOnlyConcern") AS "notOnlyConcern"
  FROM fc JOIN "Mentorship" ms ON ms."classGroupId" = fc."classGroupId" GROUP BY 1, 2),
mm AS (
  SELECT ms."staffId", coalesce(sum(mom.moments), 0)::int AS moments, coalesce(sum(mom.positive), 0)::int AS positive,
    string_agg(c.name, ', ' ORDER BY c.name) AS classes
  FROM "Mentorship" ms JOIN cls c ON c.id = ms."classGroupId" LEFT JOIN mom ON mom."classGroupId" = c.id GROUP BY 1)
SELECT 'class' AS kind, c.id, c.name, c.year, c.track,
  (SELECT string_agg(u.name, ', ' ORDER BY u.name) FROM "Mentorship" ms JOIN "Staff" s ON s.id = ms."staffId" JOIN "User" u ON u.id = s."userId"
    WHERE ms."classGroupId" = c.id) AS detail,
  coalesce(f.families, 0) AS families, coalesce(f.reached, 0) AS reached, coalesce(f.never, 0) AS never, coalesce(f."onlyProblems", 0) AS "onlyProblems",
  coalesce(mom.moments, 0) AS moments, coalesce(mom.positive, 0) AS positive,
  coalesce(conf.came, 0) AS came, coalesce(conf."noShow", 0) AS "noShow", coalesce(conf."followedUp", 0) AS "followedUp",
  (SELECT weeks FROM lim) AS weeks
FROM cls c
  LEFT JOIN (SELECT "classGroupId", ${FAMILY_COUNTS} FROM fc GROUP BY 1) f ON f."classGroupId" = c.id
  LEFT JOIN mom ON mom."classGroupId" = c.id LEFT JOIN conf ON conf."classGroupId" = c.id
UNION ALL
SELECT 'mentor', mm."staffId", u.name, NULL, NULL, mm.classes,
  coalesce(f.families, 0), coalesce(f.reached, 0), coalesce(f.never, 0), coalesce(f."onlyProblems", 0),
  mm.moments, mm.positive, 0, 0, 0, (SELECT weeks FROM lim)
FROM mm JOIN "Staff" s ON s.id = mm."staffId" JOIN "User" u ON u.id = s."userId"
  LEFT JOIN (SELECT "staffId", ${FAMILY_COUNTS} FROM mf GROUP BY 1) f ON f."staffId" = mm."staffId"`;

/**
 * The school as a whole, in one row: family counts, contact moments, who is
 * missed (never-reached families by their guardians' language, alert channel
 * and portal use — a family with guardians of two languages counts under
 * each), the trend per month, absence alerts per week, conference totals.
 */
export const SCHOOL_STATEMENT = `
WITH ${base("", true)},
sf AS (SELECT family, max(last) AS last, bool_or("notOnlyConcern") AS "notOnlyConcern" FROM fam GROUP BY 1),
never AS (SELECT family FROM sf WHERE last IS NULL),
ng AS (
  SELECT DISTINCT n.family, g.id AS "guardianId", g."alertChannel", u.locale, u."lastSignInAt", u.email, u."disabledAt"
  FROM never n JOIN fam f ON f.family = n.family JOIN lnk l ON l."pupilId" = f."pupilId"
    JOIN "Guardian" g ON g.id = l."guardianId" JOIN "User" u ON u.id = g."userId"),
alerts AS (
  SELECT n.status, n."createdAt", n."deliveredAt",
    date_trunc('week', (n."createdAt" AT TIME ZONE 'UTC') AT TIME ZONE 'Europe/Amsterdam')::date AS week
  FROM "Notification" n WHERE n."schoolId" = $1 AND n.kind = 'ABSENCE_ALERT' AND n."createdAt" >= $3::date)
SELECT
  (SELECT weeks FROM lim) AS "thresholdWeeks",
  (SELECT json_build_object('families', count(*)::int, 'reached', count(*) FILTER (WHERE last >= (SELECT since FROM lim))::int,
      'never', count(*) FILTER (WHERE last IS NULL)::int, 'onlyProblems', count(*) FILTER (WHERE last IS NOT NULL AND NOT "notOnlyConcern")::int)
    FROM sf) AS families,
  (SELECT json_build_object('moments', count(*)::int, 'positive', count(*) FILTER (WHERE m.tone = 'POSITIVE')::int)
    FROM "ContactMoment" m JOIN pup p ON p.id = m."pupilId" WHERE m."occurredOn" BETWEEN $3::date AND $4::date) AS moments,
  (SELECT coalesce(json_agg(json_build_object('key', locale, 'families', n) ORDER BY n DESC, locale), '[]'::json)
    FROM (SELECT locale::text, count(DISTINCT family)::int AS n FROM ng GROUP BY 1) x) AS languages,
  (SELECT coalesce(json_agg(json_build_object('key', channel, 'families', n) ORDER BY n DESC, channel), '[]'::json)
    FROM (SELECT "alertChannel"::text AS channel, count(DISTINCT family)::int AS n FROM ng GROUP BY 1) x) AS channels,
  (SELECT json_build_object('used', count(*) FILTER (WHERE used)::int, 'unused', count(*) FILTER (WHERE NOT used AND account)::int,
      'none', count(*) FILTER (WHERE NOT account)::int)
    FROM (SELECT n.family, coalesce(bool_or(ng."lastSignInAt" IS NOT NULL), false) AS used,
        coalesce(bool_or(ng.email IS NOT NULL AND ng."disabledAt" IS NULL), false) AS account
      FROM never n LEFT JOIN ng ON ng.family = n.family GROUP BY n.family) x) AS portal,
  (SELECT json_agg(json_build_object('month', to_char(mo, 'YYYY-MM'), 'families', coalesce(tf.n, 0), 'moments', coalesce(tm.moments, 0),
      'positive', coalesce(tm.positive, 0)) ORDER BY mo)
    FROM generate_series(date_trunc('month', $3::date), date_trunc('month', $4::date), interval '1 month') mo
    LEFT JOIN (SELECT date_trunc('month', m."occurredOn") AS mo, count(DISTINCT f.family)::int AS n
        FROM cmg m JOIN lnk l ON l."guardianId" = m."guardianId" JOIN fam f ON f."pupilId" = l."pupilId" GROUP BY 1) tf USING (mo)
    LEFT JOIN (SELECT date_trunc('month', m."occurredOn") AS mo, count(*)::int AS moments, count(*) FILTER (WHERE m.tone = 'POSITIVE')::int AS positive
        FROM "ContactMoment" m JOIN pup p ON p.id = m."pupilId" WHERE m."occurredOn" BETWEEN $3::date AND $4::date GROUP BY 1) tm USING (mo)) AS trend,
  (SELECT coalesce(json_agg(json_build_object('week', week, 'sent', sent, 'delivered', delivered, 'failed', failed, 'medianSeconds', median) ORDER BY week), '[]'::json)
    FROM (SELECT week, count(*) FILTER (WHERE status <> 'SKIPPED')::int AS sent, count(*) FILTER (WHERE status = 'DELIVERED')::int AS delivered,
        count(*) FILTER (WHERE status = 'FAILED')::int AS failed,
        percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM "deliveredAt" - "createdAt")) FILTER (WHERE "deliveredAt" IS NOT NULL) AS median
      FROM alerts GROUP BY week) w) AS alerts,
  (SELECT percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM "deliveredAt" - "createdAt")) FROM alerts WHERE "deliveredAt" IS NOT NULL) AS "alertMedianSeconds",
  EXISTS (SELECT 1 FROM "ConferenceRound" r WHERE r."schoolId" = $1 AND r."bookingClosesAt" >= $3::date) AS "conferencesInUse",
  (SELECT json_build_object('came', count(*) FILTER (WHERE b.attendance = 'CAME')::int, 'noShow', count(*) FILTER (WHERE b.attendance = 'NO_SHOW')::int,
      'followedUp', count(*) FILTER (WHERE b.attendance = 'NO_SHOW' AND b."followUpDoneAt" IS NOT NULL)::int)
    FROM "ConferenceBooking" b JOIN pup p ON p.id = b."pupilId" WHERE b."cancelledAt" IS NULL AND b."startsAt" >= $3::date) AS conferences`;

/**
 * The families of one class ($5) not reached within the threshold (never
 * reached included), with their pupils of the class and their guardians; and
 * one audit row per family shown (naming the family's first pupil of the
 * class), written by the same statement. $6 actor, $7 action, $8 role, $9
 * category, $10 route. A class of another school has no rows and writes nothing.
 */
export const FAMILIES_STATEMENT = `
WITH ${base("AND c.id = $5")},
fc AS (SELECT family, max(last) AS last, bool_or("notOnlyConcern") AS "notOnlyConcern", array_agg("pupilId" ORDER BY "pupilId") AS pupils
  FROM fam GROUP BY family),
shown AS (SELECT * FROM fc WHERE last IS NULL OR last < (SELECT since FROM lim)),
audited AS (
  INSERT INTO "AuditLog" ("id", "at", "actorUserId", "action", "outcome", "pupilId", "targetId", "details", "role", "category", "route", "schoolId")
  SELECT gen_random_uuid()::text, now(), $6, $7, 'ALLOWED'::"AuditOutcome", p.id, p.id, json_build_object('pupils', cardinality(shown.pupils))::jsonb,
    $8::"Role", $9, $10, p."schoolId"
  FROM shown JOIN "Pupil" p ON p.id = shown.pupils[1])
SELECT shown.family, to_json(shown.last) AS last,
  (SELECT json_agg(json_build_object('id', p.id, 'firstName', p."firstName", 'lastName', p."lastName") ORDER BY p."lastName", p."firstName", p.id)
    FROM "Pupil" p WHERE p.id = ANY(shown.pupils)) AS pupils,
  (SELECT coalesce(json_agg(json_build_object('name', u.name, 'locale', u.locale, 'channel', g."alertChannel",
      'portal', CASE WHEN u."lastSignInAt" IS NOT NULL THEN 'used' WHEN u.email IS NOT NULL AND u."disabledAt" IS NULL THEN 'unused' ELSE 'none' END)
      ORDER BY u.name, g.id), '[]'::json)
    FROM (SELECT DISTINCT "guardianId" FROM lnk WHERE "pupilId" = ANY(shown.pupils)) gl
      JOIN "Guardian" g ON g.id = gl."guardianId" JOIN "User" u ON u.id = g."userId") AS guardians
FROM shown`;
