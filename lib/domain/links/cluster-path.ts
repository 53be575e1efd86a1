/**
 * The cluster is part of every cluster page's URL: `/c/<id>-<name>/<section>…`.
 * The id finds the cluster, so an address survives a rename; the name is there
 * for the people who read the address. Pages, links and diagnostics speak of
 * cluster-relative paths ("/virtual-servers/7"); these helpers put the cluster in
 * front and take it off again.
 */

/** A cluster as its URLs name it. */
export interface ClusterRef {
  id: number;
  name: string;
}

/** The first path segment of every page that shows one cluster's content. */
export const CLUSTER_SECTIONS = [
  "settings", "redundancy", "virtual-servers", "firewall-marks", "preview", "exports", "import", "drift", "search",
] as const;

const SECTIONS: ReadonlySet<string> = new Set(CLUSTER_SECTIONS);

/** The URL segment of a cluster: `7-edge-1`. */
export function clusterSegment(cluster: ClusterRef): string {
  return `${cluster.id}-${encodeURIComponent(cluster.name)}`;
}

/** The cluster id a URL segment names (`7-edge-1`, `7-old-name` or `7`), or null when it names none. */
export function clusterIdOfSegment(segment: string): number | null {
  const match = /^([1-9]\d{0,9})(?:-|$)/.exec(segment);
  const id = match ? Number(match[1]) : NaN;
  return Number.isSafeInteger(id) && id <= 2_147_483_647 ? id : null;
}

/**
 * `{ id: 7, name: "edge-1" }` + `/virtual-servers/7#f-name` → `/c/7-edge-1/virtual-servers/7#f-name`;
 * "/" is the cluster's dashboard. A string is a segment as a URL already spells it.
 */
export function clusterPath(cluster: ClusterRef | string, path = "/"): string {
  const base = `/c/${typeof cluster === "string" ? cluster : clusterSegment(cluster)}`;
  if (path === "/" || path === "") return base;
  if (path.startsWith("?") || path.startsWith("#")) return `${base}${path}`;
  if (path.startsWith("/?") || path.startsWith("/#")) return `${base}${path.slice(1)}`;
  if (!path.startsWith("/")) throw new Error(`a cluster path starts with /, got ${path}`);
  return `${base}${path}`;
}

/** A pathname split into its cluster segment and the cluster-relative rest, or null outside `/c/<segment>`. */
export function splitClusterPath(pathname: string): { segment: string; rest: string } | null {
  const match = /^\/c\/([^/?#]+)(\/[^?#]*)?/.exec(pathname);
  if (!match) return null;
  return { segment: match[1]!, rest: match[2] && match[2] !== "/" ? match[2] : "/" };
}

/** Whether a cluster-relative path's first segment is a cluster page ("/virtual-servers/7" yes, "/users" no). */
export function isClusterSection(segments: readonly string[]): boolean {
  return segments.length > 0 && SECTIONS.has(segments[0]!);
}

/**
 * Where the same place is in another cluster: the section stays, the object
 * (an id of this cluster) does not — `/virtual-servers/7` → `/virtual-servers`.
 */
export function sectionPath(rest: string): string {
  const first = rest.split("/")[1] ?? "";
  return SECTIONS.has(first) ? `/${first}` : "/";
}
