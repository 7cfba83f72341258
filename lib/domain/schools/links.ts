import { MAX_COMPARED, type SchoolSearchInput } from "@/lib/domain/schools/schemas";

// The comparison selection lives in the URL (no client JavaScript, shareable):
// the search page carries it as `compare=a,b`, the compare page as `schools=a,b`.
// Slugs are [a-z0-9-], so the comma is written as is: links stay readable.

export const compareHref = (slugs: string[]) => (slugs.length ? `/compare?schools=${slugs.join(",")}` : "/compare");

export function searchHref(search: SchoolSearchInput, compare: string[] = []): string {
  const params = new URLSearchParams();
  if (search.q) params.set("q", search.q);
  if (search.type) params.set("type", search.type);
  if (search.denomination) params.set("denomination", search.denomination);
  const query = [params.toString(), compare.length ? `compare=${compare.join(",")}` : ""].filter(Boolean).join("&");
  return query ? `/?${query}` : "/";
}

/** The selection with `slug` added at the end; unchanged when full or already in it. */
export const withSchool = (selection: string[], slug: string) =>
  selection.includes(slug) || selection.length >= MAX_COMPARED ? selection : [...selection, slug];

export const withoutSchool = (selection: string[], slug: string) => selection.filter((s) => s !== slug);
