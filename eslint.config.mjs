import { defineConfig, globalIgnores } from "eslint/config";
import nextVitals from "eslint-config-next/core-web-vitals";
import nextTs from "eslint-config-next/typescript";

// Physical-direction Tailwind utilities break right-to-left layouts (Arabic):
// use the logical ones (ms-, me-, ps-, pe-, start-, end-, text-start, text-end).
const physicalDirection =
  "/(^|\\s|:)-?(ml|mr|pl|pr|left|right|rounded-l|rounded-r|border-l|border-r|text-left|text-right)(-|\\s|$)/";

export default defineConfig([
  ...nextVitals,
  ...nextTs,
  globalIgnores([".next/**", ".next-bench/**", "lib/generated/**", "node_modules/**", ".data/**", "next-env.d.ts", "test-results*/**", ".next-*/**", "playwright-report/**"]),
  {
    files: ["app/**/*.tsx", "components/**/*.tsx"],
    rules: {
      "no-restricted-syntax": [
        "error",
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
