// Creates or drops a throwaway PostgreSQL database for the PostgreSQL pass of `npm test`.
//   tsx scripts/test-db.ts create [adminUrl]  → prints the new database's URL
//   tsx scripts/test-db.ts drop <url>
import { randomBytes } from "node:crypto";
import pg from "pg";

const DEFAULT_ADMIN = "postgres://postgres@127.0.0.1:5432/postgres";

async function main(): Promise<void> {
  const [command, arg] = process.argv.slice(2);
  if (command === "create") {
    const admin = new URL(arg || process.env.TEST_ADMIN_DATABASE_URL || DEFAULT_ADMIN);
    const name = `bespoke_test_${randomBytes(4).toString("hex")}`;
    const client = new pg.Client({ connectionString: admin.toString(), connectionTimeoutMillis: 3000 });
    await client.connect();
    await client.query(`create database "${name}"`);
    await client.end();
    admin.pathname = `/${name}`;
    console.log(admin.toString());
  } else if (command === "drop" && arg) {
    const url = new URL(arg);
    const name = url.pathname.slice(1);
    if (!/^bespoke_test_[0-9a-f]{8}$/.test(name)) throw new Error(`refusing to drop "${name}": not a throwaway test database`);
    url.pathname = "/postgres";
    const client = new pg.Client({ connectionString: url.toString(), connectionTimeoutMillis: 3000 });
    await client.connect();
    await client.query(`drop database if exists "${name}" with (force)`);
    await client.end();
  } else {
    throw new Error("usage: test-db.ts create [adminUrl] | drop <url>");
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : String(error));
  process.exit(1);
});
