import "server-only";
import { familyOf, type Family } from "@/lib/domain/model/address";
import { formatRange, type PortRange } from "@/lib/domain/model/ports";

// How scalar values of the model are stored in columns. Every mapper
// (cluster-mapping, bundle-mapping, virtual-server-mapping, real-server-mapping)
// converts through here and nothing else converts them.

/** The stored name of an address family ("ipv4" | "ipv6"); a mark is unique per cluster and stored family. */
export type StoredFamily = "ipv4" | "ipv6";

/** The model's family (4 | 6) as stored. */
export const storedFamilyOf = (family: Family): StoredFamily => (family === 6 ? "ipv6" : "ipv4");

/** The stored family of an address. */
export const storedFamilyOfAddress = (address: string): StoredFamily => storedFamilyOf(familyOf(address));

/** A stored family as the model's family. */
export const familyFromStored = (stored: string): Family => (stored === "ipv6" ? 6 : 4);

/** A mark column (BigInt: marks reach 4294967295) as the model's number. */
export const markFromColumn = (mark: bigint): number => Number(mark);

/** A nullable mark column as the model's optional mark. */
export const optionalMarkFromColumn = (mark: bigint | null): number | undefined => (mark === null ? undefined : Number(mark));

/** The model's mark as its column. */
export const markToColumn = (mark: number): bigint => BigInt(mark);

/** The model's optional mark as its nullable column. */
export const optionalMarkToColumn = (mark: number | undefined): bigint | null => (mark === undefined ? null : BigInt(mark));

/** The "mark per family" key of a bundle (or of a virtual server's mark): the columns a mark is unique on. */
export function markFamilyKey(mark: number, vip: string): { mark: bigint; family: StoredFamily } {
  return { mark: markToColumn(mark), family: storedFamilyOfAddress(vip) };
}

/** True when a virtual server's stored mark and VIP name the bundle's mark and family. */
export function usesMarkOf(vs: { firewallMark: bigint | null; vip: string }, bundle: { mark: bigint; family: string }): boolean {
  return vs.firewallMark === bundle.mark && storedFamilyOfAddress(vs.vip) === bundle.family;
}

// IPv6 masks are stored as text ("64") but the schema carries prefix lengths as numbers.
/** A stored mask as the schema carries it: IPv6 prefix lengths as numbers, dotted IPv4 masks as text. */
export const maskFromColumn = (mask: string | null, address: string): string | number | undefined =>
  mask === null ? undefined : familyOf(address) === 6 && /^\d+$/.test(mask) ? Number(mask) : mask;

/** The schema's mask (dotted text or prefix length) as its nullable text column. */
export const maskToColumn = (mask: string | number | undefined): string | null => (mask === undefined ? null : String(mask));

/** A stored port range as the document's port spec ("80", "10000-20000"). */
export const portSpecOf = (range: PortRange): string => formatRange(range, "-");

/** Drops undefined entries, so a stored object reads back with the keys it was written with. */
export function definedOnly<T extends Record<string, unknown>>(o: T): T {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as T;
}

/** A nullable text column as an optional value. */
export const optionalText = (v: string | null): string | undefined => v ?? undefined;

/** A nullable number column as an optional value. */
export const optionalNumber = (v: number | null): number | undefined => v ?? undefined;

/** Which column of row type R holds each field of a nested settings object (healthCheck, vrrp). */
export type ColumnTable<R> = Readonly<Record<string, keyof R & string>>;

/** The columns a table names, with the row's own column types. */
export type ColumnsOf<R, M extends ColumnTable<R>> = { -readonly [K in keyof M as M[K]]: R[M[K]] };

/** A settings object's fields as their columns by the table (null for every field not set, or no object at all). */
export function toColumns<R, M extends ColumnTable<R>>(value: object | undefined, table: M): ColumnsOf<R, M> {
  const data: Record<string, unknown> = {};
  for (const [field, column] of Object.entries(table)) data[column] = (value as Record<string, unknown> | undefined)?.[field] ?? null;
  return data as ColumnsOf<R, M>;
}

/** A row's columns back as the settings object's fields, in the table's order; null columns are left out. */
export function fromColumns<R>(row: R, table: ColumnTable<R>): Record<string, unknown> {
  const value: Record<string, unknown> = {};
  for (const [field, column] of Object.entries(table)) {
    const stored = row[column];
    if (stored !== null && stored !== undefined) value[field] = stored;
  }
  return value;
}
