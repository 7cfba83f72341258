import { authRouteHandler } from "@/lib/auth/session";

export { authRouteHandler as GET, authRouteHandler as POST };
