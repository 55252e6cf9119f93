// npm run cli -- <command>: create organizations, projects and API keys before the console exists.
import { openDatabase } from "../db/client";
import { runMigrations } from "../db/migrate";
import { lockHolder } from "../db/data-dir-lock";
import { runCli, type CliResult } from "../lib/cli/commands";
import { env, EnvError } from "../lib/env";
import { readServerInfo } from "../lib/server/server-info";

async function viaServer(dataDir: string, holder: number, argv: string[]): Promise<CliResult> {
  const info = readServerInfo(dataDir);
  if (!info || info.pid !== holder) {
    throw new Error(
      `The embedded database in ${dataDir} is open in another process (pid ${holder}) that is not a Bespoke server accepting CLI commands. Stop it and try again.`,
    );
  }
  const response = await fetch(`http://127.0.0.1:${info.port}/api/internal/cli`, {
    method: "POST",
    headers: { "content-type": "application/json", "x-bespoke-cli-token": info.token },
    body: JSON.stringify({ argv }),
  });
  if (!response.ok) throw new Error(`The running server (pid ${holder}) refused the command: HTTP ${response.status}.`);
  return (await response.json()) as CliResult;
}

async function main(): Promise<number> {
  const argv = process.argv.slice(2);
  const e = env();
  let result: CliResult;
  const holder = e.DATABASE_URL ? undefined : lockHolder(e.BESPOKE_DATA_DIR);
  if (holder !== undefined) {
    result = await viaServer(e.BESPOKE_DATA_DIR, holder, argv);
  } else {
    const handle = await openDatabase({ url: e.DATABASE_URL, dataDir: e.BESPOKE_DATA_DIR, poolMax: 2, lock: true });
    try {
      await runMigrations(handle);
      result = await runCli(handle, argv);
    } finally {
      await handle.close();
    }
  }
  for (const line of result.stdout) console.log(line);
  for (const line of result.stderr) console.error(line);
  return result.exitCode;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error instanceof EnvError || error instanceof Error ? `Error: ${error.message}` : error);
    process.exit(1);
  },
);
