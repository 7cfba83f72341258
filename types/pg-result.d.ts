// pg ships no types for its internal Result class; prisma.config.ts patches it.
declare module "pg/lib/result.js" {
  const Result: unknown;
  export default Result;
}
