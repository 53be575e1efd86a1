// One server process of scripts/serve.mjs: the Next.js request handler on the
// shared port, passing on the TCP peer of every request in the x-lvs-peer
// header, which it always overwrites, so the console knows the socket's address
// however X-Forwarded-For was forged (lib/server/auth/client-address.ts applies
// TRUST_PROXY to it). On SIGTERM or SIGINT it stops accepting, answers the
// requests in flight (closing their connections) and exits. Every answer
// names its process in x-lvs-worker.
import cluster from "node:cluster";
import http from "node:http";
import path from "node:path";
import { fileURLToPath } from "node:url";
import next from "next";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..", "..");
const port = Number(process.argv[2]);

const app = next({ dev: false, dir: root, port, hostname: "localhost" });
const handle = app.getRequestHandler();
await app.prepare();

let stopping = false;
const server = http.createServer((request, response) => {
  request.headers["x-lvs-peer"] = request.socket.remoteAddress ?? "";
  // Which server process answered (1, 2, … in start order; a replacement gets the next number).
  response.setHeader("x-lvs-worker", String(cluster.worker?.id ?? 0));
  // A connection must not outlive the shutdown waiting for its next request.
  if (stopping) response.setHeader("Connection", "close");
  void handle(request, response);
});
server.listen(port);

function stop() {
  if (stopping) return;
  stopping = true;
  server.close(() => process.exit(0));
  server.closeIdleConnections();
  // Keep-alive connections busy at close() become idle once their response is sent.
  setInterval(() => server.closeIdleConnections(), 200).unref();
}
process.on("SIGTERM", stop);
process.on("SIGINT", stop);
// The primary is gone (killed without a chance to stop us): nobody would replace or stop this process.
process.on("disconnect", stop);
