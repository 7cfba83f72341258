import { fakerNL } from "@faker-js/faker";
import type { Rng, Weighted } from "./random";

// Dutch names come from fakerNL's locale data; a few families of Turkish,
// Moroccan, Polish and Ukrainian descent make the classes look like real
// Dutch classes. Names are drawn with the seeded Rng, not faker's own
// generator, so the data only depends on our seed.

export type Origin = "dutch" | "turkish" | "moroccan" | "polish" | "ukrainian";
export type Sex = "female" | "male";
export type PersonName = { firstName: string; lastName: string };

const person = fakerNL.rawDefinitions.person;
const fakerFirst = person?.first_name;
const fakerLast = person?.last_name;
if (!fakerFirst?.female || !fakerFirst.male || !fakerLast?.generic) {
  throw new Error("fakerNL no longer ships Dutch first and last names");
}

// fakerNL has no tussenvoegsels, yet "de Vries" and "van den Berg" are among
// the most common Dutch surnames.
const PREFIXED = [
  "de Vries", "van den Berg", "van Dijk", "de Jong", "de Boer", "van der Meer", "van Leeuwen", "de Graaf",
  "van der Linden", "van den Heuvel", "de Wit", "van Beek", "de Groot", "van der Veen", "van Wijk", "de Bruijn",
  "van Vliet", "ter Horst", "van der Wal", "de Haan", "van Dam", "de Lange", "van Loon", "van Rijn", "van Es",
];

// Parents and teachers were born decades before the children on faker's list.
const OLDER_DUTCH: Record<Sex, readonly string[]> = {
  female: ["Linda", "Sanne", "Marieke", "Esther", "Sandra", "Kim", "Anouk", "Mirjam", "Petra", "Ingrid", "Manon",
    "Chantal", "Femke", "Saskia", "Judith", "Renate", "Wendy", "Yvonne", "Ilse", "Ellen", "Karin", "Monique", "Nicole"],
  male: ["Mark", "Jeroen", "Dennis", "Martijn", "Bas", "Erik", "Sander", "Rob", "Michiel", "Patrick", "Richard", "Paul",
    "Arjen", "Ruud", "Marco", "Edwin", "Wouter", "Jasper", "Niels", "Remco", "Vincent", "Frank", "Bart", "Maarten"],
};

type Pool = { female: readonly string[]; male: readonly string[]; last: readonly string[] };

const POOLS: Record<Exclude<Origin, "dutch">, Pool> = {
  turkish: {
    female: ["Elif", "Zeynep", "Ecrin", "Defne", "Ayşe", "Esra", "Büşra", "Merve", "Hatice", "Emine", "Selin", "Derya"],
    male: ["Emir", "Yusuf", "Mehmet", "Mustafa", "Ahmet", "Kerem", "Burak", "Emre", "Can", "Murat", "Hakan", "Ömer"],
    last: ["Yılmaz", "Kaya", "Demir", "Şahin", "Çelik", "Yıldız", "Öztürk", "Aydın", "Özdemir", "Arslan", "Doğan", "Koç"],
  },
  moroccan: {
    female: ["Fatima", "Khadija", "Salma", "Nora", "Yasmina", "Soumaya", "Imane", "Hafsa", "Malak", "Aya", "Meryem", "Naima"],
    male: ["Mohamed", "Youssef", "Ayoub", "Bilal", "Hamza", "Adam", "Zakaria", "Mehdi", "Rachid", "Karim", "Said", "Ilias"],
    last: ["El Amrani", "Bouzid", "El Idrissi", "Benali", "Azzouzi", "El Khatib", "Bakkali", "Haddou", "Ouali", "Tahiri",
      "Ziani", "El Yousfi", "Boukhari", "Chaouch"],
  },
  polish: {
    female: ["Zuzanna", "Julia", "Maja", "Hanna", "Anna", "Katarzyna", "Agnieszka", "Magdalena", "Joanna", "Natalia"],
    male: ["Jakub", "Antoni", "Szymon", "Filip", "Kacper", "Piotr", "Tomasz", "Paweł", "Marcin", "Krzysztof"],
    last: ["Nowak", "Kowalski", "Wiśniewski", "Wójcik", "Kamiński", "Lewandowski", "Zieliński", "Woźniak", "Mazur", "Krawczyk"],
  },
  ukrainian: {
    female: ["Sofiia", "Anastasiia", "Mariia", "Daryna", "Oleksandra", "Viktoriia", "Olena", "Iryna", "Tetiana", "Kateryna"],
    male: ["Maksym", "Artem", "Oleksandr", "Dmytro", "Andrii", "Bohdan", "Mykola", "Serhii", "Volodymyr", "Ivan"],
    last: ["Shevchenko", "Kovalenko", "Bondarenko", "Tkachenko", "Kravchenko", "Melnyk", "Oliinyk", "Koval", "Boiko", "Moroz"],
  },
};

export const FAMILY_ORIGINS: Weighted<Origin> = [
  ["dutch", 78],
  ["moroccan", 7],
  ["turkish", 6],
  ["polish", 5],
  ["ukrainian", 4],
];

export function pickSex(rng: Rng): Sex {
  return rng.chance(0.5) ? "female" : "male";
}

export function firstName(rng: Rng, origin: Origin, sex: Sex, adult: boolean): string {
  if (origin !== "dutch") return rng.pick(POOLS[origin][sex]);
  if (adult && rng.chance(0.6)) return rng.pick(OLDER_DUTCH[sex]);
  return rng.pick(sex === "female" ? fakerFirst!.female! : fakerFirst!.male!);
}

/** A family name as a man would carry it; see `forSex` for Polish women. */
export function lastName(rng: Rng, origin: Origin): string {
  if (origin !== "dutch") return rng.pick(POOLS[origin].last);
  return rng.chance(0.3) ? rng.pick(PREFIXED) : rng.pick(fakerLast!.generic!);
}

/** Polish surnames in -ski/-cki take -ska/-cka for women and girls. */
export function forSex(surname: string, sex: Sex): string {
  if (sex === "male") return surname;
  return surname.replace(/ski$/, "ska").replace(/cki$/, "cka");
}

export function personName(rng: Rng, origin: Origin, sex: Sex, adult: boolean): PersonName {
  return { firstName: firstName(rng, origin, sex, adult), lastName: forSex(lastName(rng, origin), sex) };
}

export function fullName(name: PersonName): string {
  return `${name.firstName} ${name.lastName}`;
}

/** ASCII-only lower-case words joined by `separator`, for slugs and e-mail addresses. */
export function asciiWord(text: string, separator = ""): string {
  return text
    .replace(/ı/g, "i")
    .replace(/[łŁ]/g, "l")
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter(Boolean)
    .join(separator);
}

export function slugify(text: string): string {
  return asciiWord(text, "-");
}
