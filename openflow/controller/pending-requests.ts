/**
 * Requests waiting for their reply, by xid. A reply with the same xid settles the request; an
 * OFPT_ERROR with that xid rejects it with `OpenFlowError`; multipart replies flagged
 * OFPMPF_REPLY_MORE are collected until the last part. Each request has its own timeout (ms).
 */
import { OFPMPF_REPLY_MORE } from "../constants.ts";
import type { MultipartReplyBody, OfMessage } from "../codec/index.ts";
import { ConnectionClosed, OpenFlowError, RequestTimeout } from "./errors.ts";

/** A reply; for multipart requests `parts` holds every body in arrival order. */
export type Reply = OfMessage & { parts?: MultipartReplyBody[] };

interface Pending {
  what: string;
  resolve: (reply: Reply) => void;
  reject: (err: Error) => void;
  timer: NodeJS.Timeout;
  parts: MultipartReplyBody[];
}

export class PendingRequests {
  private readonly byXid = new Map<number, Pending>();

  /** Registers request `xid`; the promise settles with its reply, an error, a timeout or a close. */
  wait(xid: number, what: string, timeoutMs: number): Promise<Reply> {
    return new Promise<Reply>((resolve, reject) => {
      const timer = setTimeout(() => {
        this.byXid.delete(xid);
        reject(new RequestTimeout(`${what} (xid ${xid})`, timeoutMs));
      }, timeoutMs);
      this.byXid.set(xid, { what, resolve, reject, timer, parts: [] });
    });
  }

  has(xid: number): boolean {
    return this.byXid.has(xid);
  }

  get size(): number {
    return this.byXid.size;
  }

  /** Offers a received message; true if it belonged to a waiting request. */
  offer(message: OfMessage): boolean {
    const pending = this.byXid.get(message.xid);
    if (!pending) return false;
    if (message.type === "error" || message.type === "error_experimenter") {
      this.finish(message.xid, pending);
      pending.reject(OpenFlowError.from(message));
      return true;
    }
    if (message.type === "multipart_reply") {
      pending.parts.push(message.body);
      if ((message.flags & OFPMPF_REPLY_MORE) !== 0) return true;
      this.finish(message.xid, pending);
      pending.resolve({ ...message, parts: pending.parts });
      return true;
    }
    this.finish(message.xid, pending);
    pending.resolve(message);
    return true;
  }

  /** Rejects everything still waiting with ConnectionClosed. */
  rejectAll(reason: string): void {
    for (const [xid, p] of this.byXid) {
      clearTimeout(p.timer);
      p.reject(new ConnectionClosed(`${reason} (while waiting for ${p.what} xid ${xid})`));
    }
    this.byXid.clear();
  }

  private finish(xid: number, pending: Pending): void {
    clearTimeout(pending.timer);
    this.byXid.delete(xid);
  }
}
