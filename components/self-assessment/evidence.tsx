import { getFormatter, getTranslations } from "next-intl/server";
import type { ReachEvidence } from "@/lib/domain/self-assessment/evidence";
import { EVIDENCE_OF, type Domain } from "@/lib/domain/self-assessment/model";

/** The reach figures that evidence one domain (model.ts EVIDENCE_OF), as a short list; null when none do. */
export async function DomainEvidence({ domain, evidence }: { domain: Domain; evidence: ReachEvidence }) {
  const figures = EVIDENCE_OF[domain];
  if (!figures.length) return null;
  const [t, format] = await Promise.all([getTranslations("selfAssessment.evidence"), getFormatter()]);
  const pct = (share: number | null) => (share === null ? null : format.number(share, { style: "percent", maximumFractionDigits: 0 }));
  const line = (figure: (typeof figures)[number]) => {
    switch (figure) {
      case "contactWithinThreshold": {
        const share = pct(evidence.contactWithinThreshold.share);
        return share === null ? t("noData") : t("contactWithinThreshold", {
          share, weeks: evidence.thresholdWeeks, count: evidence.contactWithinThreshold.count, total: evidence.families,
        });
      }
      case "neverReached":
        return evidence.families ? t("neverReached", { count: evidence.neverReached, total: evidence.families }) : t("noData");
      case "positiveShare": {
        const share = pct(evidence.positiveShare.share);
        return share === null ? t("noData") : t("positiveShare", { share, count: evidence.positiveShare.positive, total: evidence.positiveShare.total });
      }
      case "conferenceAttendance": {
        const c = evidence.conferenceAttendance;
        if (!c) return t("notInUse");
        const share = pct(c.share);
        return share === null ? t("noData") : t("conferenceAttendance", { share, count: c.came, total: c.marked });
      }
    }
  };
  return (
    <div className="rounded-lg bg-slate-50 p-3">
      <h3 className="font-semibold">{t("heading")}</h3>
      <p className="text-sm text-slate-600">{t("intro", { year: evidence.schoolYear })}</p>
      <ul className="mt-1 list-disc space-y-1 ps-5">
        {figures.map((f) => <li key={f}>{line(f)}</li>)}
      </ul>
    </div>
  );
}
