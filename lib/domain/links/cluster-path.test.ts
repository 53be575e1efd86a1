import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { clusterIdOfSegment, clusterPath, clusterSegment, isClusterSection, sectionPath, splitClusterPath } from "./cluster-path";

const edge = { id: 7, name: "edge-1" };

describe("clusterPath", () => {
  it("puts the cluster's id and name in front of a cluster-relative path", () => {
    expect(clusterPath(edge)).toBe("/c/7-edge-1");
    expect(clusterPath(edge, "/")).toBe("/c/7-edge-1");
    expect(clusterPath(edge, "/virtual-servers/7#f-rs-3-name")).toBe("/c/7-edge-1/virtual-servers/7#f-rs-3-name");
    expect(clusterPath(edge, "/?q=web")).toBe("/c/7-edge-1?q=web");
    expect(clusterPath(edge, "?q=web")).toBe("/c/7-edge-1?q=web");
    expect(clusterPath(edge, "/#main")).toBe("/c/7-edge-1#main");
    expect(clusterPath("7-old", "/settings")).toBe("/c/7-old/settings");
  });

  it("keeps names browsers would rewrite inside the segment", () => {
    expect(clusterPath({ id: 2, name: ".." }, "/preview")).toBe("/c/2-../preview");
    expect(new URL(clusterPath({ id: 2, name: ".." }, "/preview"), "http://x").pathname).toBe("/c/2-../preview");
  });

  it("refuses a path that is not cluster-relative", () => {
    expect(() => clusterPath(edge, "virtual-servers")).toThrow(/starts with \//);
  });

  it("round-trips every cluster id, name and path", () => {
    const name = fc.stringMatching(/^[A-Za-z0-9_.-]{1,31}$/);
    const id = fc.integer({ min: 1, max: 2_147_483_647 });
    const rest = fc.constantFrom("/", "/settings", "/virtual-servers/12", "/exports/3/restore", "/firewall-marks/new");
    fc.assert(fc.property(id, name, rest, (i, n, r) => {
      const split = splitClusterPath(new URL(clusterPath({ id: i, name: n }, r), "http://x").pathname);
      expect(split).toEqual({ segment: clusterSegment({ id: i, name: n }), rest: r });
      expect(clusterIdOfSegment(split!.segment)).toBe(i);
    }));
  });
});

describe("clusterIdOfSegment", () => {
  it("reads the id, whatever name follows it", () => {
    expect(clusterIdOfSegment("7-edge-1")).toBe(7);
    expect(clusterIdOfSegment("7")).toBe(7);
    expect(clusterIdOfSegment("12-3-dmz")).toBe(12);
    expect(clusterIdOfSegment("7-")).toBe(7);
  });

  it("is null for a segment that names no row id", () => {
    for (const s of ["edge-1", "0-x", "07-x", "-7", "7x", "2147483648-x", "99999999999-x", "", "1e3"]) expect(clusterIdOfSegment(s)).toBeNull();
  });
});

describe("splitClusterPath", () => {
  it("finds the segment and the rest, ignoring query and fragment", () => {
    expect(splitClusterPath("/c/3-dmz/firewall-marks/4")).toEqual({ segment: "3-dmz", rest: "/firewall-marks/4" });
    expect(splitClusterPath("/c/3-dmz/")).toEqual({ segment: "3-dmz", rest: "/" });
    expect(splitClusterPath("/c/3-dmz?q=1")).toEqual({ segment: "3-dmz", rest: "/" });
  });

  it("is null outside a cluster's pages", () => {
    expect(splitClusterPath("/users")).toBeNull();
    expect(splitClusterPath("/c")).toBeNull();
    expect(splitClusterPath("/clusters")).toBeNull();
  });
});

describe("sections", () => {
  it("knows which old addresses were cluster pages", () => {
    expect(isClusterSection(["virtual-servers", "7"])).toBe(true);
    expect(isClusterSection(["preview"])).toBe(true);
    expect(isClusterSection(["users"])).toBe(false);
    expect(isClusterSection(["c", "edge"])).toBe(false);
    expect(isClusterSection([])).toBe(false);
  });

  it("keeps the section and drops the object when switching clusters", () => {
    expect(sectionPath("/virtual-servers/7")).toBe("/virtual-servers");
    expect(sectionPath("/exports/3/restore")).toBe("/exports");
    expect(sectionPath("/settings")).toBe("/settings");
    expect(sectionPath("/")).toBe("/");
    expect(sectionPath("/unknown")).toBe("/");
  });
});
