/**
 * The signed-in console user of a request, read from next-auth's session cookie. Until the console's
 * sign-in exists there is no session and only API keys authenticate.
 */
export async function sessionUserIdFrom(_request: Request): Promise<string | null> {
  return null;
}
