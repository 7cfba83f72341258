import { getLocale } from "next-intl/server";
import { getActor } from "@/lib/auth/session";
import { fastTranslations } from "@/lib/i18n/fast-messages";
import { calendarEvents } from "@/lib/domain/events/queries";
import { calendarFileName, eventsCalendar } from "@/lib/domain/events/ics";
import { isNotFound } from "@/lib/http/responses";
import { AppError } from "@/lib/errors";

export const dynamic = "force-dynamic";

// Calendar files (.ics) of the school's events for a guardian: ?pupil=<id>
// for one child's upcoming events, plus &event=<id> for one of them, nothing
// for all children. A child they may not see: 404 and an audit row (the data
// layer). Never cached, no cookie set.
const PRIVATE = { "Cache-Control": "private, no-store" };
const ID = /^[A-Za-z0-9_-]{1,64}$/;

function notFound(): Response {
  return new Response("Not found", { status: 404, headers: { ...PRIVATE, "Content-Type": "text/plain; charset=utf-8" } });
}

export async function GET(request: Request) {
  const actor = await getActor();
  if (!actor) return notFound();
  const url = new URL(request.url);
  const pupilId = url.searchParams.get("pupil") ?? undefined;
  const eventId = url.searchParams.get("event") ?? undefined;
  if ((pupilId !== undefined && !ID.test(pupilId)) || (eventId !== undefined && !ID.test(eventId))) return notFound();
  let result: Awaited<ReturnType<typeof calendarEvents>>;
  try {
    result = await calendarEvents(actor, { pupilId, eventId });
  } catch (error) {
    if (isNotFound(error) || error instanceof AppError) return notFound();
    throw error;
  }
  const t = await fastTranslations(await getLocale(), "events");
  const name = pupilId ? t("calendarNameChild", { name: result.pupils[0]?.firstName ?? "" }) : t("calendarNameAll");
  const file = eventId ? calendarFileName(result.events[0]?.title ?? "event") : calendarFileName(pupilId ? `schoolkompas-${result.pupils[0]?.firstName ?? ""}` : "schoolkompas");
  return new Response(eventsCalendar(name, result.events), {
    headers: {
      ...PRIVATE,
      "Content-Type": "text/calendar; charset=utf-8",
      "Content-Disposition": `attachment; filename="${file}"`,
    },
  });
}
