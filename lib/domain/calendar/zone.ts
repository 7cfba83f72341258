// Dependency-free, so client code can use it (dates.ts brings @date-fns/tz).
export const SCHOOL_TIME_ZONE = "Europe/Amsterdam";
