import { errorName } from "../constants.ts";
import { toBytes, type MessageOf } from "../codec/index.ts";

/** An OFPT_ERROR (or experimenter error) the switch sent in reply to one of our messages. */
export class OpenFlowError extends Error {
  override readonly name = "OpenFlowError";
  constructor(
    /** OFPET_* (0xffff for experimenter errors). */
    readonly errorType: number,
    /** OFP*C_* code within the type (the experimenter's exp_type for experimenter errors). */
    readonly code: number,
    /** Up to 64 bytes of the request that failed, as the switch echoed them. */
    readonly data: Uint8Array,
    /** Transaction id of the failed request. */
    readonly xid = 0,
  ) {
    super(`switch replied with error ${errorName(errorType, code)} (type ${errorType}, code ${code})`);
  }

  static from(message: MessageOf<"error"> | MessageOf<"error_experimenter">): OpenFlowError {
    if (message.type === "error") return new OpenFlowError(message.errorType, message.code, toBytes(message.data, "error.data"), message.xid);
    return new OpenFlowError(0xffff, message.expType, toBytes(message.data, "error.data"), message.xid);
  }
}

/** A request that got no reply in time. */
export class RequestTimeout extends Error {
  override readonly name = "RequestTimeout";
  constructor(
    readonly what: string,
    /** ms */
    readonly timeoutMs: number,
  ) {
    super(`no reply to ${what} within ${timeoutMs} ms`);
  }
}

/** The connection closed (or was never usable) while something was waiting on it. */
export class ConnectionClosed extends Error {
  override readonly name = "ConnectionClosed";
  constructor(readonly reason: string) {
    super(`connection closed: ${reason}`);
  }
}

/** One message of a batch that the switch refused. */
export interface BatchFailure {
  /** Position of the message in the batch given to `sendBatch`. */
  index: number;
  /** Its message type, e.g. "flow_mod". */
  messageType: string;
  error: OpenFlowError;
}

/** The switch answered one or more messages of a batch with OFPT_ERROR (the others were applied). */
export class BatchFailed extends Error {
  override readonly name = "BatchFailed";
  constructor(readonly failures: readonly BatchFailure[]) {
    super(`switch refused ${failures.length} message(s) of the batch: ${failures.map((f) => `#${f.index} ${f.messageType}: ${errorName(f.error.errorType, f.error.code)}`).join("; ")}`);
  }
}
