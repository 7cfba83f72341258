import "server-only";
import { db } from "@/lib/db/client";
import { assertCan } from "@/lib/auth/permissions";
import { scopeFor, visibleLinkFor } from "@/lib/auth/scope";
import { assertCanFor, denyAccess, writeAudit, writeAuditForList, type AuditContext } from "@/lib/auth/audit";

const ASK_PAGE: AuditContext = { category: "information", route: "/parent/information/[pupilId]" };
import type { Actor } from "@/lib/auth/types";
import { grantInForce, rightsMoment } from "@/lib/auth/guardian-rights";
import { LINK_FACTS_SELECT } from "@/lib/auth/guardian-rights-forms";

const RECENT_DAYS = 60;

const requestSelect = {
  id: true, categories: true, message: true, status: true, createdAt: true, decidedAt: true,
  grantedCategories: true, grantedUntil: true, refusalReason: true,
} as const;

/**
 * A guardian's page for asking about one pupil (art. 1:377c BW): the pupil,
 * the grant in force and every earlier request with its answer. Only through
 * a link that may ask; anyone else: 404 and an audit row.
 */
export async function informationRequestPage(actor: Actor, pupilId: string, now: Date = new Date()) {
  await assertCanFor(actor, "information:request", "information:view", pupilId, ASK_PAGE);
  const link = actor.guardianId
    ? await db.guardianLink.findFirst({
        where: { pupilId, ...visibleLinkFor(actor.guardianId, "ask", now) },
        select: {
          ...LINK_FACTS_SELECT,
          pupil: { select: { id: true, firstName: true, lastName: true, school: { select: { name: true } } } },
          informationRequests: { orderBy: [{ createdAt: "desc" }, { id: "asc" }], take: 20, select: requestSelect },
        },
      })
    : null;
  if (!link) return denyAccess(actor, "information:view", pupilId, ASK_PAGE);
  await writeAudit(actor, "information:view", "ALLOWED", link.pupil.id, undefined, ASK_PAGE);
  return {
    pupil: { id: link.pupil.id, firstName: link.pupil.firstName, lastName: link.pupil.lastName, school: link.pupil.school.name },
    grant: grantInForce(link, rightsMoment(now).today),
    pending: link.informationRequests.some((r) => r.status === "PENDING"),
    requests: link.informationRequests,
  };
}

export type InformationRequestPage = Awaited<ReturnType<typeof informationRequestPage>>;

/**
 * The requests of the pupils in the staff member's scope (a mentor's classes,
 * a leader's school): those waiting, and those decided in the last 60 days,
 * with the guardian, the pupil and the grant in force. One query; every pupil
 * shown is audited.
 */
export async function listInformationRequests(actor: Actor, now: Date = new Date()) {
  assertCan(actor, "information:decide");
  const since = new Date(now.getTime() - RECENT_DAYS * 86_400_000);
  const rows = await db.informationRequest.findMany({
    where: { pupil: scopeFor(actor, "pupil"), OR: [{ status: "PENDING" }, { decidedAt: { gte: since } }] },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    take: 200,
    select: {
      ...requestSelect,
      decidedBy: { select: { name: true } },
      pupil: { select: { id: true, firstName: true, lastName: true, classGroup: { select: { name: true } } } },
      link: { select: { ...LINK_FACTS_SELECT, relationship: true, guardian: { select: { user: { select: { name: true } } } } } },
    },
  });
  await writeAuditForList(actor, "information:view", [...new Set(rows.map((r) => r.pupil.id))], {
    category: "information", route: actor.role === "LEADER" ? "/leader/information-requests" : "/mentor/information-requests",
  });
  const today = rightsMoment(now).today;
  const requests = rows.map((r) => ({
    id: r.id,
    status: r.status,
    categories: r.categories,
    message: r.message,
    createdAt: r.createdAt,
    decidedAt: r.decidedAt,
    decidedBy: r.decidedBy?.name ?? null,
    grantedCategories: r.grantedCategories,
    grantedUntil: r.grantedUntil,
    refusalReason: r.refusalReason,
    pupil: { id: r.pupil.id, name: `${r.pupil.firstName} ${r.pupil.lastName}`, className: r.pupil.classGroup.name },
    guardian: { name: r.link.guardian.user.name, relationship: r.link.relationship },
    grantInForce: grantInForce(r.link, today),
  }));
  return {
    pending: requests.filter((r) => r.status === "PENDING"),
    decided: requests.filter((r) => r.status !== "PENDING").sort((a, b) => (b.decidedAt?.getTime() ?? 0) - (a.decidedAt?.getTime() ?? 0)),
  };
}

export type StaffInformationRequest = Awaited<ReturnType<typeof listInformationRequests>>["pending"][number];

/** How many requests wait for the staff member (for the link on their home page). One count query, no pupil data. */
export async function countPendingInformationRequests(actor: Actor): Promise<number> {
  assertCan(actor, "information:decide");
  return db.informationRequest.count({ where: { status: "PENDING", pupil: scopeFor(actor, "pupil") } });
}
