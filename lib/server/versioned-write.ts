import "server-only";
import type { AuditInput } from "./audit";
import type { SessionUser } from "./auth/session";
import { bumpContentSerial } from "./cluster-serial";
import { NotFoundError, StaleVersionError } from "./data-errors";
import { db, type Tx } from "./db";
import { auditChange } from "./panel-audit";

/** One optimistic-locking write (update or delete) of one object, as versionedWrite runs it. */
export interface VersionedWrite<Row extends { version: number }, Current, Result> {
  /** The object as refusals name it ("virtual server"). */
  what: string;
  /** "delete" words the stale refusal for a delete ("Nothing was deleted"). */
  refused?: "edit" | "delete";
  /** Loads the object inside the transaction; null when it is gone. */
  find: (tx: Tx) => Promise<Row | null>;
  /** Today's values: the stale refusal carries them (StaleVersionError.current) so the form can show them. */
  current: (row: Row, tx: Tx) => Current | Promise<Current>;
  /** Refusals that come after the version check and before the write (a name taken, a script not allowed, …). */
  check?: (tx: Tx, row: Row, current: Current) => Promise<void> | void;
  /** The update or delete, made only where the row still has the expected version; returns how many rows it wrote. */
  write: (tx: Tx, row: Row) => Promise<{ count: number }>;
  /** The cluster whose content serial moves (cluster-serial.ts); null when the write moved it itself or deleted the cluster. */
  contentOf: (row: Row) => number | null;
  /** What the caller gets back, read after the write. */
  result: (tx: Tx, row: Row, current: Current) => Promise<Result> | Result;
  /** The audit event of the write, from the row as it was, its values and the result. */
  audit: (row: Row, current: Current, result: Result) => Omit<AuditInput, "actor" | "ip">;
}

/**
 * The one optimistic-locking write: find → not found → version check →
 * checks → write where version → stale → content serial → audit, in one
 * transaction; a stale refusal carries the current values, typed by `current`.
 */
export async function versionedWrite<Row extends { version: number }, Current, Result>(
  user: SessionUser, version: number, spec: VersionedWrite<Row, Current, Result>,
): Promise<Result> {
  return db.$transaction(async (tx) => {
    const row = await spec.find(tx);
    if (!row) throw new NotFoundError(spec.what);
    const current = await spec.current(row, tx);
    const stale = () => new StaleVersionError(spec.what, current, spec.refused);
    if (row.version !== version) throw stale();
    await spec.check?.(tx, row, current);
    const { count } = await spec.write(tx, row);
    if (count === 0) throw stale();
    const clusterId = spec.contentOf(row);
    if (clusterId !== null) await bumpContentSerial(tx, clusterId);
    const result = await spec.result(tx, row, current);
    await auditChange(tx, user, spec.audit(row, current, result));
    return result;
  });
}
