import { describe, expect, it } from "vitest";
import { smtpError, smtpUrlWithTimeouts } from "@/lib/notifications/transports/email";

describe("SMTP failures as reasons", () => {
  it("names refused connections and timeouts as temporary, 4xx as temporary and 5xx as permanent, never the server's text", () => {
    const reason = (e: unknown) => { const d = smtpError(e); return [d.message, d.permanent]; };
    expect(reason({ code: "ECONNECTION", message: "connect ECONNREFUSED 127.0.0.1:25" })).toEqual(["smtp-unreachable", false]);
    expect(reason({ code: "ETIMEDOUT" })).toEqual(["smtp-timeout", false]);
    expect(reason({ code: "EENVELOPE", responseCode: 451, message: "451 try again later for ouder@example.test" })).toEqual(["smtp-temporary 451", false]);
    expect(reason({ code: "EENVELOPE", responseCode: 550, message: "550 no such user ouder@example.test" })).toEqual(["smtp-rejected 550", true]);
    expect(reason(new Error("something else"))).toEqual(["smtp-error", false]);
    expect(reason(null)).toEqual(["smtp-error", false]);
  });

  it("puts the time limits in the connection URL unless the URL sets them", () => {
    const url = new URL(smtpUrlWithTimeouts("smtp://mail.example:587/?socketTimeout=5000", {} as NodeJS.ProcessEnv));
    expect(url.searchParams.get("socketTimeout")).toBe("5000");
    expect(url.searchParams.get("greetingTimeout")).toBe("20000");
    expect(new URL(smtpUrlWithTimeouts("smtp://mail.example", { SMTP_TIMEOUT_SECONDS: "5" } as unknown as NodeJS.ProcessEnv)).searchParams.get("connectionTimeout")).toBe("5000");
  });
});
