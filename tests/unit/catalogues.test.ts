import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { parse, TYPE, type MessageFormatElement } from "@formatjs/icu-messageformat-parser";
import { LOCALES } from "@/lib/i18n/config";
import { CATALOGUE_AREAS } from "@/lib/i18n/catalogue";

const dir = path.resolve(__dirname, "../../lib/i18n/messages");
type Tree = { [key: string]: string | Tree };
const read = (file: string): Tree => JSON.parse(readFileSync(file, "utf8"));
/** Base catalogue plus every area file; an area may not redefine a namespace. */
function load(locale: string): Tree {
  const tree = read(path.join(dir, `${locale}.json`));
  for (const area of CATALOGUE_AREAS) {
    for (const [namespace, value] of Object.entries(read(path.join(dir, area, `${locale}.json`)))) {
      if (namespace in tree) throw new Error(`${area}/${locale}.json redefines namespace ${namespace}`);
      tree[namespace] = value;
    }
  }
  return tree;
}

function flatten(tree: Tree, prefix = ""): Map<string, string> {
  const out = new Map<string, string>();
  for (const [key, value] of Object.entries(tree)) {
    const full = prefix ? `${prefix}.${key}` : key;
    if (typeof value === "string") out.set(full, value);
    else for (const [k, v] of flatten(value, full)) out.set(k, v);
  }
  return out;
}

/** The argument names a message uses (also inside plural branches); throws on invalid ICU syntax. */
function placeholders(text: string): string[] {
  const names = new Set<string>();
  const walk = (elements: MessageFormatElement[]) => {
    for (const element of elements) {
      if ("value" in element && typeof element.value === "string" && element.type !== TYPE.literal) names.add(element.value);
      if ("options" in element) for (const option of Object.values(element.options)) walk(option.value);
      if ("children" in element) walk(element.children);
    }
  };
  walk(parse(text));
  return [...names].sort();
}

describe("message catalogues", () => {
  const catalogues = Object.fromEntries(LOCALES.map((l) => [l, flatten(load(l))]));

  it("exist for exactly the supported locales", () => {
    expect(readdirSync(dir).filter((f) => f.endsWith(".json")).sort()).toEqual(LOCALES.map((l) => `${l}.json`).sort());
  });

  for (const locale of LOCALES) {
    it(`${locale} has every key the others have, and nothing empty`, () => {
      const keys = new Set(LOCALES.flatMap((l) => [...catalogues[l].keys()]));
      const missing = [...keys].filter((k) => !catalogues[locale].has(k));
      expect(missing).toEqual([]);
      const empty = [...catalogues[locale]].filter(([, v]) => !v.trim()).map(([k]) => k);
      expect(empty).toEqual([]);
    });

    it(`${locale} is valid ICU and uses the same placeholders as Dutch`, () => {
      const wrong = [...catalogues.nl].filter(([k, v]) => catalogues[locale].has(k) && placeholders(v).join() !== placeholders(catalogues[locale].get(k)!).join());
      expect(wrong.map(([k]) => k)).toEqual([]);
    });
  }
});
