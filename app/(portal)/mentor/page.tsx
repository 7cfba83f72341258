import { getTranslations } from "next-intl/server";
import { requirePermission } from "@/lib/auth/guard";
import { listMentorClasses } from "@/lib/domain/classes/queries";

export default async function MentorHome() {
  const actor = await requirePermission("mentor:view", "/mentor");
  const [t, classes] = await Promise.all([getTranslations("workspace"), listMentorClasses(actor)]);
  return (
    <>
      <h1 className="text-2xl font-semibold">{t("mentorTitle")}</h1>
      <p className="mt-2 text-slate-700">{t("mentorIntro")}</p>
      <p className="mt-4 font-medium">{t("mentorClasses", { classes: classes.map((c) => c.name).join(", ") })}</p>
    </>
  );
}
