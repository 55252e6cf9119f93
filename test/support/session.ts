import { encode } from "next-auth/jwt";
import { authSecret } from "@/lib/auth/secret";

/** The Cookie header of a signed-in console user, exactly as next-auth would set it. */
export async function sessionCookie(userId: string, email = "user@example.com"): Promise<string> {
  const token = await encode({ token: { sub: userId, email }, secret: authSecret() });
  return `next-auth.session-token=${token}`;
}
