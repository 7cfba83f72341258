// Tags of the cached public school data. Publishing indicators or the parent
// policy revalidates them, so a published change shows within seconds.
export const PUBLIC_SCHOOLS_TAG = "public-schools";
export const publicSchoolTag = (schoolId: string) => `public-school:${schoolId}`;
/** Upper bound for staleness even if a revalidation is missed. */
export const PUBLIC_REVALIDATE_SECONDS = 60;
