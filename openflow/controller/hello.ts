/**
 * HELLO version negotiation (OpenFlow 1.3 spec §6.3.1), done on the raw frame so that a switch
 * speaking another version still gets a proper HELLO_FAILED instead of a decode error.
 *
 * Rule: if the peer's HELLO carries a version bitmap (element type 1), 1.3 must be set in it;
 * otherwise the negotiated version is min(ours, the header's version), which must be 1.3.
 */
import { MessageType, OFP_HEADER_SIZE, OFP_VERSION } from "../constants.ts";
import type { OfMessage } from "../codec/index.ts";

/** OFPHET_VERSIONBITMAP. */
export const HELLO_ELEMENT_VERSION_BITMAP = 1;

export interface PeerHello {
  /** Version byte of the HELLO header. */
  headerVersion: number;
  /** First 32 bits of the version bitmap (bit n = wire version n), if the peer sent one. */
  bitmap?: number;
}

/** Reads a HELLO frame of any version; undefined if the frame is not a HELLO. */
export function readHello(frame: Uint8Array): PeerHello | undefined {
  if (frame.length < OFP_HEADER_SIZE || frame[1] !== MessageType.HELLO) return undefined;
  const view = new DataView(frame.buffer, frame.byteOffset, frame.byteLength);
  const hello: PeerHello = { headerVersion: frame[0] as number };
  let pos = OFP_HEADER_SIZE;
  while (pos + 4 <= frame.length) {
    const type = view.getUint16(pos);
    const length = view.getUint16(pos + 2);
    if (length < 4 || pos + length > frame.length) break;
    if (type === HELLO_ELEMENT_VERSION_BITMAP && length >= 8) {
      hello.bitmap = view.getUint32(pos + 4);
      break;
    }
    pos += (length + 7) & ~7;
  }
  return hello;
}

/** True when the peer's HELLO lets both sides speak OpenFlow 1.3. */
export function agreesOnOpenFlow13(hello: PeerHello): boolean {
  if (hello.bitmap !== undefined) return (hello.bitmap & (1 << OFP_VERSION)) !== 0;
  return hello.headerVersion >= OFP_VERSION;
}

/** Our HELLO: header version 1.3 and a bitmap offering only 1.3. */
export function ourHello(xid: number): OfMessage {
  return { type: "hello", xid, elements: [{ elementType: HELLO_ELEMENT_VERSION_BITMAP, bitmaps: [1 << OFP_VERSION] }] };
}
