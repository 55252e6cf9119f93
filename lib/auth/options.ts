import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { getDbHandle } from "../../db/connection";
import { AppError } from "../errors";
import { authenticate } from "../services/users/authenticate";
import { authSecret } from "./secret";

// Self-hosted: trust the Host header for callback URLs unless NEXTAUTH_URL pins the public URL.
process.env.AUTH_TRUST_HOST ??= "true";

export const SESSION_MAX_AGE_S = 30 * 24 * 60 * 60;

function clientIp(headers: Record<string, string | string[] | undefined> | undefined): string | null {
  const forwarded = headers?.["x-forwarded-for"];
  const first = (Array.isArray(forwarded) ? forwarded[0] : forwarded)?.split(",")[0]?.trim();
  const real = headers?.["x-real-ip"];
  return first || (typeof real === "string" ? real : null);
}

/** next-auth: email + password (argon2id), JWT sessions in an encrypted cookie. */
export function authOptions(): NextAuthOptions {
  return {
    secret: authSecret(),
    session: { strategy: "jwt", maxAge: SESSION_MAX_AGE_S },
    pages: { signIn: "/sign-in", error: "/sign-in" },
    providers: [
      CredentialsProvider({
        name: "Email and password",
        credentials: { email: { label: "Email", type: "email" }, password: { label: "Password", type: "password" } },
        async authorize(credentials, req) {
          if (!credentials?.email || !credentials.password) return null;
          const handle = await getDbHandle();
          try {
            const user = await authenticate(handle.db, {
              email: credentials.email,
              password: credentials.password,
              ip: clientIp(req?.headers as Record<string, string> | undefined),
            });
            return { id: user.id, email: user.email, name: user.name };
          } catch (error) {
            // next-auth passes the message to the client as `error`; the sign-in page explains it.
            if (error instanceof AppError && error.code === "rate_limited") throw new Error("rate_limited");
            if (error instanceof AppError) return null;
            throw error;
          }
        },
      }),
    ],
    callbacks: {
      async jwt({ token, user }) {
        if (user) token.sub = user.id;
        return token;
      },
      async session({ session, token }) {
        if (session.user && token.sub) (session.user as { id?: string }).id = token.sub;
        return session;
      },
    },
  };
}
