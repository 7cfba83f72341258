import "server-only";
import { db } from "@/lib/db/client";
import { guardianScope } from "@/lib/auth/scope";
import { assertCanFor, writeAuditForList, type AuditContext } from "@/lib/auth/audit";
import type { Actor } from "@/lib/auth/types";
import { backToBack, eveningOf, householdKey, windowOpen } from "@/lib/domain/conferences/booking-rules";

// The parent's booking page (issue 16): per open round and child, the free
// slots per host grouped by evening, the family's bookings, and a suggestion
// to come once for siblings. Four round trips: children with their rounds,
// free slots, bookings (in parallel), and the audit rows.

const PAGE: AuditContext = { category: "conferences", route: "/parent/conferences" };

export type FreeSlot = { id: string; startsAt: Date; endsAt: Date; location: string | null; /** The slot after it is free too (an interpreter needs both). */ nextFree: boolean };
export type Evening = { day: string; slots: FreeSlot[] };
export type HostOffer = { staffId: string; name: string; isMentor: boolean; evenings: Evening[]; booking: BookingView | null; sharedBooking: BookingView | null };
export type BookingView = {
  id: string; startsAt: Date; endsAt: Date; interpreterLanguage: string | null; childcare: boolean; location: string | null;
  bookedBy: string; attending: string[]; attendingMe: boolean; hostName: string;
};
export type ChildInRound = { pupilId: string; firstName: string; lastName: string; className: string; hosts: HostOffer[] };
export type RoundView = {
  id: string; title: string; slotMinutes: number; bookingClosesAt: Date; open: boolean; parentMode: "SHARED" | "SEPARATE";
  children: ChildInRound[];
  suggestion: { first: { pupil: string; host: string; slot: FreeSlot }; second: { pupil: string; host: string; slot: FreeSlot } } | null;
};

/** Rounds whose booking has opened and that still have conversations to come. */
const liveRound = (now: Date) => ({ bookingOpensAt: { lte: now }, slots: { some: { startsAt: { gt: now } } } });

export async function getBookingPage(actor: Actor, { now = new Date() }: { now?: Date } = {}): Promise<RoundView[]> {
  await assertCanFor(actor, "conference:book", "conference:view", null, PAGE);
  const guardianId = actor.guardianId!;
  const children = await db.pupil.findMany({
    where: { ...guardianScope(actor, "book", now), leftOn: null, classGroup: { conferenceRounds: { some: { round: liveRound(now) } } } },
    orderBy: [{ birthDate: "asc" }, { id: "asc" }],
    select: {
      id: true, firstName: true, lastName: true,
      guardianLinks: { where: { guardianId }, select: { household: true } },
      classGroup: {
        select: {
          name: true,
          mentorships: { select: { staffId: true, staff: { select: { user: { select: { name: true } } } } } },
          conferenceRounds: {
            where: { round: liveRound(now) },
            select: {
              round: {
                select: {
                  id: true, title: true, slotMinutes: true, bookingOpensAt: true, bookingClosesAt: true, parentMode: true,
                  hosts: { select: { staffId: true, staff: { select: { user: { select: { name: true } } } } } },
                },
              },
            },
          },
        },
      },
    },
  });
  if (children.length === 0) return [];
  const roundIds = [...new Set(children.flatMap((c) => c.classGroup.conferenceRounds.map((r) => r.round.id)))];
  const hostIds = [...new Set(children.flatMap((c) => [
    ...c.classGroup.mentorships.map((m) => m.staffId),
    ...c.classGroup.conferenceRounds.flatMap((r) => r.round.hosts.map((h) => h.staffId)),
  ]))];
  const [slots, bookings] = await Promise.all([
    db.conferenceSlot.findMany({
      where: { roundId: { in: roundIds }, staffId: { in: hostIds }, startsAt: { gt: now }, claim: null },
      select: { id: true, roundId: true, staffId: true, startsAt: true, endsAt: true, availability: { select: { location: true } } },
      orderBy: { startsAt: "asc" },
    }),
    db.conferenceBooking.findMany({
      where: { roundId: { in: roundIds }, pupilId: { in: children.map((c) => c.id) }, cancelledAt: null },
      select: {
        id: true, roundId: true, pupilId: true, staffId: true, householdKey: true, startsAt: true, endsAt: true, interpreterLanguage: true, childcare: true,
        bookedBy: { select: { user: { select: { name: true } } } },
        staff: { select: { user: { select: { name: true } } } },
        guardians: { orderBy: { joinedAt: "asc" }, select: { guardianId: true, guardian: { select: { user: { select: { name: true } } } } } },
        claims: { take: 1, select: { slot: { select: { availability: { select: { location: true } } } } } },
      },
    }),
  ]);
  await writeAuditForList(actor, "conference:view", children.map((c) => c.id), PAGE);
  return shapeRounds(children, slots, bookings, guardianId, now);
}

