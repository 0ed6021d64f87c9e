import { describe, expect, it } from "vitest";
import { Keepalive } from "./keepalive.ts";

describe("Keepalive", () => {
  it("sends an echo each period while the peer talks, and declares it dead after deadAfterMs of silence", () => {
    let now = 0;
    const log: string[] = [];
    const k = new Keepalive({ intervalMs: 100, deadAfterMs: 250, sendEcho: () => log.push(`echo@${now}`), onDead: (ms) => log.push(`dead@${now} after ${ms}`), now: () => now });
    now = 100;
    k.tick();
    now = 150;
    k.heard();
    now = 200;
    k.tick();
    now = 300;
    k.tick();
    now = 400;
    k.tick();
    expect(log).toEqual(["echo@100", "echo@200", "echo@300", "dead@400 after 250"]);
  });
});
