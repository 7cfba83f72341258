// Intentionally empty: stands in for the server-only guard outside Next.js.