type Loaded = {
  children: { id: string; firstName: string; lastName: string; guardianLinks: { household: string | null }[]; classGroup: { name: string; mentorships: { staffId: string; staff: { user: { name: string } } }[]; conferenceRounds: { round: { id: string; title: string; slotMinutes: number; bookingOpensAt: Date; bookingClosesAt: Date; parentMode: "SHARED" | "SEPARATE"; hosts: { staffId: string; staff: { user: { name: string } } }[] } }[] } }[];
  slots: { id: string; roundId: string; staffId: string; startsAt: Date; endsAt: Date; availability: { location: string | null } }[];
  bookings: {
    id: string; roundId: string; pupilId: string; staffId: string; householdKey: string; startsAt: Date; endsAt: Date; interpreterLanguage: string | null; childcare: boolean;
    bookedBy: { user: { name: string } }; staff: { user: { name: string } }; guardians: { guardianId: string; guardian: { user: { name: string } } }[];
    claims: { slot: { availability: { location: string | null } } }[];
  }[];
};

function view(b: Loaded["bookings"][number], guardianId: string): BookingView {
  return {
    id: b.id, startsAt: b.startsAt, endsAt: b.endsAt, interpreterLanguage: b.interpreterLanguage, childcare: b.childcare,
    location: b.claims[0]?.slot.availability.location ?? null, bookedBy: b.bookedBy.user.name, hostName: b.staff.user.name,
    attending: b.guardians.map((g) => g.guardian.user.name), attendingMe: b.guardians.some((g) => g.guardianId === guardianId),
  };
}

function eveningsOf(free: Loaded["slots"]): Evening[] {
  const byDay = new Map<string, FreeSlot[]>();
  for (const s of free) {
    const day = eveningOf(s.startsAt);
    const list = byDay.get(day) ?? [];
    list.push({ id: s.id, startsAt: s.startsAt, endsAt: s.endsAt, location: s.availability.location, nextFree: free.some((n) => n.startsAt.getTime() === s.endsAt.getTime()) });
    byDay.set(day, list);
  }
  return [...byDay].map(([day, slots]) => ({ day, slots }));
}

export function shapeRounds(children: Loaded["children"], slots: Loaded["slots"], bookings: Loaded["bookings"], guardianId: string, now: Date): RoundView[] {
  const rounds = new Map<string, RoundView>();
  for (const child of children) {
    for (const { round } of child.classGroup.conferenceRounds) {
      const entry = rounds.get(round.id) ?? {
        id: round.id, title: round.title, slotMinutes: round.slotMinutes, bookingClosesAt: round.bookingClosesAt, parentMode: round.parentMode,
        open: windowOpen(round, now), children: [], suggestion: null,
      };
      rounds.set(round.id, entry);
      const key = householdKey(round.parentMode, { household: child.guardianLinks[0]?.household ?? null }, guardianId);
      const mentors = child.classGroup.mentorships.map((m) => ({ staffId: m.staffId, name: m.staff.user.name, isMentor: true }));
      const extra = round.hosts.filter((h) => !mentors.some((m) => m.staffId === h.staffId)).map((h) => ({ staffId: h.staffId, name: h.staff.user.name, isMentor: false }));
      const hosts = [...mentors, ...extra].map((h): HostOffer => {
        const live = bookings.filter((b) => b.roundId === round.id && b.pupilId === child.id && b.staffId === h.staffId);
        const own = live.find((b) => b.householdKey === key && b.guardians.some((g) => g.guardianId === guardianId)) ?? null;
        // SHARED: the other parent's booking, to join. SEPARATE: another household's booking is theirs alone.
        const shared = !own && round.parentMode === "SHARED" ? live.find((b) => b.householdKey === key) ?? null : null;
        return {
          ...h,
          evenings: eveningsOf(slots.filter((s) => s.roundId === round.id && s.staffId === h.staffId)),
          booking: own ? view(own, guardianId) : null,
          sharedBooking: shared ? view(shared, guardianId) : null,
        };
      });
      entry.children.push({ pupilId: child.id, firstName: child.firstName, lastName: child.lastName, className: child.classGroup.name, hosts });
    }
  }
  for (const round of rounds.values()) round.suggestion = siblingSuggestion(round);
  return [...rounds.values()];
}

/** Two children without a conversation yet with their first host: the earliest back-to-back pair. */
function siblingSuggestion(round: RoundView): RoundView["suggestion"] {
  const open = round.children.map((c) => ({ child: c, host: c.hosts[0] })).filter((x) => x.host && !x.host.booking && !x.host.sharedBooking);
  for (let i = 0; i < open.length; i++) {
    for (let j = i + 1; j < open.length; j++) {
      const a = open[i], b = open[j];
      const pair = backToBack(a.host.evenings.flatMap((e) => e.slots), b.host.evenings.flatMap((e) => e.slots));
      if (pair) {
        const [first, second] = pair.first.startsAt < pair.second.startsAt
          ? [{ pupil: a.child.firstName, host: a.host.name, slot: pair.first }, { pupil: b.child.firstName, host: b.host.name, slot: pair.second }]
          : [{ pupil: b.child.firstName, host: b.host.name, slot: pair.second }, { pupil: a.child.firstName, host: a.host.name, slot: pair.first }];
        return { first, second };
      }
    }
  }
  return null;
}
