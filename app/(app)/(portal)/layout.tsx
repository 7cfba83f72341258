import { getActor } from "@/lib/auth/session";
import { HOME_ROUTE } from "@/lib/auth/permissions";
import { SiteHeader } from "@/components/layout/site-header";

// Access is decided by each page (requirePermission) and each query, not here:
// a layout is not a security boundary.
export default async function PortalLayout({ children }: { children: React.ReactNode }) {
  const actor = await getActor();
  return (
    <>
      <SiteHeader user={actor ? { name: actor.name, role: actor.role, membershipId: actor.membershipId, memberships: actor.memberships } : null} homeHref={actor ? HOME_ROUTE[actor.role] : "/"} />
      <main id="main" className="mx-auto max-w-5xl px-4 py-6">
        {children}
      </main>
    </>
  );
}
