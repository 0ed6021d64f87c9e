/**
 * A message that cannot be decoded (truncated, lying length, unknown type where one is required).
 * `offset` is the byte offset into the message where decoding failed and `field` the path of the
 * field being read, e.g. `flow_mod.match.oxm[2].value`.
 */
export class DecodeError extends Error {
  override readonly name = "DecodeError";
  constructor(
    readonly offset: number,
    readonly field: string,
    readonly reason: string,
  ) {
    super(`cannot decode ${field} at byte offset ${offset}: ${reason}`);
  }
}

/** A message object that cannot be encoded (a value out of range, a missing field). */
export class EncodeError extends Error {
  override readonly name = "EncodeError";
  constructor(
    readonly field: string,
    readonly reason: string,
  ) {
    super(`cannot encode ${field}: ${reason}`);
  }
}
