// For tests/integration/backup-restore.test.ts: signs in as a guardian
// through lib/auth/sign-in.ts against DATABASE_URL (a restored backup), loads
// the actor the session would carry and reads their children through the
// domain query the parent page uses. Prints one JSON line: the outcome and
// the children's ids (never names, never the password).
//   node --require ./scripts/server-only-preload.cjs --import tsx tests/support/restored-sign-in-child.ts <email> <password>
import { loadActor } from "@/lib/auth/actor";
import { attemptSignIn } from "@/lib/auth/sign-in";
import { disconnectDb } from "@/lib/db/client";
import { listChildrenOverview } from "@/lib/domain/pupils/queries";

const [email, password] = process.argv.slice(2);

(async () => {
  const outcome = await attemptSignIn({ email, password, address: "127.0.0.1" });
  if (!outcome.ok) {
    process.stdout.write(`${JSON.stringify({ ok: false, reason: outcome.reason })}\n`);
  } else {
    const actor = await loadActor(outcome.user.id, outcome.user.sessionVersion);
    const children = actor ? await listChildrenOverview(actor) : [];
    process.stdout.write(`${JSON.stringify({ ok: true, role: actor?.role ?? null, childIds: children.map((child) => child.id).sort() })}\n`);
  }
  await disconnectDb();
})().catch((error: unknown) => {
  process.stderr.write(`child failed: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
