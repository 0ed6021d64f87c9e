import { errorName } from "../constants.ts";

/** An OFPT_ERROR the switch sent in reply to one of our requests. */
export class OpenFlowError extends Error {
  override readonly name = "OpenFlowError";
  constructor(
    readonly errorType: number,
    readonly code: number,
    /** Up to 64 bytes of the request that failed, as the switch echoed them. */
    readonly data: Uint8Array,
  ) {
    super(`switch replied with error ${errorName(errorType, code)} (type ${errorType}, code ${code})`);
  }
}

/** A request that got no reply in time. */
export class RequestTimeout extends Error {
  override readonly name = "RequestTimeout";
  constructor(
    readonly what: string,
    readonly timeoutMs: number,
  ) {
    super(`no reply to ${what} within ${timeoutMs} ms`);
  }
}

/** The connection closed while a request was waiting. */
export class ConnectionClosed extends Error {
  override readonly name = "ConnectionClosed";
  constructor(reason: string) {
    super(`connection closed: ${reason}`);
  }
}
