/**
 * Cookie layout of steering entries (64 bits):
 *
 *     | 16 bits: app tag 0x474e ("GN") | 32 bits: chain id | 16 bits: path version |
 *
 * so that one masked delete removes a chain version, a whole chain, or every steering entry on a
 * switch, and never touches entries of anyone else (e.g. the port patch, cookie 0).
 */
export const STEERING_TAG = 0x474en;
export const TAG_SHIFT = 48n;
export const ID_SHIFT = 16n;
/** Selects the tag bits: every steering entry. */
export const TAG_MASK = 0xffffn << TAG_SHIFT;
/** Selects tag and chain id: every version of one chain. */
export const CHAIN_MASK = 0xffffffffffffn << ID_SHIFT;
/** Selects everything: one version of one chain. */
export const VERSION_MASK = 0xffffffffffffffffn;

/** The cookie of version `version` (0 … 65535) of chain `id` (0 … 2^32−1). */
export function chainCookie(id: number, version: number): bigint {
  if (!(Number.isInteger(id) && id >= 0 && id <= 0xffffffff)) throw new RangeError(`chain id ${id} must be an integer in [0, 2^32)`);
  if (!(Number.isInteger(version) && version >= 0 && version <= 0xffff)) throw new RangeError(`chain version ${version} must be an integer in [0, 65535]`);
  return (STEERING_TAG << TAG_SHIFT) | (BigInt(id) << ID_SHIFT) | BigInt(version);
}

/** The chain id and version of a steering cookie, or undefined for other cookies. */
export function parseChainCookie(cookie: bigint): { id: number; version: number } | undefined {
  if (cookie >> TAG_SHIFT !== STEERING_TAG) return undefined;
  return { id: Number((cookie >> ID_SHIFT) & 0xffffffffn), version: Number(cookie & 0xffffn) };
}
