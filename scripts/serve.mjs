// Serves the production build (what `next start` does), passing on the TCP
// peer of every request in the x-lvs-peer header, which it always overwrites,
// so the console knows the socket's address however X-Forwarded-For was forged
// (lib/server/auth/client-address.ts applies TRUST_PROXY to it).
// Usage: node scripts/serve.mjs [-p PORT]   (default: $PORT or 3000)
import http from "node:http";
import path from "node:path";
import { fileURLToPath } from "node:url";
import next from "next";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const flag = process.argv.indexOf("-p");
const port = Number(flag >= 0 ? process.argv[flag + 1] : process.env.PORT || 3000);
if (!Number.isInteger(port) || port < 1 || port > 65535) {
  console.error(`serve: got port ${JSON.stringify(process.argv[flag + 1] ?? process.env.PORT)}; allowed: an integer 1-65535`);
  process.exit(64);
}

const app = next({ dev: false, dir: root, port, hostname: "localhost" });
const handle = app.getRequestHandler();
await app.prepare();

const server = http.createServer((request, response) => {
  request.headers["x-lvs-peer"] = request.socket.remoteAddress ?? "";
  void handle(request, response);
});
server.listen(port, () => console.log(`ready on http://localhost:${port}`));
for (const signal of ["SIGINT", "SIGTERM"]) {
  process.on(signal, () => server.close(() => process.exit(0)));
}
