import { describe, expect, it } from "vitest";
import { publicRewrite } from "@/lib/i18n/public-paths";

const rewrite = (address: string, locale = "nl") => {
  const target = publicRewrite(new URL(address, "http://localhost:3000"), locale);
  return target ? `${target.pathname}${target.search}` : null;
};

describe("public addresses get their language in the (internal) path", () => {
  it("keeps the search page's query, which the page reads per request", () => {
    expect(rewrite("/")).toBe("/site/nl");
    expect(rewrite("/?q=linden&compare=a,b", "ar")).toBe("/site/ar?q=linden&compare=a,b");
  });

  it("drops the query of a school profile, so every visitor shares one cache entry", () => {
    expect(rewrite("/schools/lindenhorst-college?utm=x", "en")).toBe("/site/en/schools/lindenhorst-college");
    expect(rewrite("/schools/lindenhorst-college/")).toBe("/site/nl/schools/lindenhorst-college");
  });

  it("moves the compare selection into the path, one segment per part, in the order asked", () => {
    expect(rewrite("/compare?schools=b-school,a-school")).toBe("/site/nl/compare/~b-school/~a-school");
    expect(rewrite("/compare?schools=a&schools=b,,c%20")).toBe("/site/nl/compare/~a/~b/~c");
    expect(rewrite("/compare")).toBe("/site/nl/compare");
    expect(rewrite("/compare?schools=")).toBe("/site/nl/compare");
  });

  it("encodes what a visitor typed, so it arrives as typed and cannot climb out of the path", () => {
    expect(rewrite("/compare?schools=x%25y,..%2F..%2Fparent,a%20b")).toBe("/site/nl/compare/~x%25y/~..%2F..%2Fparent/~a%20b");
    expect(rewrite("/compare?schools=..,.")).toBe("/site/nl/compare/~../~.");
  });

  it("leaves other addresses alone and hides the internal ones", () => {
    expect(rewrite("/parent")).toBeNull();
    expect(rewrite("/login?callbackUrl=/parent")).toBeNull();
    expect(rewrite("/schools")).toBeNull();
    expect(rewrite("/schools/a/b")).toBeNull();
    expect(rewrite("/site/nl/compare/a")).toBe("/_not-found");
    expect(rewrite("/site")).toBe("/_not-found");
    expect(rewrite("/sitemap")).toBeNull();
  });
});
