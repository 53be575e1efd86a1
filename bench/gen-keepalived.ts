// Writes bench/out/keepalived-10k.conf: the 10,000-service benchmark document rendered as keepalived.conf (10 real servers each).
import { mkdirSync, writeFileSync } from "node:fs";
import { renderKeepalived } from "../lib/domain/render";
import { parseDocument } from "../lib/domain/schema";
import { generateDocument } from "./lib/generate-document";

const out = new URL("./out/", import.meta.url);
mkdirSync(out, { recursive: true });
const parsed = parseDocument(generateDocument(10000));
if (!parsed.ok) throw new Error(`generated document is invalid: ${parsed.lines.slice(0, 5).join("; ")}`);
writeFileSync(new URL("keepalived-10k.conf", out), renderKeepalived(parsed.doc));
