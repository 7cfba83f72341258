import { routesFrom, SYSTEM_NODES, type SystemNode, type SystemPlace } from "@/lib/domain/school-system/model";
import type { fastTranslations } from "@/lib/i18n/fast-messages";

type SchoolSystemT = Awaited<ReturnType<typeof fastTranslations<"schoolSystem">>>;

type Props = {
  place: SystemPlace;
  firstName: string;
  locale: string;
  t: SchoolSystemT;
};

/** The text alternative of the diagram: every school type in order, where it leads, and where the child is. */
export function SystemRoutes({ place, firstName, locale, t }: Props) {
  const or = new Intl.ListFormat(locale, { type: "disjunction" });
  const names = (nodes: SystemNode[]) => or.format(nodes.map((n) => t(`node.${n}.short`)));
  const next = new Set(place.next.map((n) => n.node));
  return (
    <ol className="mt-3 space-y-3" data-testid="system-routes">
      {SYSTEM_NODES.map((node) => {
        const routes = routesFrom(node);
        const main = routes.filter((r) => r.kind === "main").map((r) => r.node);
        const switches = routes.filter((r) => r.kind === "switch").map((r) => r.node);
        const here = place.node === node;
        return (
          <li
            key={node} data-node={node} data-here={here || undefined} data-next={next.has(node) || undefined}
            className={`rounded-xl border bg-white p-3 ${here ? "border-4 border-brand-900 bg-brand-50" : next.has(node) ? "border-2 border-dashed border-brand-700" : "border-slate-200"}`}
          >
            <p className="font-semibold">{t(`node.${node}.name`)}</p>
            {here && place.years !== null ? (
              <p className="mt-1 font-bold text-brand-900">
                <span aria-hidden="true">★ </span>{t("hereBadge", { name: firstName, year: place.year, years: place.years })}
              </p>
            ) : null}
            {next.has(node) && !here ? <p className="mt-1 font-semibold text-brand-700">{t("nextBadge", { name: firstName })}</p> : null}
            <p className="mt-1 text-slate-700">{t(`node.${node}.about`)}</p>
            {node === "MBO_1" ? <p className="mt-1 text-slate-700">{t("mbo1From")}</p> : null}
            {main.length ? <p className="mt-1">{t("leadsTo", { list: names(main) })}</p> : null}
            {switches.length ? <p className="mt-1">{t("switchTo", { list: names(switches) })}</p> : null}
            {!routes.length ? <p className="mt-1">{t("highest")}</p> : null}
          </li>
        );
      })}
    </ol>
  );
}
