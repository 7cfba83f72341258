import { describe, expect, it } from "vitest";
import { fillNginxConfig } from "@/scripts/cluster/nginx";
import { hiddenInputs } from "@/scripts/cluster/http";

// The shipped nginx file (deploy/nginx/schoolkompas.conf) as `npm run cluster` fills it in,
// and the form reading the cluster check relies on (docs/decisions/0043).
const values = {
  APP_SERVERS: "server 10.0.0.1:3000 max_fails=1 fail_timeout=5s;\n    server 10.0.0.2:3000 max_fails=1 fail_timeout=5s;",
  SERVER_NAME: "ouders.bestuur.nl",
  HTTP_PORT: "80",
  HTTPS_PORT: "443",
  CERTIFICATE: "/etc/ssl/ouders.pem",
  CERTIFICATE_KEY: "/etc/ssl/private/ouders.key",
  DIAGNOSTIC_HEADERS: "",
};

describe("deploy/nginx/schoolkompas.conf", () => {
  const config = fillNginxConfig(values);
  const directives = config.split("\n").filter((l) => !l.trimStart().startsWith("#")).join("\n");

  it("fills in every placeholder outside comments", () => {
    expect(directives).not.toMatch(/@[A-Z_]+@/);
    expect(directives).toContain("server 10.0.0.2:3000 max_fails=1 fail_timeout=5s;");
    expect(directives).toContain("ssl_certificate     /etc/ssl/ouders.pem;");
    expect(directives).toContain("return 308 https://$host:443$request_uri;");
  });

  it("retries only idempotent requests, forwards the client and a request id", () => {
    expect(directives).toMatch(/proxy_next_upstream error timeout http_502 http_503;/);
    expect(directives).not.toMatch(/non_idempotent/);
    for (const header of ["X-Request-Id $request_id", "X-Forwarded-For $proxy_add_x_forwarded_for", "X-Forwarded-Proto $scheme", "Host $http_host"]) {
      expect(directives).toContain(`proxy_set_header ${header};`);
    }
  });

  it("refuses a placeholder without a value", () => {
    const missing: Partial<typeof values> = { ...values };
    delete missing.DIAGNOSTIC_HEADERS;
    expect(() => fillNginxConfig(missing as typeof values)).toThrow(/@DIAGNOSTIC_HEADERS@/);
  });
});

describe("reading a server-action form as a browser without JavaScript submits it", () => {
  const html = `<form action="" method="POST"><input type="hidden" name="$ACTION_REF_1"/><input type="hidden" name="$ACTION_1:0" value="{&quot;id&quot;:&quot;7f&quot;,&quot;bound&quot;:&quot;$@1&quot;}"/><input type="hidden" name="schoolYearId" value="y1"/><button>Publiceren</button></form>
<form><input type="hidden" name="schoolYearId" value="y1"/><input name="file" type="file"/></form>`;

  it("takes the hidden fields of the chosen form, entities decoded", () => {
    expect(hiddenInputs(html, "schoolYearId")).toEqual([["$ACTION_REF_1", ""], ["$ACTION_1:0", '{"id":"7f","bound":"$@1"}'], ["schoolYearId", "y1"]]);
    expect(hiddenInputs(html, (form) => form.includes('name="file"'))).toEqual([["schoolYearId", "y1"]]);
  });

  it("fails clearly when the page has no such form", () => {
    expect(() => hiddenInputs(html, "idempotencyKey")).toThrow(/no such form/);
  });
});
