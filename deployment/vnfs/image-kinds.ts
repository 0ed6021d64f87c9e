/**
 * Which lab image runs each vNF type of the catalog (`emulation/images/`): the names differ for
 * three types. Both worlds and the calibration (whose campaign tables name image kinds) use this
 * one table. Pure data.
 *
 *   monitoring → monitor, troubleshooting → troubleshoot, ids → ids-lite; the rest by their own name.
 */
import { VNF_TYPE_NAMES, type VnfTypeName } from "./types.ts";

export const IMAGE_KIND_OF_TYPE: Readonly<Record<VnfTypeName, string>> = Object.freeze({
  wire: "wire",
  firewall: "firewall",
  "rate-limiter": "rate-limiter",
  "http-filter": "http-filter",
  "ddos-dropper": "ddos-dropper",
  monitoring: "monitor",
  troubleshooting: "troubleshoot",
  ids: "ids-lite",
});

/** The catalog type an image kind runs, or undefined for a kind no type uses. */
export function typeOfImageKind(kind: string): VnfTypeName | undefined {
  return VNF_TYPE_NAMES.find((t) => IMAGE_KIND_OF_TYPE[t] === kind);
}
