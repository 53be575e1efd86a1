import type { LvsDocument } from "../schema/document";
import type { VirtualServer } from "../schema/virtual-server";
import { canonicalAddress, familyOf, type Family } from "./address";
import { deriveBundles, deriveRuleSets, type MarkRuleSet, type ModelBundle } from "./bundles";
import { findRepeats, type Repeats } from "./repeats";
import { ftpMasquerade, type FtpMasquerade } from "./ftp-nat";
import { deriveServices, type IpvsService } from "./services";

/** A virtual server with its document index, family and canonical VIP. */
export interface ModelVirtualServer {
  index: number;
  vs: VirtualServer;
  family: Family;
  vip: string;
}

/** An active virtual server that uses a firewall mark. */
export interface MarkServer extends ModelVirtualServer {
  mark: number;
}

/** The one spelling of "a mark in an address family": IPVS keeps one fwmark service per pair. */
export function markKey(family: Family, mark: number): string {
  return `${family}/${mark}`;
}

// Lint, every renderer, import and the CLI read the same views of a document;
// they are derived here once per document. What only some readers need (IPVS
// services, repeated keys, the FTP masquerade) is derived on first use, so
// `lint` or one mark artifact does not pay for 100,000 real servers it never reads.
/** Everything derived from one validated document (shared read-only: never mutate it or the document). */
export class DerivedModel {
  /** Bundles in document order, VIP canonical, ports parsed. */
  readonly bundles: readonly ModelBundle[];
  /** Every bundle × protocol in document order, ports sorted with overlaps merged. */
  readonly ruleSets: readonly MarkRuleSet[];
  /** Every virtual server in document order (active or not). */
  readonly virtualServers: readonly ModelVirtualServer[];
  /** Active virtual servers using a firewall mark. */
  readonly markServers: readonly MarkServer[];
  readonly #ruleSetsByFamily: Record<Family, readonly MarkRuleSet[]>;
  #services?: readonly IpvsService[];
  #repeats?: Repeats;
  #ftp?: FtpMasquerade | null;

  constructor(readonly doc: LvsDocument) {
    this.bundles = deriveBundles(doc.firewallMarks);
    this.ruleSets = deriveRuleSets(this.bundles);
    this.#ruleSetsByFamily = { 4: this.ruleSets.filter((r) => r.family === 4), 6: this.ruleSets.filter((r) => r.family === 6) };
    this.virtualServers = doc.virtualServers.map((vs, index) => ({ index, vs, family: familyOf(vs.vip), vip: canonicalAddress(vs.vip) }));
    this.markServers = this.virtualServers.flatMap((s) => (s.vs.active && s.vs.firewallMark !== undefined ? [{ ...s, mark: s.vs.firewallMark }] : []));
  }

  /** Rule sets of one address family, in document order. */
  ruleSetsOf(family: Family): readonly MarkRuleSet[] {
    return this.#ruleSetsByFamily[family];
  }

  /** The IPVS services of the active virtual servers, in document order. */
  get ipvsServices(): readonly IpvsService[] {
    return (this.#services ??= deriveServices(this.doc.cluster.network, this.virtualServers));
  }

  /** Names and marks used again where they must be unique (import, lint and the data layer all read this). */
  get repeats(): Repeats {
    return (this.#repeats ??= findRepeats(this));
  }

  /** The active-FTP masquerade a NAT cluster carrying FTP needs, or null. */
  get ftpMasquerade(): FtpMasquerade | null {
    if (this.#ftp === undefined) this.#ftp = ftpMasquerade(this.doc, this.ruleSets);
    return this.#ftp;
  }
}

/** Derives the model of a validated document once; pass it on instead of the document. */
export function deriveModel(doc: LvsDocument): DerivedModel {
  return new DerivedModel(doc);
}

/** What renderers, lint helpers and the FORMATS registry accept: a document or its already-derived model. */
export type ModelInput = LvsDocument | DerivedModel;

/** The model of the input, derived only when a bare document was given. */
export function modelOf(input: ModelInput): DerivedModel {
  return input instanceof DerivedModel ? input : new DerivedModel(input);
}

/** The document of the input, for readers that need none of the derived views. */
export function documentOf(input: ModelInput): LvsDocument {
  return input instanceof DerivedModel ? input.doc : input;
}
