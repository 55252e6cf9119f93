import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { locateJsonValues, positionAt } from "./json-locate";
import { liquidCompletions, stringBeforeCursor } from "./liquid-completion";
import { analyzePayload, formatBytes, renderLocally, scopeFromTestProfile } from "./payload";

describe("locateJsonValues", () => {
  it("finds each value by the engine's dotted path", () => {
    const text = '{\n  "title": "Hi {{ x }}",\n  "items": [1, {"text": "a"}],\n  "n": null\n}';
    const at = locateJsonValues(text);
    const slice = (path: string) => {
      const r = at.get(path);
      return r === undefined ? undefined : text.slice(r.start, r.end);
    };
    expect(slice("title")).toBe('"Hi {{ x }}"');
    expect(slice("items.0")).toBe("1");
    expect(slice("items.1.text")).toBe('"a"');
    expect(slice("n")).toBe("null");
    expect(slice("")).toBe(text);
    expect(positionAt(text, at.get("items.1.text")?.start ?? 0)).toEqual({ lineNumber: 3, column: 25 });
  });

  it("lets a duplicate key's last value win, like JSON.parse", () => {
    const text = '{"a": "first", "a": "second"}';
    const r = locateJsonValues(text).get("a");
    expect(r && text.slice(r.start, r.end)).toBe('"second"');
  });

  it("locates every string of any JSON value (property)", () => {
    fc.assert(
      fc.property(fc.jsonValue(), fc.constantFrom(0, 2), (value, indent) => {
        const text = JSON.stringify(value, null, indent);
        const at = locateJsonValues(text);
        const walk = (v: unknown, path: string): void => {
          const r = at.get(path);
          expect(r).toBeDefined();
          if (r) expect(JSON.parse(text.slice(r.start, r.end))).toEqual(v);
          if (Array.isArray(v)) v.forEach((item, i) => walk(item, path === "" ? String(i) : `${path}.${i}`));
          else if (v !== null && typeof v === "object") for (const [k, item] of Object.entries(v)) walk(item, path === "" ? k : `${path}.${k}`);
        };
        // Keys that are empty or hold dots make paths ambiguous (the engine's paths are too): skip those values.
        const ambiguous = /"[^"]*\.[^"]*":|"":/.test(text);
        if (!ambiguous) walk(JSON.parse(text), "");
      }),
      { numRuns: 300 },
    );
  });
});

describe("liquidCompletions", () => {
  const catalog = [
    { path: "user.first_name", type: "string" },
    { path: "user.address.city", type: "string" },
    { path: "account.tier", type: "string" },
    { path: "cart.value", type: "number" },
  ];
  const labels = (line: string) => liquidCompletions(line, catalog)?.suggestions.map((s) => s.label);

  it("suggests catalog attributes after {{ attribute.user.", () => {
    expect(labels('  "title": "Hi {{ attribute.user.')).toEqual(["address", "first_name"]);
    expect(liquidCompletions('  "title": "Hi {{ attribute.user.fi', catalog)?.replace).toBe(2);
    expect(labels('"t": "{{ attribute.user.address.')).toEqual(["city"]);
    expect(labels('"t": "{{ attribute.')).toEqual(["account", "cart", "user"]);
  });

  it("suggests the scopes and their fixed fields", () => {
    expect(labels('"t": "{{ ')).toEqual(["attribute", "profile", "session", "request"]);
    expect(labels('"t": "{{ pro')).toEqual(["attribute", "profile", "session", "request"]);
    expect(labels('"t": "{{ request.')).toContain("referrer");
    expect(labels('"t": "{% if profile.')).toContain("userId");
    expect(labels('"t": "{{ constructor.')).toBeUndefined();
  });

  it("suggests filters after a pipe", () => {
    expect(labels('"t": "{{ attribute.user.first_name | ')).toContain("default");
    expect(liquidCompletions('"t": "{{ x | up', catalog)?.replace).toBe(2);
  });

  it("stays quiet outside a Liquid expression in a string", () => {
    expect(labels('"t": "Hello')).toBeUndefined();
    expect(labels('"t": "{{ a }} and ')).toBeUndefined();
    expect(labels('"t": "{{ a }}", "u": ')).toBeUndefined();
    expect(labels("{{ attribute.")).toBeUndefined();
  });

  it("tracks JSON string escapes", () => {
    expect(stringBeforeCursor('"a": "say \\"hi\\" {{ ')).toBe('say \\"hi\\" {{ ');
    expect(stringBeforeCursor('"a": "x\\\\"')).toBeNull();
  });
});

describe("analyzePayload", () => {
  it("reports invalid JSON without issues of its own (Monaco marks the place)", () => {
    const a = analyzePayload('{"a": }');
    expect(a.valid).toBe(false);
  });

  it("marks Liquid syntax errors at the string's place", () => {
    const text = '{\n  "ok": "{{ attribute.user.first_name }}",\n  "bad": "{{ attribute.user.first_name | nope }}"\n}';
    const a = analyzePayload(text);
    expect(a.valid).toBe(true);
    expect(a.issues).toHaveLength(1);
    const [issue] = a.issues;
    expect(issue.path).toBe("bad");
    expect(issue.source).toBe("liquid");
    expect(issue.range && text.slice(issue.range.start, issue.range.end)).toBe('"{{ attribute.user.first_name | nope }}"');
  });

  it("counts bytes as the API does, and reports a payload over 64 KiB", () => {
    expect(analyzePayload('{ "a" : "é" }').bytes).toBe(JSON.stringify({ a: "é" }).length + 1);
    const big = analyzePayload(JSON.stringify({ a: "x".repeat(70_000) }));
    expect(big.issues.map((i) => i.source)).toEqual(["size"]);
    expect(formatBytes(1536)).toBe("1.5 KiB");
    expect(formatBytes(70_000)).toBe("68 KiB");
  });

  it("places problems the API reported", () => {
    const a = analyzePayload('{"title": "x"}', "UTC", [{ path: "title", message: "too long" }]);
    expect(a.issues).toEqual([{ path: "title", message: "too long", range: { start: 10, end: 13 }, source: "server" }]);
  });
});

describe("rendering in the browser", () => {
  it("renders a test profile's attributes, with defaults for what is missing", () => {
    const scope = scopeFromTestProfile({ attributes: { first_name: "Ada" }, requestAttributes: { cart: { value: 3 } }, url: "https://shop.example/p?utm=x" });
    const payload = { title: "Hi {{ attribute.user.first_name }}", n: "{{ attribute.cart.value }}", p: "{{ request.path }}{{ request.query.utm }}", d: "{{ attribute.user.nick | default: \"there\" }}" };
    expect(renderLocally(payload, scope)).toEqual({ body: { title: "Hi Ada", n: "3", p: "/px", d: "there" } });
  });

  it("reports a render failure with its path", () => {
    expect(renderLocally({ a: "{{ x | nope }}" }, undefined)).toEqual({ error: expect.stringMatching(/^a: /) });
  });
});
