import { getToken } from "next-auth/jwt";
import { authSecret } from "./secret";

function cookies(header: string | null): Map<string, string> {
  const map = new Map<string, string>();
  for (const part of (header ?? "").split(";")) {
    const at = part.indexOf("=");
    if (at > 0) {
      const name = part.slice(0, at).trim();
      try {
        map.set(name, decodeURIComponent(part.slice(at + 1).trim()));
      } catch {
        map.set(name, part.slice(at + 1).trim());
      }
    }
  }
  return map;
}

/**
 * The signed-in console user of an API request, from next-auth's session cookie (the console calls
 * the same API as everyone else). Only the cookie is read: an `Authorization: Bearer` header is an
 * API key here, never a session token.
 */
export async function sessionUserIdFrom(request: Request): Promise<string | null> {
  const jar = cookies(request.headers.get("cookie"));
  if (![...jar.keys()].some((name) => name.includes("next-auth.session-token"))) return null;
  const secure = request.url.startsWith("https://") || (process.env.NEXTAUTH_URL ?? "").startsWith("https://");
  const token = await getToken({
    req: { cookies: jar, headers: {} } as unknown as Parameters<typeof getToken>[0]["req"],
    secret: authSecret(),
    secureCookie: secure,
  });
  return typeof token?.sub === "string" ? token.sub : null;
}
