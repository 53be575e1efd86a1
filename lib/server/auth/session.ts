import "server-only";
import { redirect } from "next/navigation";
import { cache } from "react";
import { readSessionToken } from "./request-context";
import { lookupSession, type SessionUser } from "./session-store";

export type { SessionUser } from "./session-store";

/** The signed-in user of this request, or null. Deduplicated per request. */
export const getSessionUser = cache(async (): Promise<SessionUser | null> => {
  const token = await readSessionToken();
  return token ? lookupSession(token) : null;
});

/** The signed-in user of this request; redirects to /login when there is none. Deduplicated per request. */
export const verifySession = cache(async (): Promise<SessionUser> => {
  const user = await getSessionUser();
  if (!user) redirect("/login");
  return user;
});
