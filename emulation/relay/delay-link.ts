/**
 * A delayed (and optionally rate-limited) link between two namespaces: a relay namespace in the
 * middle with two veth pairs,
 *
 *   a.ns [aIf] ── [relayA] relay ns [relayB] ── [bIf] b.ns
 *
 * and a `DelayRelay` forwarding between relayA and relayB after `delayMs` each way (RTT ≈ 2 ×
 * delayMs). `rateMbit` puts tbf on both relay interfaces (one per direction). Every veth end has
 * TX checksum offload off (frames leave the relay as they arrived, so checksums must be complete)
 * and GRO off. Everything is registered with the `Teardown`.
 */
import { labName } from "../lab/names.ts";
import { Namespace } from "../lab/namespace.ts";
import type { Teardown } from "../lab/teardown.ts";
import { VethPair } from "../lab/veth.ts";
import { DelayRelay } from "./delay-relay.ts";
import { applyRateLimit, type RateLimit } from "./rate-limit.ts";

export interface DelayLinkEnd {
  ns: Namespace;
  /** Interface name to create in `ns` (default: a fresh lab name). */
  ifname?: string;
  /** Address with prefix length, e.g. "10.9.0.1/24". */
  cidr?: string;
  mac?: string;
}

export interface DelayLinkOptions {
  a: DelayLinkEnd;
  b: DelayLinkEnd;
  /** One-way delay, ms (0 … 60,000). */
  delayMs: number;
  /** Optional rate limit of each direction. */
  rate?: RateLimit;
}

export class DelayLink {
  private constructor(
    readonly relayNs: Namespace,
    readonly relay: DelayRelay,
    /** Interface in a.ns. */
    readonly aIf: string,
    /** Interface in b.ns. */
    readonly bIf: string,
    /** Relay interfaces toward a and toward b. */
    readonly relayIfs: [string, string],
  ) {}

  static async create(teardown: Teardown, options: DelayLinkOptions): Promise<DelayLink> {
    const relayNs = await Namespace.create(labName("r"), teardown);
    const aIf = options.a.ifname ?? labName("a");
    const bIf = options.b.ifname ?? labName("b");
    const relayA = labName("x");
    const relayB = labName("y");
    await VethPair.create(aIf, relayA, teardown);
    await VethPair.create(bIf, relayB, teardown);
    for (const [ifname, ns] of [[aIf, options.a.ns], [bIf, options.b.ns], [relayA, relayNs], [relayB, relayNs]] as const) await VethPair.moveTo(ifname, ns);
    await options.a.ns.configure(aIf, options.a.cidr, options.a.mac);
    await options.b.ns.configure(bIf, options.b.cidr, options.b.mac);
    for (const ifname of [relayA, relayB]) {
      await relayNs.configure(ifname);
      await relayNs.exec("ethtool", ["-K", ifname, "gro", "off"]).catch(() => undefined);
      if (options.rate) await applyRateLimit((f, a) => relayNs.exec(f, a), ifname, options.rate);
    }
    const relay = await DelayRelay.start(teardown, { ns: relayNs, ifA: relayA, ifB: relayB, delayMs: options.delayMs });
    return new DelayLink(relayNs, relay, aIf, bIf, [relayA, relayB]);
  }
}
