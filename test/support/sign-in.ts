// Signs a user of a given role into the fake request of test/support/next-request,
// through the real session store, so lib/server authorization runs for real.

/** Creates (once) a user with this role and puts a fresh session cookie in the fake browser. */
export async function signInAs(role: "viewer" | "operator" | "admin"): Promise<{ userId: number; username: string }> {
  const { fakeRequest } = await import("./next-request");
  const { db } = await import("@/lib/server/db");
  const { createSession } = await import("@/lib/server/auth/session-store");
  const username = `it-${role}`;
  const user =
    (await db.user.findUnique({ where: { username } })) ??
    (await db.user.create({ data: { username, role, passwordHash: "$argon2id$v=19$m=19456,t=2,p=1$unused$unused" } }));
  const { token } = await createSession(db, user.id, { ip: "203.0.113.50", userAgent: "vitest" });
  fakeRequest.reset();
  fakeRequest.jar.set("lvs_session", token);
  return { userId: user.id, username };
}

/** Forgets every cookie: the next call is anonymous. */
export async function signOut(): Promise<void> {
  const { fakeRequest } = await import("./next-request");
  fakeRequest.reset();
}
