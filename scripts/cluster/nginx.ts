// deploy/nginx/schoolkompas.conf with its @…@ placeholders filled in: the very
// file the deployment guide ships, as `npm run cluster` runs it.
import { readFileSync } from "node:fs";
import path from "node:path";

export const NGINX_CONFIG = path.resolve(__dirname, "../../deploy/nginx/schoolkompas.conf");

export type NginxValues = {
  APP_SERVERS: string;
  SERVER_NAME: string;
  HTTP_PORT: string;
  HTTPS_PORT: string;
  CERTIFICATE: string;
  CERTIFICATE_KEY: string;
  DIAGNOSTIC_HEADERS: string;
};

/** Every placeholder replaced; one without a value is an error, not an empty string. */
export function fillNginxConfig(values: NginxValues, template = readFileSync(NGINX_CONFIG, "utf8")): string {
  // The comment block names the placeholders; only the directives are filled in.
  return template
    .split("\n")
    .map((line) =>
      line.trimStart().startsWith("#")
        ? line
        : line.replace(/@([A-Z_]+)@/g, (match, name: string) => {
            if (!(name in values)) throw new Error(`deploy/nginx/schoolkompas.conf: no value for ${match}`);
            return values[name as keyof NginxValues];
          }),
    )
    .join("\n");
}
