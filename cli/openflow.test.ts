import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { runCli, spawnCli } from "./test-support.ts";

const FLOW_MOD = new URL("../openflow/testdata/openflow13/ryu-packet-data/libofproto-OFP13-flow_mod.packet", import.meta.url);
const hex = Buffer.from(readFileSync(FLOW_MOD)).toString("hex");

describe("gnf openflow", () => {
  it("decodes hex from the argument (whitespace and 0x allowed) to JSON", async () => {
    const r = await runCli(["openflow", "decode", "0x04 14 00 08", "00 00 00 2a"]);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toEqual({ type: "barrier_request", xid: 42 });
  });

  it("decodes several concatenated messages to an array", async () => {
    const r = await runCli(["openflow", "decode", "0414000800000001", "0415000800000002"]);
    expect(JSON.parse(r.stdout)).toEqual([
      { type: "barrier_request", xid: 1 },
      { type: "barrier_reply", xid: 2 },
    ]);
  });

  it("round-trips a flow_mod through decode (stdin) and encode (stdin) as real processes", async () => {
    const decoded = await spawnCli(["openflow", "decode"], `${hex.replace(/(.{32})/g, "$1\n")}\n`);
    expect(decoded.code).toBe(0);
    expect((JSON.parse(decoded.stdout) as { type: string }).type).toBe("flow_mod");
    const encoded = await spawnCli(["openflow", "encode"], decoded.stdout);
    expect(encoded.code).toBe(0);
    expect(encoded.stdout.trim()).toBe(hex);
  });

  it("bad input: exit 2 with the byte offset and the field", async () => {
    const truncated = await runCli(["openflow", "decode", hex.slice(0, 120)]);
    expect(truncated.code).toBe(2);
    expect(truncated.stderr).toBe(`gnf: openflow decode: decoding failed at byte offset 0 in field header: 60 trailing byte(s) do not form a whole message\n`);
    const badField = await runCli(["openflow", "decode", "04 0e 00 10 00 00 00 01 00 00 00 00 00 00 00 00"]);
    expect(badField.code).toBe(2);
    expect(badField.stderr).toBe("gnf: openflow decode: decoding failed at byte offset 16 in field flow_mod.cookie_mask: needs 8 byte(s), only 0 left\n");
    const notHex = await runCli(["openflow", "decode", "zz"]);
    expect(notHex.code).toBe(2);
    expect(notHex.stderr).toBe('gnf: openflow decode: the input is not hex: "zz" is not an even number of hex digits\n');
    const version = await runCli(["openflow", "decode", "0100000800000001"]);
    expect(version.stderr).toBe("gnf: openflow decode: decoding failed at byte offset 0 in field header.version: version 0x01 is not OpenFlow 1.3 (0x04)\n");
  });

  it("encode: exit 2 for an empty list or no input, never an empty success", async () => {
    const empty = await spawnCli(["openflow", "encode"], "[]");
    expect(empty).toEqual({ code: 2, stdout: "", stderr: "gnf: openflow encode: the input is an empty list, so there is nothing to encode (expected a message object, or a list of at least one)\n" });
    const none = await spawnCli(["openflow", "encode"], "  \n");
    expect(none).toEqual({ code: 2, stdout: "", stderr: "gnf: openflow encode: no input on stdin (expected message JSON, as `gnf openflow decode` prints it)\n" });
  });

  it("encode: exit 2 naming the JSON key path of a bad field", async () => {
    const r = await spawnCli(["openflow", "encode"], JSON.stringify({ type: "packet_out", xid: 1, bufferId: 1, inPort: 1, actions: [{ type: "output", port: -5, maxLen: 0 }], data: "" }));
    expect(r.code).toBe(2);
    expect(r.stderr).toBe("gnf: openflow encode: actions[0].port: expected an integer from 0 to 4294967295, found -5\n");
  });
});
