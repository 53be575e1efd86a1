import { spawnSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { renderInstallScript } from "@/lib/domain/render";
import { withScratch } from "../support/artifact-checks";
import { loadFixtures } from "../support/domain-fixtures";
import { createLink, createNetns, run, type Netns } from "../support/netns";
import { requireOrSkip } from "../support/requirements";

const ready = requireOrSkip("active FTP masquerade on a routed real-server network", {
  root: true,
  tools: ["ip", "bash", "iptables", "iptables-restore", "iptables-save", "ip6tables", "ip6tables-restore", "ip6tables-save", "python3"],
});

const fixtures = loadFixtures();
const fixture = (name: string) => fixtures.find((f) => f.name === name)!.doc;

// A real server on the NAT router's network (10.11.12.0/24 in manual-nat) routed through the router.
function addRealServer(router: Netns): Netns {
  const rs = createNetns("lvsq");
  const a = `vq${randomBytes(3).toString("hex")}`;
  const b = `vn${randomBytes(3).toString("hex")}`;
  run("ip", ["link", "add", a, "netns", rs.name, "type", "veth", "peer", "name", b, "netns", router.name]);
  rs.exec("ip", ["addr", "add", "10.11.12.5/24", "dev", a]);
  router.exec("ip", ["addr", "add", "10.11.12.10/24", "dev", b]);
  rs.exec("ip", ["link", "set", a, "up"]);
  router.exec("ip", ["link", "set", b, "up"]);
  rs.exec("ip", ["route", "add", "default", "via", "10.11.12.10"]);
  router.exec("sysctl", ["-q", "-w", "net.ipv4.ip_forward=1"]);
  return rs;
}

// Opens a TCP connection from the given source port; the client answers with a reset, which is enough.
function connectFrom(rs: Netns, sport: number): void {
  const code = `import socket\ns=socket.socket()\ns.settimeout(1)\ns.bind(("10.11.12.5",${sport}))\ntry:\n  s.connect(("10.200.0.1",2121))\nexcept OSError:\n  pass\n`;
  spawnSync("ip", ["netns", "exec", rs.name, "python3", "-c", code], { encoding: "utf8" });
}

// Counts SYNs reaching the client per source address: the router's (masqueraded) or the real server's.
function synCounts(client: Netns): { masqueraded: number; direct: number } {
  const saved = client.exec("iptables-save", ["-c", "-t", "filter"]);
  const count = (src: string) => Number(new RegExp(`^\\[(\\d+):\\d+\\] -A INPUT -s ${src}/32 -p tcp`, "m").exec(saved)?.[1] ?? -1);
  return { masqueraded: count("10.200.0.2"), direct: count("10.11.12.5") };
}

describe.runIf(ready)("active FTP masquerade on a routed real-server network", () => {
  const cleanups: (() => void)[] = [];
  afterEach(() => { while (cleanups.length) cleanups.pop()?.(); });

  it.each([
    ["manual-nat (FTP bundle)", "manual-nat", { masqueraded: 1, direct: 0 }],
    ["protocol-both (no FTP bundle)", "protocol-both", { masqueraded: 0, direct: 1 }],
  ])("%s: what leaves the real servers from port 20 is masqueraded exactly when FTP is carried", (_, name, fromPort20) => {
    const link = createLink();
    cleanups.push(() => link.destroy());
    const rs = addRealServer(link.router);
    cleanups.push(() => rs.destroy());
    for (const src of ["10.200.0.2", "10.11.12.5"]) {
      link.client.exec("iptables", ["-A", "INPUT", "-s", src, "-p", "tcp", "--dport", "2121", "--tcp-flags", "SYN,ACK", "SYN"]);
    }
    link.client.exec("ip", ["route", "add", "10.11.12.0/24", "via", "10.200.0.2"]);
    const install = withScratch((dir) => {
      const file = join(dir, "install-marks.sh");
      writeFileSync(file, renderInstallScript(fixture(name)), { mode: 0o700 });
      return link.router.tryExec("bash", [file]);
    });
    expect(install.status, install.stderr).toBe(0);
    connectFrom(rs, 20);
    expect(synCounts(link.client)).toEqual(fromPort20);
    connectFrom(rs, 2020);
    expect(synCounts(link.client)).toEqual({ masqueraded: fromPort20.masqueraded, direct: fromPort20.direct + 1 });
  });
});
