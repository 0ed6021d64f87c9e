import { describe, expect, it } from "vitest";
import { NotificationStore } from "./notifications.ts";

describe("NotificationStore", () => {
  it("raises, lists, acknowledges, deletes and mutes per vNF", () => {
    const store = new NotificationStore();
    const a = store.raise({ vnf: "ids-1", ue: "phone-1", kind: "ids-alert", message: "port scan" }, 5);
    store.raise({ vnf: "fw-1", ue: "phone-2", kind: "attack-detected", message: "SYN flood", data: { pps: 9000 } }, 6);
    expect(a).toEqual({ id: "n-1", vnf: "ids-1", ue: "phone-1", kind: "ids-alert", message: "port scan", data: {}, time: 5, acknowledged: false, muted: false });
    expect(store.list({ ue: "phone-2" }).map((n) => n.id)).toEqual(["n-2"]);
    expect(store.unreadCount()).toBe(2);

    expect(store.acknowledge("n-1")).toBe(true);
    expect(store.acknowledge("n-99")).toBe(false);
    expect(store.list({ unreadOnly: true }).map((n) => n.id)).toEqual(["n-2"]);

    store.mute("ids-1");
    const muted = store.raise({ vnf: "ids-1", ue: "phone-1", kind: "ids-alert", message: "again" }, 7);
    expect(muted.muted).toBe(true);
    expect(store.list({ unreadOnly: true }).map((n) => n.id)).toEqual(["n-2"]);
    expect(store.list({ vnf: "ids-1" }).map((n) => n.id)).toEqual(["n-1", "n-3"]);
    expect(store.counts("ids-1")).toEqual({ raised: 2, muted: 1 });

    store.unmute("ids-1");
    store.raise({ vnf: "ids-1", ue: "phone-1", kind: "measurement-done", message: "rtt 3 ms" }, 8);
    expect(store.list({ unreadOnly: true }).map((n) => n.id)).toEqual(["n-2", "n-4"]);

    expect(store.delete("n-2")).toBe(true);
    expect(store.delete("n-2")).toBe(false);
    expect(store.list().map((n) => n.id)).toEqual(["n-1", "n-3", "n-4"]);
    expect(store.raise({ vnf: "fw-1", ue: "phone-2", kind: "info", message: "x" }, 9).id).toBe("n-5");
    expect(store.counts("fw-1")).toEqual({ raised: 2, muted: 0 });
  });
});
