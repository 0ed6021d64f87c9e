/**
 * Event maps of a switch connection and of the controller (typed Node EventEmitters).
 * Asynchronous switch messages (packet-in, port-status, flow-removed) reach the app through them.
 */
import type { DecodeError, MessageOf, OfMessage } from "../codec/index.ts";
import type { SwitchConnection } from "./connection.ts";
import type { OpenFlowError } from "./errors.ts";

export interface ConnectionEvents {
  /** Handshake done; `datapathId` is known. */
  ready: [connection: SwitchConnection];
  /** Every decoded message from the switch, before it is dispatched. */
  message: [message: OfMessage];
  packet_in: [message: MessageOf<"packet_in">];
  port_status: [message: MessageOf<"port_status">];
  flow_removed: [message: MessageOf<"flow_removed">];
  /** An OFPT_ERROR that answers no waiting request or batch (e.g. for a fire-and-forget `send`). */
  switch_error: [error: OpenFlowError];
  /** A message that did not decode; the switch got an OFPT_ERROR back and the connection goes on. */
  malformed: [error: DecodeError, frame: Uint8Array];
  close: [reason: string];
}

export interface ControllerEvents {
  switch_connected: [connection: SwitchConnection];
  switch_disconnected: [connection: SwitchConnection, reason: string];
  packet_in: [connection: SwitchConnection, message: MessageOf<"packet_in">];
  port_status: [connection: SwitchConnection, message: MessageOf<"port_status">];
  flow_removed: [connection: SwitchConnection, message: MessageOf<"flow_removed">];
  /** A peer that connected but never became a switch (bad version, no HELLO, no FEATURES_REPLY). */
  handshake_failed: [error: Error];
}
