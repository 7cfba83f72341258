// Cutting a host's available time into conference slots (issue 16). Pure:
// the school's round settings and one availability block in, slot times out.

export type SlotSettings = {
  /** Minutes per conversation (5–60). */
  slotMinutes: number;
  /** After this many slots in a row, a break (null: no breaks). */
  breakAfterSlots: number | null;
  breakMinutes: number | null;
};

export type SlotTime = { startsAt: Date; endsAt: Date };

const MINUTE_MS = 60_000;

/**
 * The slots of one availability block: back to back from its start, a break
 * after every `breakAfterSlots` slots, and no slot that would run past the end.
 * Times are instants, so a block across a clock change is cut in real minutes.
 */
export function cutSlots(block: SlotTime, settings: SlotSettings): SlotTime[] {
  const { slotMinutes, breakAfterSlots, breakMinutes } = settings;
  if (!Number.isInteger(slotMinutes) || slotMinutes <= 0) throw new RangeError("slotMinutes must be a positive whole number");
  const slotMs = slotMinutes * MINUTE_MS;
  const breakMs = breakAfterSlots && breakMinutes ? breakMinutes * MINUTE_MS : 0;
  const end = block.endsAt.getTime();
  const slots: SlotTime[] = [];
  let start = block.startsAt.getTime();
  while (start + slotMs <= end) {
    slots.push({ startsAt: new Date(start), endsAt: new Date(start + slotMs) });
    start += slotMs;
    if (breakMs && breakAfterSlots && slots.length % breakAfterSlots === 0) start += breakMs;
  }
  return slots;
}

/**
 * Whether `second` follows `first` directly (no gap): an interpreter request
 * books two such slots, and siblings' conversations are offered back to back.
 */
export function adjacent(first: SlotTime, second: SlotTime): boolean {
  return first.endsAt.getTime() === second.startsAt.getTime();
}
