import { defineConfig } from "drizzle-kit";

// Migrations are generated from db/schema and committed; the app applies them at start
// (instrumentation.ts) and `npm run db:migrate` applies them by hand, on PGlite or PostgreSQL alike.
export default defineConfig({
  dialect: "postgresql",
  schema: "./db/schema/index.ts",
  out: "./db/migrations",
  casing: "snake_case",
});
