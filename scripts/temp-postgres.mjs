// A throwaway PostgreSQL server in a temporary directory on a free port, for
// the test suite, the benchmarks and the migration diff's shadow databases.
// PostgreSQL refuses to run as root, so as root it runs as the `postgres` user
// Debian's package creates. Usage as a command:
//   node scripts/temp-postgres.mjs start   prints "DIR URL" of a running server
//   node scripts/temp-postgres.mjs stop DIR   stops it and removes DIR
import { execFileSync, spawnSync } from "node:child_process";
import { chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from "node:fs";
import net from "node:net";
import { tmpdir, userInfo } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";

const asRoot = process.getuid?.() === 0;

/** The directory of initdb and pg_ctl: PG_BIN, else the newest /usr/lib/postgresql/N/bin, else PATH. */
export function postgresBinDir() {
  if (process.env.PG_BIN) return process.env.PG_BIN;
  const base = "/usr/lib/postgresql";
  const versions = existsSync(base) ? readdirSync(base).filter((v) => /^\d+$/.test(v)).sort((a, b) => Number(b) - Number(a)) : [];
  const found = versions.map((v) => path.join(base, v, "bin")).find((dir) => existsSync(path.join(dir, "initdb")));
  return found ?? "";
}

/** True when initdb and pg_ctl can be found. */
export function havePostgres() {
  const dir = postgresBinDir();
  return dir ? existsSync(path.join(dir, "initdb")) : spawnSync("initdb", ["--version"]).status === 0;
}

function run(dir, tool, args) {
  const bin = postgresBinDir();
  const exe = bin ? path.join(bin, tool) : tool;
  const [cmd, argv] = asRoot ? ["runuser", ["-u", "postgres", "--", exe, ...args]] : [exe, args];
  return execFileSync(cmd, argv, { cwd: dir, stdio: ["ignore", "pipe", "pipe"], encoding: "utf8" });
}

function freePort() {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.on("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

/** Starts a fresh server (trust authentication on 127.0.0.1 only, fsync off); returns its directory and admin URL. */
export async function startTempPostgres() {
  const dir = mkdtempSync(path.join(tmpdir(), "lvs-postgres-"));
  if (asRoot) chownSync(dir, Number(execFileSync("id", ["-u", "postgres"], { encoding: "utf8" })), Number(execFileSync("id", ["-g", "postgres"], { encoding: "utf8" })));
  const data = path.join(dir, "data");
  const user = asRoot ? "postgres" : userInfo().username;
  run(dir, "initdb", ["-D", data, "-U", user, "--auth=trust", "-E", "UTF8", "--locale=C.UTF-8"]);
  const port = await freePort();
  const options = `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200`;
  run(dir, "pg_ctl", ["-D", data, "-o", options, "-l", path.join(dir, "server.log"), "-w", "-t", "60", "start"]);
  return { dir, url: `postgresql://${user}@127.0.0.1:${port}/postgres` };
}

/** Stops a server started by startTempPostgres and removes its directory. */
export function stopTempPostgres(dir) {
  try {
    run(dir, "pg_ctl", ["-D", path.join(dir, "data"), "-m", "fast", "-w", "stop"]);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const [command, dir] = process.argv.slice(2);
  if (command === "start") {
    const server = await startTempPostgres();
    console.log(`${server.dir} ${server.url}`);
  } else if (command === "stop" && dir) {
    stopTempPostgres(dir);
  } else {
    console.error("usage: node scripts/temp-postgres.mjs start | stop DIR");
    process.exit(64);
  }
}
