import { and, eq, gt, or, sql } from "drizzle-orm";
import type { Database } from "../../../db/client";
import { loginAttempts, users } from "../../../db/schema";
import { dummyHash, verifyPassword } from "../../auth/passwords";
import { AppError } from "../../errors";

const WINDOW_MINUTES = 15;
const MAX_PER_EMAIL = 5;
const MAX_PER_IP = 30;

/**
 * Checks an email and password. Failed attempts are recorded in the database (so the limit holds
 * across instances): at most 5 per account and 30 per client address in 15 minutes, after which
 * even the right password is refused until the window passes.
 */
export async function authenticate(
  db: Database,
  input: { email: string; password: string; ip?: string | null },
): Promise<{ id: string; email: string; name: string | null }> {
  const email = input.email.trim().toLowerCase();
  const emailKey = `email:${email}`;
  const ipKey = input.ip ? `ip:${input.ip}` : null;
  const since = sql`now() - make_interval(mins => ${WINDOW_MINUTES})`;

  const counts = await db
    .select({ key: loginAttempts.key, n: sql<number>`count(*)::int` })
    .from(loginAttempts)
    .where(and(gt(loginAttempts.createdAt, since), ipKey ? or(eq(loginAttempts.key, emailKey), eq(loginAttempts.key, ipKey)) : eq(loginAttempts.key, emailKey)))
    .groupBy(loginAttempts.key);
  const byKey = new Map(counts.map((c) => [c.key, c.n]));
  if ((byKey.get(emailKey) ?? 0) >= MAX_PER_EMAIL || (ipKey && (byKey.get(ipKey) ?? 0) >= MAX_PER_IP)) {
    throw new AppError("rate_limited", `Too many failed sign-ins. Try again in ${WINDOW_MINUTES} minutes.`);
  }

  const [user] = await db.select().from(users).where(eq(users.email, email));
  const ok = user ? await verifyPassword(user.passwordHash, input.password) : await verifyPassword(await dummyHash(), input.password).then(() => false);
  if (!user || !ok) {
    await db.insert(loginAttempts).values(ipKey ? [{ key: emailKey }, { key: ipKey }] : [{ key: emailKey }]);
    throw new AppError("unauthorized", "Wrong email or password.");
  }
  await db.delete(loginAttempts).where(eq(loginAttempts.key, emailKey));
  return { id: user.id, email: user.email, name: user.name };
}
