import "server-only";
import * as z from "zod";
import type { ActionArg } from "../action-client";
import { DataError } from "../data-errors";

/** Cluster ids arrive from the browser: positive integers only. */
export const clusterIdSchema = z.int().positive();

/** A cluster id, from an argument or a form field; refused with the field's name. */
export function parseClusterId(value: unknown): number {
  const id = clusterIdSchema.safeParse(value);
  if (!id.success) throw new DataError("clusterId: a positive integer", { fieldErrors: { clusterId: "a positive integer" } });
  return id.data;
}

/** The cluster an action works in, passed as a number. */
export const clusterIdArg = (): ActionArg<number, number> => ({ parse: parseClusterId });

/** The cluster an upload form posts in its `clusterId` field. */
export const formClusterId = (form: FormData): number => parseClusterId(Number(form.get("clusterId")));
