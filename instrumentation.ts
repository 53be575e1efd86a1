// Runs once when the server starts: first-run bootstrap (default cluster, first admin).
export async function register(): Promise<void> {
  // NEXT_RUNTIME is set by Next itself, not configuration; the bootstrap needs Node (SQLite, Argon2).
  if (process.env.NEXT_RUNTIME === "nodejs") {
    const { ensureBootstrap } = await import("./lib/server/bootstrap");
    await ensureBootstrap();
  }
}
