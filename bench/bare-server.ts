// The ceiling: Node's bare `http`, parsing the same JSON body and answering a fixed ~1 KB JSON.
import http from "node:http";

const FIXED = JSON.stringify({
  profileId: "anon-1",
  choices: Array.from({ length: 5 }, (_, i) => ({
    name: `bench-p${i}`,
    group: null,
    body: { title: `Offer ${i} for you`, cta: "Shop now", discount: 5 * (i + 1) },
    reason: "served",
    personalizationId: "per_0000000000000000000" + i,
    experienceId: "exp_0000000000000000000" + i,
    experienceName: "Experience 0",
    variant: "treatment",
  })),
});

export function startBareServer(port: number): Promise<http.Server> {
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      try {
        JSON.parse(Buffer.concat(chunks).toString("utf8") || "{}");
      } catch {
        res.writeHead(400).end();
        return;
      }
      res.writeHead(200, { "content-type": "application/json", "content-length": Buffer.byteLength(FIXED) });
      res.end(FIXED);
    });
  });
  server.keepAliveTimeout = 65_000;
  return new Promise((resolve) => server.listen(port, "127.0.0.1", () => resolve(server)));
}

// Run on its own (one process, like `node bench/bare-server.ts`): the bench starts it as a child so
// it does not share an event loop with the load generator.
if (process.argv[1]?.endsWith("bare-server.ts")) {
  const port = Number(process.argv[2] ?? 3190);
  void startBareServer(port).then(() => console.log(`bare server on ${port}`));
}
