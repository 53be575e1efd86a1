import { describe, expect, it } from "vitest";
import { clusterSettingsSchema, formatIssues, healthCheckSchema } from ".";

function messages(r: { success: boolean; error?: unknown }): string[] {
  return r.success ? [] : formatIssues(r.error as never);
}

describe("health check schema", () => {
  it("accepts each type with the fields it uses", () => {
    expect(healthCheckSchema.safeParse({ type: "http", port: 8080, path: "/healthz", statusCode: 200, intervalSeconds: 5 }).success).toBe(true);
    expect(healthCheckSchema.safeParse({ type: "https", path: "/", digest: "0123456789abcdef0123456789abcdef" }).success).toBe(true);
    expect(healthCheckSchema.safeParse({ type: "dns", dnsName: "www.example.org", dnsType: "AAAA" }).success).toBe(true);
    expect(healthCheckSchema.safeParse({ type: "misc", script: "/usr/local/bin/check %h" }).success).toBe(true);
    expect(healthCheckSchema.safeParse({ type: "none" }).success).toBe(true);
  });

  it("refuses a field the type does not use, naming what the type allows", () => {
    const lines = messages(healthCheckSchema.safeParse({ type: "tcp", path: "/x" }));
    expect(lines.join("\n")).toMatch(/path: not used by a tcp check; allowed for tcp: port/);
    expect(messages(healthCheckSchema.safeParse({ type: "none", port: 80 })).join("\n")).toMatch(/port: not used by a none check/);
  });

  it("requires a script for misc and refuses bad paths, digests and ports", () => {
    expect(messages(healthCheckSchema.safeParse({ type: "misc" })).join("\n")).toMatch(/script: required for a misc check/);
    expect(healthCheckSchema.safeParse({ type: "http", path: "no-slash" }).success).toBe(false);
    expect(healthCheckSchema.safeParse({ type: "http", path: "/a b" }).success).toBe(false);
    expect(healthCheckSchema.safeParse({ type: "http", digest: "ABC" }).success).toBe(false);
    expect(healthCheckSchema.safeParse({ type: "tcp", port: 65536 }).success).toBe(false);
    expect(healthCheckSchema.safeParse({ type: "tcp", port: 0 }).success).toBe(false);
    expect(healthCheckSchema.safeParse({ type: "http", statusCode: 600 }).success).toBe(false);
    expect(healthCheckSchema.safeParse({ type: "ping" }).success).toBe(false);
  });
});

describe("VRRP settings schema", () => {
  const base = { name: "edge-1", primary: { publicIp: "203.0.113.2" } };

  it("fills priorities and preempt, leaves the router id to be derived", () => {
    const r = clusterSettingsSchema.safeParse({ ...base, vrrp: {} });
    expect(r.success && r.data.vrrp).toEqual({ priorityPrimary: 150, priorityBackup: 100, preempt: true });
  });

  it("refuses a backup priority not below the primary's, and router ids outside 1-255", () => {
    expect(messages(clusterSettingsSchema.safeParse({ ...base, vrrp: { priorityPrimary: 100, priorityBackup: 100 } })).join("\n"))
      .toMatch(/vrrp\.priorityBackup: got 100; allowed: an integer 1-99/);
    expect(clusterSettingsSchema.safeParse({ ...base, vrrp: { routerId: 0 } }).success).toBe(false);
    expect(clusterSettingsSchema.safeParse({ ...base, vrrp: { routerId: 256 } }).success).toBe(false);
    expect(clusterSettingsSchema.safeParse({ ...base, vrrp: { interface: "eth0", advertSeconds: 1, routerId: 51 } }).success).toBe(true);
  });
});
