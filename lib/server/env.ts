import "server-only";
import path from "node:path";
import * as z from "zod";
import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from "@/lib/domain/password-policy";
import { parseTrustProxy, type TrustProxy } from "./auth/client-address";

const positiveInt = (name: string, fallback: number) =>
  z.coerce
    .number({ error: `${name} must be a whole number` })
    .int(`${name} must be a whole number`)
    .positive(`${name} must be greater than 0`)
    .default(fallback);

const envSchema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  DATABASE_URL: z
    .string()
    .regex(
      /^(file:|postgres(ql)?:\/\/)/,
      "DATABASE_URL must be a file: URL for SQLite (e.g. file:./data/lvs-console.db) or postgresql://USER:PASSWORD@HOST:PORT/DATABASE",
    )
    .default("file:./data/lvs-console.db"),
  PORT: z.coerce.number().int().min(1, "PORT must be 1-65535").max(65535, "PORT must be 1-65535").default(3000),
  ADMIN_USERNAME: z
    .string()
    .regex(/^[A-Za-z0-9_.-]{1,64}$/, "ADMIN_USERNAME may use letters, digits, _ . - (1-64 characters)")
    .default("admin"),
  ADMIN_PASSWORD: z
    .string()
    .min(PASSWORD_MIN_LENGTH, `ADMIN_PASSWORD must be at least ${PASSWORD_MIN_LENGTH} characters`)
    .max(PASSWORD_MAX_LENGTH, `ADMIN_PASSWORD must be at most ${PASSWORD_MAX_LENGTH} characters`)
    .optional(),
  SESSION_IDLE_MINUTES: positiveInt("SESSION_IDLE_MINUTES", 30),
  SESSION_ABSOLUTE_HOURS: positiveInt("SESSION_ABSOLUTE_HOURS", 12),
  LOGIN_MAX_FAILURES: positiveInt("LOGIN_MAX_FAILURES", 5),
  LOGIN_WINDOW_MINUTES: positiveInt("LOGIN_WINDOW_MINUTES", 15),
  /** "true" forces Secure + __Host- cookies; otherwise they follow the request's scheme. */
  COOKIE_SECURE: z.enum(["true", "false", "auto"]).default("auto"),
  /** Which X-Forwarded-For entries to believe: off (the socket's address), a hop count, or proxy addresses/CIDRs. */
  TRUST_PROXY: z
    .string()
    .optional()
    .transform((value, ctx): TrustProxy => {
      const parsed = parseTrustProxy(value);
      if (typeof parsed === "string") {
        ctx.addIssue({ code: "custom", message: `TRUST_PROXY: ${parsed}` });
        return z.NEVER;
      }
      return parsed;
    }),
});

/** Which database DATABASE_URL selects. */
export type DatabaseProvider = "sqlite" | "postgresql";

export type Env = z.infer<typeof envSchema> & {
  databaseProvider: DatabaseProvider;
  /** The SQLite file, resolved against the working directory; empty for PostgreSQL. */
  databaseFile: string;
};

let cached: Env | undefined;

/** Reads and validates every environment variable the console uses, once; throws naming the variable at fault. */
export function env(): Env {
  if (cached) return cached;
  const raw = Object.fromEntries(
    Object.keys(envSchema.shape).map((key) => [key, process.env[key] === "" ? undefined : process.env[key]]),
  );
  const parsed = envSchema.safeParse(raw);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${String(i.path[0])}: ${i.message}`);
    throw new Error(`Invalid environment:\n${lines.join("\n")}`);
  }
  const url = parsed.data.DATABASE_URL;
  if (!url.startsWith("file:")) {
    cached = { ...parsed.data, databaseProvider: "postgresql", databaseFile: "" };
    return cached;
  }
  const file = url.slice("file:".length);
  cached = {
    ...parsed.data,
    databaseProvider: "sqlite",
    databaseFile: path.isAbsolute(file) ? file : path.resolve(/*turbopackIgnore: true*/ process.cwd(), file),
  };
  return cached;
}
