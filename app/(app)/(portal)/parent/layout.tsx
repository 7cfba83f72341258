import { getLocale } from "next-intl/server";
import { fastTranslations } from "@/lib/i18n/fast-messages";
import { ReadAloud } from "@/components/read-aloud/read-aloud";

// Every parent page gets the read-aloud buttons (issue 18, decision 0030). The
// row keeps its height before the island knows whether the device can speak,
// so nothing below it moves.
export default async function ParentLayout({ children }: { children: React.ReactNode }) {
  const t = await fastTranslations(await getLocale(), "readAloud");
  const texts = {
    start: t("start"), pause: t("pause"), stop: t("stop"), noVoice: t("noVoice"),
    reading: t("reading"), paused: t("paused"), stopped: t("stopped"), group: t("group"),
  };
  return (
    <>
      <div className="mb-2 flex min-h-11 justify-end">
        <ReadAloud texts={texts} />
      </div>
      {children}
    </>
  );
}
