import { describe, expect, it } from "vitest";
import { compilePayload, validatePayloadTemplates, type RenderScope } from "./payload";

const scope: RenderScope = {
  attribute: { user: { first_name: "Ada", plan: "pro", tags: ["a", "b"] }, account: { name: "Acme" }, cart: { value: 120 } },
  profile: { id: "p1", userId: "u-42" },
  session: { id: "s-1" },
  request: { url: "https://shop.example/pricing", path: "/pricing" },
};
const NOW = Date.UTC(2025, 5, 1, 12, 0);

const render = (payload: unknown, timezone = "UTC") => compilePayload(payload, timezone).render(scope, NOW);

describe("payload rendering", () => {
  it("renders every string in the JSON, at any depth", () => {
    expect(
      render({
        title: "Welcome back, {{ attribute.user.first_name }}!",
        items: [{ text: "{{ attribute.account.name }} — {{ attribute.cart.value | plus: 5 }}" }, 3, true, null],
        meta: { user: "{{ profile.userId }}", session: "{{ session.id }}", path: "{{ request.path }}" },
      }),
    ).toEqual({
      ok: true,
      body: {
        title: "Welcome back, Ada!",
        items: [{ text: "Acme — 125" }, 3, true, null],
        meta: { user: "u-42", session: "s-1", path: "/pricing" },
      },
    });
  });

  it("renders a missing value as empty, and default fills it", () => {
    expect(render({ a: "Hi {{ attribute.user.nickname }}!", b: 'Hi {{ attribute.user.nickname | default: "there" }}!' })).toEqual({
      ok: true,
      body: { a: "Hi !", b: "Hi there!" },
    });
  });

  it("supports control flow and loops within limits", () => {
    expect(render("{% if attribute.user.plan == 'pro' %}PRO{% else %}FREE{% endif %}:{% for t in attribute.user.tags %}{{ t }}{% endfor %}")).toEqual({
      ok: true,
      body: "PRO:ab",
    });
  });

  it("returns a payload without templates untouched", () => {
    const payload = { title: "Plain", n: [1, 2] };
    const compiled = compilePayload(payload);
    expect(compiled.hasTemplates).toBe(false);
    expect(compiled.render(scope, NOW)).toEqual({ ok: true, body: payload });
  });

  it("uses the decision's instant and the project's zone for dates, not the machine clock", () => {
    expect(render('{{ "now" | date: "%Y-%m-%d %H:%M" }}', "Europe/Berlin")).toEqual({ ok: true, body: "2025-06-01 14:00" });
    expect(render('{{ "now" | date: "%H:%M" }}', "America/New_York")).toEqual({ ok: true, body: "08:00" });
  });

  it("fails with the path of the string when a loop runs past the limit", () => {
    const result = render({ list: ["ok", "{% for i in (1..100000) %}x{% endfor %}"] });
    expect(result.ok).toBe(false);
    expect(result).toMatchObject({ path: "list.1" });
  });

  it("bounds loops by the number of renders, whatever the machine's speed", () => {
    // Each iteration of a body with one piece of text is two renders (the body, and the text):
    // 4 000 iterations stay under the 10 000 renders of one string, 6 000 do not — however fast
    // they would run, and both far below the output cap.
    const loop = (n: number) => ({ t: `{% for i in (1..${n}) %}x{% endfor %}` });
    expect(render(loop(4_000))).toEqual({ ok: true, body: { t: "x".repeat(4_000) } });
    expect(render(loop(6_000))).toMatchObject({ ok: false, path: "t", error: expect.stringMatching(/render limit/) });
    // Nested loops count every inner iteration, and an empty body still counts.
    expect(render({ t: "{% for i in (1..200) %}{% for j in (1..200) %}{% endfor %}{% endfor %}" })).toMatchObject({ ok: false, path: "t" });
    // The count is per string: two strings of 4 000 iterations each both render.
    expect(render({ a: loop(4_000).t, b: loop(4_000).t })).toMatchObject({ ok: true });
  });

  it("fails when the output grows past the size cap", () => {
    const big = "{% for i in (1..4000) %}" + "y".repeat(100) + "{% endfor %}";
    const result = render({ a: big, b: big });
    expect(result).toMatchObject({ ok: false, error: expect.stringMatching(/exceeds/) });
  });

  it("fails when a template doubles a string until memory runs out", () => {
    const bomb = "{% assign s = 'ab' %}{% for i in (1..30) %}{% assign s = s | append: s %}{% endfor %}{{ s | size }}";
    expect(render({ t: bomb })).toMatchObject({ ok: false, path: "t", error: expect.stringMatching(/memory/) });
  });

  it("fails on an unknown filter rather than printing nothing", () => {
    expect(render({ t: "{{ attribute.user.first_name | shout }}" })).toMatchObject({ ok: false, path: "t" });
  });

  it("cannot read the file system", () => {
    for (const tag of ["include", "render", "layout"]) {
      expect(render({ t: `{% ${tag} '/etc/passwd' %}` })).toMatchObject({ ok: false, path: "t", error: expect.stringMatching(/not available/) });
    }
  });

  it("cannot read through prototypes", () => {
    expect(render("{{ attribute.user.constructor }}|{{ attribute.user.tags.constructor.name }}")).toEqual({ ok: true, body: "|" });
  });
});

describe("validatePayloadTemplates", () => {
  it("names syntax errors by JSON path", () => {
    const problems = validatePayloadTemplates({
      title: "Hello {{ attribute.user.first_name",
      items: [{ text: "fine {{ profile.id }}" }, { text: "{% if x %}unclosed" }],
      tag: "{% include 'x' %}",
      filter: "{{ x | nosuchfilter }}",
    });
    expect(problems.map((p) => p.path)).toEqual(["title", "items.1.text", "tag", "filter"]);
    expect(problems.every((p) => p.message.length > 0 && !p.message.includes("\n"))).toBe(true);
  });

  it("accepts valid templates and plain JSON", () => {
    expect(validatePayloadTemplates({ a: "{{ attribute.user.first_name | default: 'there' }}", b: [1, "x"], c: null })).toEqual([]);
    expect(validatePayloadTemplates("plain")).toEqual([]);
  });

  it("rejects payloads over 64 KiB", () => {
    expect(validatePayloadTemplates({ big: "é".repeat(33_000) })).toEqual([{ path: "", message: "the payload exceeds 64 KiB" }]);
  });
});
