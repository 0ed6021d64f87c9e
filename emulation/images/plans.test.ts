import { describe, expect, it } from "vitest";
import { NET_RECIPE, vnfRecipe } from "./catalog.ts";
import { hashLayer, parentDirectories, type LayerEntry } from "./layer-plan.ts";
import { dockerfile, labelledDockerfile } from "./plans.ts";

describe("layer plans", () => {
  it("write a Dockerfile FROM the tag-pinned parent with the entrypoint script", () => {
    expect(dockerfile(vnfRecipe("wire"), "gnf/net:0123456789abcdef")).toBe(
      'FROM gnf/net:0123456789abcdef\nCOPY rootfs/ /\nLABEL gnf.image="wire" gnf.vnf="wire"\nENTRYPOINT ["/bin/sh","/gnf/wire.sh"]\nCMD []\n',
    );
    expect(labelledDockerfile(NET_RECIPE, "gnf/base:00", "ab")).toBe('FROM gnf/base:00\nCOPY rootfs/ /\nLABEL gnf.image="net"\nLABEL gnf.inputs="ab"\n');
  });

  it("hash every input: the same entries give the same hash, any change of content, mode, link or parent another", async () => {
    const base: LayerEntry[] = [
      { path: "/gnf/a.sh", kind: "text", text: "echo a\n", mode: 0o755 },
      { path: "/usr/sbin/iptables", kind: "link", target: "xtables-legacy-multi" },
      { path: "/run", kind: "directory" },
    ];
    const h = await hashLayer(base, ["FROM gnf/base:1"]);
    expect(h).toMatch(/^[0-9a-f]{64}$/);
    expect(await hashLayer([...base].reverse(), ["FROM gnf/base:1"])).toBe(h);
    const variants: [LayerEntry[], string[]][] = [
      [[{ ...base[0], text: "echo b\n" } as LayerEntry, base[1] as LayerEntry, base[2] as LayerEntry], ["FROM gnf/base:1"]],
      [[{ ...base[0], mode: 0o644 } as LayerEntry, base[1] as LayerEntry, base[2] as LayerEntry], ["FROM gnf/base:1"]],
      [[base[0] as LayerEntry, { ...base[1], target: "xtables-nft-multi" } as LayerEntry, base[2] as LayerEntry], ["FROM gnf/base:1"]],
      [base, ["FROM gnf/base:2"]],
      [base.slice(0, 2), ["FROM gnf/base:1"]],
    ];
    const hashes = await Promise.all(variants.map(([e, x]) => hashLayer(e, x)));
    expect(new Set([h, ...hashes]).size).toBe(variants.length + 1);
  });

  it("create the parent directories of every entry", () => {
    expect(parentDirectories([{ path: "/lib/x86_64-linux-gnu/libc.so.6", kind: "link", target: "x" }, { path: "/run", kind: "directory" }]).map((d) => d.path)).toEqual(["/lib", "/lib/x86_64-linux-gnu", "/run"]);
  });
});
