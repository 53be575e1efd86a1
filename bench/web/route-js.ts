// JavaScript each console route makes Chromium download on a cold load,
// gzipped here (the figure is what crosses the wire with compression on).
import { gzipSync } from "node:zlib";
import { chromium } from "@playwright/test";

export interface RouteJs {
  path: string;
  status: number;
  scripts: number;
  kbRaw: number;
  kbGz: number;
  largestKbGz: number;
}

const LAUNCH = {
  executablePath: "/usr/bin/chromium",
  args: ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
};

/** Loads every console route in a fresh context and sums the gzipped size of its script responses. */
export async function measureRouteJs(base: string, token: string, clusterId: number, serverId: number): Promise<{ routes: RouteJs[]; maxKbGz: number }> {
  const paths = [
    ...["", "/virtual-servers", `/virtual-servers/${serverId}`, "/virtual-servers/new", "/firewall-marks", "/firewall-marks/new",
      "/preview", "/settings", "/redundancy", "/exports"].map((p) => `/c/${clusterId}${p}`),
    "/clusters", "/audit", "/users", "/account",
  ];
  const browser = await chromium.launch(LAUNCH);
  const routes: RouteJs[] = [];
  try {
    for (const path of paths) {
      const context = await browser.newContext();
      await context.addCookies([
        { name: "lvs_session", value: token, url: base },
        { name: "lvs_cluster", value: String(clusterId), url: base },
      ]);
      const page = await context.newPage();
      const bodies: Promise<Buffer>[] = [];
      page.on("response", (res) => {
        if (res.request().resourceType() === "script" && res.status() === 200) bodies.push(res.body());
      });
      const res = await page.goto(`${base}${path}`, { waitUntil: "networkidle", timeout: 120_000 });
      if (page.url().includes("/login")) throw new Error(`route ${path} sent the browser to /login: the session cookie was refused`);
      const scripts = await Promise.all(bodies);
      const gz = scripts.map((b) => gzipSync(b).length);
      routes.push({
        path,
        status: res?.status() ?? 0,
        scripts: scripts.length,
        kbRaw: scripts.reduce((n, b) => n + b.length, 0) / 1024,
        kbGz: gz.reduce((n, x) => n + x, 0) / 1024,
        largestKbGz: Math.max(0, ...gz) / 1024,
      });
      await context.close();
    }
  } finally {
    await browser.close();
  }
  return { routes, maxKbGz: Math.max(...routes.filter((r) => r.status === 200).map((r) => r.kbGz)) };
}
