import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { NotFoundPage } from "@/components/layout/not-found-page";

// A real page title for the 404 page (issue 18), inside the layout's "… · Schoolkompas" template.
export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("errors"))("notFoundTitle") };
}

export default NotFoundPage;
