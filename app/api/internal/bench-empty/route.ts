// POST /api/internal/bench-empty — the bench's reference for Next's own cost: parse a JSON body, answer a fixed JSON
// It exists only when BESPOKE_BENCH_ROUTES=1 (set by `npm run bench`); otherwise it is a 404.
const FIXED = { ok: true, choices: [] as unknown[] };

export async function POST(request: Request): Promise<Response> {
  if (process.env.BESPOKE_BENCH_ROUTES !== "1") return new Response(null, { status: 404 });
  await request.json().catch(() => null);
  return Response.json(FIXED);
}
