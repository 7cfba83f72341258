import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { parseInline, parseSchoolText } from "@/lib/domain/agreement/format";
import { FormattedText } from "@/components/agreement/formatted-text";

const html = (text: string) => renderToStaticMarkup(createElement(FormattedText, { text, lang: "nl" }));

describe("the school text's formatting subset", () => {
  it("reads headings, lists, numbered lists, paragraphs with line breaks, and bold", () => {
    expect(parseSchoolText("# Kop\n## Onderkop\n\nEen **vette** regel\nen nog een\n\n- a\n* b\n1. c\n2) d\nslot")).toEqual([
      { type: "heading", level: 1, content: [{ text: "Kop", bold: false }] },
      { type: "heading", level: 2, content: [{ text: "Onderkop", bold: false }] },
      { type: "paragraph", lines: [[{ text: "Een ", bold: false }, { text: "vette", bold: true }, { text: " regel", bold: false }], [{ text: "en nog een", bold: false }]] },
      { type: "list", ordered: false, items: [[{ text: "a", bold: false }], [{ text: "b", bold: false }]] },
      { type: "list", ordered: true, items: [[{ text: "c", bold: false }], [{ text: "d", bold: false }]] },
      { type: "paragraph", lines: [[{ text: "slot", bold: false }]] },
    ]);
  });

  it("keeps a lone or empty ** as typed, and ### or #kop as text", () => {
    expect(parseInline("5 ** 2")).toEqual([{ text: "5 ** 2", bold: false }]);
    expect(parseInline("a **** b")).toEqual([{ text: "a **** b", bold: false }]);
    expect(parseSchoolText("### drie\n#kop")).toEqual([{ type: "paragraph", lines: [[{ text: "### drie", bold: false }], [{ text: "#kop", bold: false }]] }]);
  });

  it("renders to elements and text only: markup in the text is escaped, never HTML", () => {
    const out = html("# <script>alert(1)</script>\n\n**<img src=x onerror=alert(1)>** <a href=\"javascript:alert(1)\">x</a>\n\n- <iframe>");
    expect(out).not.toMatch(/<script|<img|<a |<iframe|javascript:[^&]*"/);
    expect(out).toContain("&lt;script&gt;alert(1)&lt;/script&gt;");
    expect(out).toContain("<strong>&lt;img src=x onerror=alert(1)&gt;</strong>");
    expect(out).toContain("<h3");
    expect(out).toContain("<li><span>&lt;iframe&gt;</span></li>");
    expect(out.startsWith('<div lang="nl" dir="auto"')).toBe(true);
  });
});
