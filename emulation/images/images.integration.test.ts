/**
 * Building the lab images on this machine's Docker Engine: all ten images exist with their content
 * hash tag, latest points at them, a re-run finds them all and builds nothing, quickly. Skips when
 * Docker is missing, unless GNF_REQUIRE_EMULATION=1.
 */
import Dockerode from "dockerode";
import { describe, expect, it } from "vitest";
import { labRequired } from "../lab/availability.ts";
import { checkDocker } from "../vnf/docker-client.ts";
import { VNF_KINDS } from "./catalog.ts";
import { buildImages } from "./build.ts";

const docker = await checkDocker();
if (docker !== true && !labRequired()) console.warn(`skipping image build tests: ${docker}`);

describe.runIf(docker === true || labRequired())("lab images", () => {
  it("builds gnf/base, gnf/net and every vNF image, tagged by content hash; a re-run builds nothing", async () => {
    if (docker !== true) throw new Error(`GNF_REQUIRE_EMULATION=1 but Docker is missing: ${docker}`);
    const first = await buildImages();
    expect(first.map((i) => i.name)).toEqual(["gnf/base", "gnf/net", ...VNF_KINDS.map((k) => `gnf/${k}`)]);
    const t0 = performance.now();
    const again = await buildImages();
    const rerunMs = performance.now() - t0;
    expect(again.map((i) => [i.ref, i.id, i.built])).toEqual(first.map((i) => [i.ref, i.id, false]));
    expect(rerunMs).toBeLessThan(5000);
    const client = new Dockerode();
    for (const image of again) {
      expect(image.tag).toMatch(/^[0-9a-f]{16}$/);
      const info = await client.getImage(`${image.name}:latest`).inspect();
      expect(info.Id).toBe(image.id);
      if (image.name !== "gnf/base") expect(info.Config.Labels?.["gnf.inputs"]?.slice(0, 16)).toBe(image.tag);
      expect(image.sizeBytes).toBeGreaterThan(1_000_000);
      expect(image.sizeBytes).toBeLessThan(40_000_000);
    }
    console.info(`image sizes: ${again.map((i) => `${i.name} ${(i.sizeBytes / 1e6).toFixed(2)} MB (+${(i.ownBytes / 1e3).toFixed(1)} kB)`).join(", ")}; re-run ${rerunMs.toFixed(0)} ms`);
  }, 300_000);
});
