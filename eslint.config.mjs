import { defineConfig, globalIgnores } from "eslint/config";
import nextVitals from "eslint-config-next/core-web-vitals";
import nextTs from "eslint-config-next/typescript";

// The edges of CONVENTIONS.md, enforced: the pure cores take plain data and return plain data,
// and route files hold no SQL.
const pureCore = {
  patterns: [
    { group: ["@/db", "@/db/*", "../../db/*", "drizzle-orm", "drizzle-orm/*", "pg", "@electric-sql/*"], message: "lib/engine and lib/stats are pure: no database." },
    { group: ["next", "next/*", "react", "server-only"], message: "lib/engine and lib/stats are pure: no framework." },
    { group: ["node:fs", "fs", "node:net", "node:http", "@/lib/services/*", "@/lib/http/*"], message: "lib/engine and lib/stats are pure: no I/O." },
  ],
};

const eslintConfig = defineConfig([
  ...nextVitals,
  ...nextTs,
  {
    rules: {
      "@typescript-eslint/no-explicit-any": "error",
      "@typescript-eslint/no-non-null-assertion": "error",
      "@typescript-eslint/consistent-type-imports": ["error", { fixStyle: "inline-type-imports" }],
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
    },
  },
  {
    files: ["lib/engine/**/*.ts", "lib/stats/**/*.ts"],
    rules: { "no-restricted-imports": ["error", pureCore] },
  },
  {
    files: ["app/**/route.ts"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            { group: ["@/db", "@/db/*", "drizzle-orm", "drizzle-orm/*"], message: "Routes parse, call a service verb and map errors: no SQL here." },
          ],
        },
      ],
    },
  },
  globalIgnores([".next/**", "out/**", "build/**", "next-env.d.ts", "db/migrations/**", ".data/**", "test-results/**", "playwright-report/**", "bench/results/**"]),
]);

export default eslintConfig;
