import { parseArgs } from "node:util";
import type { DbHandle } from "../../db/client";
import { SCOPES, type Scope } from "../auth/api-keys";
import type { Actor } from "../auth/permissions";
import { AppError } from "../errors";
import { createOrganization } from "../services/organizations/create-organization";
import { createProject } from "../services/projects/create-project";
import { findProject } from "../services/projects/find-project";
import { createSource } from "../services/sources/create-source";
import { listSources } from "../services/sources/list-sources";
import { revokeSource } from "../services/sources/revoke-source";
import type { ServiceContext } from "../services/context";

/**
 * The command-line tool of SPEC §9. Each command is a function of the database and its arguments
 * returning what to print, so the same code runs in the `npm run cli` process or, when the embedded
 * database is held by a running server, inside that server (see scripts/cli.ts).
 */
export interface CliResult {
  stdout: string[];
  stderr: string[];
  exitCode: number;
}

export const USAGE = [
  "Usage: npm run cli -- <command>",
  "",
  "  create-org <org>",
  "  create-project <org> <project> [--timezone <IANA zone>]",
  "  create-key <org> <project> --scopes decide,track,manage [--name <name>]",
  "  list-keys <org> <project>",
  "  revoke-key <org> <project> <prefix>",
];

const CLI_ACTOR: Actor = { type: "system", label: "cli" };

class UsageError extends Error {}

function positionals(args: string[], count: number, names: string[]): string[] {
  if (args.length !== count) {
    throw new UsageError(`Expected ${names.map((n) => `<${n}>`).join(" ")}, got ${args.length} argument(s).`);
  }
  return args;
}

function parseScopes(value: string | undefined): Scope[] {
  if (!value) throw new UsageError(`--scopes is required, e.g. --scopes ${SCOPES.join(",")}.`);
  const scopes = value.split(",").map((s) => s.trim()).filter(Boolean);
  const unknown = scopes.filter((s) => !(SCOPES as readonly string[]).includes(s));
  if (unknown.length > 0) {
    throw new UsageError(`Unknown scope${unknown.length > 1 ? "s" : ""} ${unknown.map((s) => `"${s}"`).join(", ")}: use ${SCOPES.join(", ")}.`);
  }
  if (scopes.length === 0) throw new UsageError("--scopes needs at least one scope.");
  return scopes as Scope[];
}

async function projectContext(handle: DbHandle, org: string, project: string): Promise<ServiceContext> {
  return { db: handle.db, handle, actor: CLI_ACTOR, project: await findProject(handle.db, org, project), requestId: "cli" };
}

function table(rows: string[][]): string[] {
  const widths = rows[0].map((_, i) => Math.max(...rows.map((r) => r[i].length)));
  return rows.map((r) => r.map((cell, i) => cell.padEnd(widths[i])).join("  ").trimEnd());
}

const day = (iso: string | null) => (iso ? iso.replace("T", " ").slice(0, 16) + " UTC" : "never");

export async function runCli(handle: DbHandle, argv: string[]): Promise<CliResult> {
  const out: string[] = [];
  try {
    const { values, positionals: args } = parseArgs({
      args: argv,
      allowPositionals: true,
      strict: true,
      options: { timezone: { type: "string" }, scopes: { type: "string" }, name: { type: "string" }, help: { type: "boolean", short: "h" } },
    });
    const [command, ...rest] = args;
    switch (command) {
      case "create-org": {
        const [org] = positionals(rest, 1, ["org"]);
        const created = await createOrganization({ db: handle.db, actor: CLI_ACTOR }, { name: org });
        out.push(`Created organization ${created.name} (${created.id}).`);
        break;
      }
      case "create-project": {
        const [org, project] = positionals(rest, 2, ["org", "project"]);
        const created = await createProject(
          { db: handle.db, actor: CLI_ACTOR },
          { orgName: org, name: project, timezone: values.timezone },
        );
        out.push(`Created project ${created.orgName}/${created.name} (${created.id}), time zone ${created.timezone}.`);
        break;
      }
      case "create-key": {
        const [org, project] = positionals(rest, 2, ["org", "project"]);
        const scopes = parseScopes(values.scopes);
        const ctx = await projectContext(handle, org, project);
        const name = values.name ?? `CLI key (${scopes.join(", ")})`;
        const { source, key } = await createSource(ctx, { name, scopes });
        out.push(`Created API key ${source.prefix} "${source.name}" (source ${source.id}) for ${org}/${project} with scopes ${source.scopes.join(", ")}.`);
        out.push("This is the only time the whole key is shown; store it now:");
        out.push(key);
        break;
      }
      case "list-keys": {
        const [org, project] = positionals(rest, 2, ["org", "project"]);
        const keys = await listSources(await projectContext(handle, org, project));
        if (keys.length === 0) {
          out.push(`No API keys in ${org}/${project}. Create one with: npm run cli -- create-key ${org} ${project} --scopes decide,track,manage`);
          break;
        }
        out.push(
          ...table([
            ["PREFIX", "SOURCE", "NAME", "SCOPES", "CREATED", "LAST USED", "STATUS"],
            ...keys.map((k) => [k.prefix, String(k.id), k.name, k.scopes.join(","), day(k.createdAt), day(k.lastUsedAt), k.status]),
          ]),
        );
        break;
      }
      case "revoke-key": {
        const [org, project, prefix] = positionals(rest, 3, ["org", "project", "prefix"]);
        const ctx = await projectContext(handle, org, project);
        const revoked = await revokeSource(ctx, { prefix });
        out.push(`Revoked API key ${revoked.prefix} of ${org}/${project}; it no longer authenticates.`);
        break;
      }
      case undefined:
      case "help":
        return { stdout: USAGE, stderr: [], exitCode: command === undefined && !values.help ? 1 : 0 };
      default:
        throw new UsageError(`Unknown command "${command}".`);
    }
    return { stdout: out, stderr: [], exitCode: 0 };
  } catch (error) {
    if (error instanceof UsageError || (error instanceof TypeError && "code" in error)) {
      return { stdout: out, stderr: [`Error: ${error.message}`, "", ...USAGE], exitCode: 2 };
    }
    if (error instanceof AppError) return { stdout: out, stderr: [`Error: ${error.message}`], exitCode: 1 };
    throw error;
  }
}
