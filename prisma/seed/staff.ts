import { newId } from "./ids";
import type { StaffInfo } from "./model";
import { asciiWord, personName, pickSex, type Origin } from "./names";
import type { Rng, Weighted } from "./random";

// Mentors and school leaders. E-mail addresses follow the usual school
// pattern "j.devries@<school>.demo.test".

const STAFF_ORIGINS: Weighted<Origin> = [["dutch", 88], ["moroccan", 4], ["turkish", 4], ["polish", 2], ["ukrainian", 2]];

const CONTACT_HOURS = [
  "Di en do 8.00–8.20 uur telefonisch; mail kan altijd, antwoord binnen 2 schooldagen",
  "Ma, wo en vr in de grote pauze (10.15–10.35 uur) in lokaal {room}; bellen kan na 15.30 uur",
  "Bereikbaar via de schoolapp; bellen op woensdag tussen 12.30 en 13.00 uur",
  "Maandag 8.00–8.30 uur spreekuur in lokaal {room}; mail wordt binnen 2 schooldagen beantwoord",
  "Do 15.30–16.30 uur telefonisch spreekuur; mail kan altijd",
  "Bel of app op di en vr tussen 8.00 en 8.20 uur; op woensdag ben ik vrij",
  "Mail kan altijd, antwoord binnen 2 schooldagen; bel voor iets dringends de receptie, dan bel ik terug",
];

export function mobileNumber(rng: Rng): string {
  return `06-${String(rng.int(10_000_000, 99_999_999))}`;
}

export function contactHoursText(rng: Rng): string {
  return rng.pick(CONTACT_HOURS).replace("{room}", `${rng.pick(["A", "B", "C"])}${rng.int(1, 3)}.${rng.int(1, 19)}`);
}

export class StaffFactory {
  private readonly emails = new Set<string>();

  constructor(
    private readonly rng: Rng,
    private readonly domain: string,
  ) {}

  email(first: string, last: string): string {
    const base = `${asciiWord(first).charAt(0)}.${asciiWord(last)}`;
    let email = `${base}@${this.domain}`;
    for (let n = 2; this.emails.has(email); n++) email = `${base}${n}@${this.domain}`;
    this.emails.add(email);
    return email;
  }

  create(isLeader: boolean): StaffInfo {
    const rng = this.rng;
    const name = personName(rng, rng.weighted(STAFF_ORIGINS), pickSex(rng), true);
    // Most mentors publish when they can be reached; some never get round to it.
    const contactHours = isLeader || rng.chance(0.85) ? contactHoursText(rng) : null;
    return {
      id: newId(),
      userId: newId(),
      name,
      email: this.email(name.firstName, name.lastName),
      phone: isLeader || rng.chance(0.8) ? mobileNumber(rng) : null,
      contactHours,
      isLeader,
    };
  }
}
