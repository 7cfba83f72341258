import { defineConfig, globalIgnores } from "eslint/config";
import nextVitals from "eslint-config-next/core-web-vitals";
import nextTs from "eslint-config-next/typescript";

// Physical-direction Tailwind utilities break right-to-left layouts (Arabic):
// use the logical ones (ms-, me-, ps-, pe-, start-, end-, text-start, text-end).
const physicalDirection =
  "/(^|\\s|:)-?(ml|mr|pl|pr|left|right|rounded-l|rounded-r|border-l|border-r|text-left|text-right)(-|\\s|$)/";

// The data boundary (docs/decisions/0018). Paths are resolved (eslint-plugin-import
// with the TypeScript resolver eslint-config-next sets up), so "@/lib/db/client",
// "../../lib/db/client" and "../lib/../../lib/db/client" are the same import.
const UI = ["./app", "./components"];
// Code that is neither data layer nor tooling: no database client either.
const NO_DATA = [...UI, "./lib/http", "./lib/i18n", "./lib/forms", "./lib/cache", "./lib/errors.ts", "./proxy.ts"];
// Every module that is not the authorization layer, a test or a script: none of
// these may import lib/auth/actor.ts (loadActor turns any user id into an actor).
const NOT_AUTH = ["./app/**", "./components/**", "./lib/!(auth)/**", "./proxy.ts", "./prisma/**", "./next.config.ts"];
export const boundaryZones = [
  { target: NO_DATA, from: "./lib/db", message: "Pages and components read data through lib/domain (an Actor first), never the database client." },
  {
    target: UI, from: "./lib/generated/prisma", except: ["./enums.ts"],
    message: "Pages and components read data through lib/domain, never Prisma's client or models (enum types only: import type from lib/generated/prisma/enums).",
  },
  { target: NOT_AUTH, from: "./lib/auth/actor.ts", message: "Only the authorization layer (lib/auth) loads actors; take the Actor from requirePermission()/getActor() and import its type from lib/auth/types." },
];
// An Actor is made by loadActor only: no cast may turn an object into one (tests use actorOf).
const actorCasts = [
  { selector: "TSAsExpression > TSTypeReference[typeName.name='Actor']", message: "Do not cast to Actor: only loadActor (lib/auth/actor.ts) makes one (decision 0018)." },
  { selector: "TSTypeAssertion > TSTypeReference[typeName.name='Actor']", message: "Do not cast to Actor: only loadActor (lib/auth/actor.ts) makes one (decision 0018)." },
];

export default defineConfig([
  ...nextVitals,
  ...nextTs,
  globalIgnores([".next/**", ".cache/**", ".next-bench/**", "lib/generated/**", "node_modules/**", ".data/**", "next-env.d.ts", "test-results*/**", ".next-*/**", "playwright-report/**"]),
  {
    files: ["**/*.ts", "**/*.tsx"],
    rules: {
      "no-restricted-syntax": ["error", ...actorCasts],
      "import/no-restricted-paths": ["error", { zones: boundaryZones }],
    },
  },
  {
    files: ["app/**/*.ts", "app/**/*.tsx", "components/**/*.ts", "components/**/*.tsx"],
    rules: {
      // Prisma's enums as types only (erased at build): their values come from lib/domain (e.g. DENOMINATIONS).
      "@typescript-eslint/no-restricted-imports": ["error", {
        patterns: [{ group: ["**/lib/generated/**", "@/lib/generated/**"], allowTypeImports: true, message: "Import Prisma's enums as types only (import type); values come from lib/domain." }],
      }],
    },
  },
  {
    files: ["app/**/*.tsx", "components/**/*.tsx"],
    rules: {
      "no-restricted-syntax": [
        "error",
        ...actorCasts,
        {
          selector: `JSXAttribute[name.name='className'] Literal[value=${physicalDirection}]`,
          message: "Use logical Tailwind properties (ms-/me-/ps-/pe-/start-/end-/text-start) so right-to-left works.",
        },
        {
          selector: `JSXAttribute[name.name='className'] TemplateElement[value.raw=${physicalDirection}]`,
          message: "Use logical Tailwind properties (ms-/me-/ps-/pe-/start-/end-/text-start) so right-to-left works.",
        },
        {
          selector: "JSXText[value=/[A-Za-z]{2,}/]",
          message: "UI text goes through the message catalogues (next-intl), not into JSX.",
        },
      ],
    },
  },
  {
    files: ["**/*.ts", "**/*.tsx"],
    rules: { "no-console": ["error", { allow: ["warn", "error"] }] },
  },
  {
    files: ["scripts/**/*.ts", "prisma/seed/**/*.ts"],
    rules: { "no-console": "off" },
  },
  {
    // CommonJS preload for the benchmark's child process.
    files: ["scripts/**/*.cjs"],
    rules: { "@typescript-eslint/no-require-imports": "off" },
  },
]);
