// One "server process" for tests/integration/sign-in-throttle.test.ts: signs
// in through lib/auth/sign-in.ts against the test database and prints one
// JSON line per attempt (the outcome's reason, never a password).
//   node --require ./scripts/server-only-preload.cjs --import tsx tests/support/sign-in-child.ts <email> <password> <attempts> <address>
import { attemptSignIn } from "@/lib/auth/sign-in";
import { disconnectDb } from "@/lib/db/client";

const [email, password, count, address] = process.argv.slice(2);

(async () => {
  // All at once, as parallel requests to one server process would be.
  const outcomes = await Promise.all(Array.from({ length: Number(count) }, () => attemptSignIn({ email, password, address })));
  for (const outcome of outcomes) process.stdout.write(`${JSON.stringify({ ok: outcome.ok, reason: outcome.ok ? null : outcome.reason })}\n`);
  await disconnectDb();
})().catch((error: unknown) => {
  process.stderr.write(`child failed: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
