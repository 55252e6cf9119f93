// Child servers for the bench: each in its own process group, killed on exit.
import { spawn, type ChildProcess } from "node:child_process";

const children: ChildProcess[] = [];

export function startServer(name: string, command: string, args: string[], env: Record<string, string>): ChildProcess {
  const child = spawn(command, args, { env: { ...process.env, ...env }, stdio: ["ignore", "pipe", "pipe"], detached: true });
  let tail = "";
  const keep = (chunk: Buffer) => {
    tail = (tail + chunk.toString()).slice(-4000);
  };
  child.stdout?.on("data", keep);
  child.stderr?.on("data", keep);
  child.on("exit", (code, signal) => {
    if (code && code !== 0 && signal === null) console.error(`[bench] ${name} exited with ${code}:\n${tail}`);
  });
  children.push(child);
  return child;
}

export async function waitFor(url: string, timeoutMs = 120_000, init?: RequestInit): Promise<void> {
  const started = Date.now();
  let last = "";
  while (Date.now() - started < timeoutMs) {
    try {
      const res = await fetch(url, init);
      if (res.status < 500) return;
      last = `HTTP ${res.status}`;
    } catch (error) {
      last = error instanceof Error ? error.message : String(error);
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error(`${url} did not come up within ${timeoutMs} ms (${last})`);
}

export function stopServer(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    // A child killed by a signal has a signalCode and no exitCode, and will not emit "exit" again.
    if (child.exitCode !== null || child.signalCode !== null || child.pid === undefined) return resolve();
    child.once("exit", () => resolve());
    try {
      process.kill(-child.pid, "SIGTERM");
    } catch {
      resolve();
    }
    setTimeout(() => {
      try {
        if (child.pid !== undefined) process.kill(-child.pid, "SIGKILL");
      } catch {
        // gone
      }
      resolve();
    }, 8_000); // not unref'd: an unref'd timer as the loop's last handle let the bench exit silently
  });
}

export async function stopAll(): Promise<void> {
  await Promise.all(children.map(stopServer));
}

for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.on(signal, () => {
    void stopAll().then(() => process.exit(130));
  });
}
