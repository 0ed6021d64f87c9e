/**
 * `buildImages()`: builds the lab images locally, without a registry: `gnf/base` (busybox-static
 * root file system, `docker import`), `gnf/net` on it, then each requested vNF image on
 * `gnf/net`. Each image is tagged `<repo>:<hash>` by the content hash of its build inputs (files,
 * libraries, scripts, Dockerfile, parent tag) and `<repo>:latest`; an image whose hash tag exists
 * is not rebuilt (a re-run only hashes the inputs: well under a second).
 *
 * Example: `const images = await buildImages({ kinds: ["wire"] })` → base, net and wire, each with
 * `ref` (e.g. "gnf/wire:3f2a…"), `built` (false when found) and sizes in bytes.
 */
import { mkdtemp, rm, writeFile, mkdir } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import Dockerode from "dockerode";
import { BASE_IMAGE, NET_RECIPE, VNF_KINDS, vnfRecipe, type LayerRecipe, type VnfKind } from "./catalog.ts";
import { buildContext, importRootfs, inspectImage, tagImage } from "./docker-images.ts";
import { BASE_CHANGES, basePlan, labelledDockerfile, layerPlan, type TaggedPlan } from "./plans.ts";
import { stageEntries } from "./stage.ts";

export interface BuildImagesOptions {
  /** vNF images to build (default: all); base and net are always built first. */
  kinds?: readonly VnfKind[];
  /** Rebuild even when the hash tag exists. */
  force?: boolean;
  /** Docker Engine client (default: the local socket). */
  docker?: Dockerode;
  /** Called with one line per image as it is found or built. */
  onProgress?: (message: string) => void;
}

export interface BuiltImage {
  /** Repository, e.g. "gnf/wire". */
  name: string;
  /** Content-hash tag (16 hex digits). */
  tag: string;
  /** `name:tag`. */
  ref: string;
  /** Docker image id (sha256:…). */
  id: string;
  /** False when an image with this hash tag already existed. */
  built: boolean;
  /** Time spent on this image (hashing, and building if built), ms. */
  ms: number;
  /** Size of the image with all its parent layers, bytes (`docker image inspect` Size). */
  sizeBytes: number;
  /** Bytes this image adds to its parent (sizeBytes − parent's sizeBytes). */
  ownBytes: number;
}

async function withStaging<T>(fn: (dir: string) => Promise<T>): Promise<T> {
  const dir = await mkdtemp(join(tmpdir(), "gnf-image-"));
  try {
    return await fn(dir);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

export async function buildImages(options: BuildImagesOptions = {}): Promise<BuiltImage[]> {
  const docker = options.docker ?? new Dockerode();
  const kinds = options.kinds ?? VNF_KINDS;
  const say = options.onProgress ?? (() => undefined);
  const results: BuiltImage[] = [];

  const finish = async (name: string, plan: TaggedPlan, built: boolean, started: number, parentSize: number): Promise<BuiltImage> => {
    const ref = `${name}:${plan.tag}`;
    const info = await inspectImage(docker, ref);
    if (!info) throw new Error(`image ${ref} is missing right after it was built`);
    const latest = await inspectImage(docker, `${name}:latest`);
    if (latest?.Id !== info.Id) await tagImage(docker, ref, name, "latest");
    const image: BuiltImage = { name, tag: plan.tag, ref, id: info.Id, built, ms: performance.now() - started, sizeBytes: info.Size, ownBytes: info.Size - parentSize };
    say(`${ref} ${built ? "built" : "present"} (${(info.Size / 1e6).toFixed(1)} MB, +${(image.ownBytes / 1e6).toFixed(2)} MB, ${image.ms.toFixed(0)} ms)`);
    results.push(image);
    return image;
  };

  let started = performance.now();
  const base = await basePlan();
  let built = false;
  if (options.force || !(await inspectImage(docker, `${BASE_IMAGE}:${base.tag}`))) {
    await withStaging(async (dir) => {
      await stageEntries(dir, base.entries);
      await importRootfs(docker, dir, BASE_IMAGE, base.tag, BASE_CHANGES);
    });
    built = true;
  }
  const baseImage = await finish(BASE_IMAGE, base, built, started, 0);

  const layer = async (recipe: LayerRecipe, parent: BuiltImage): Promise<BuiltImage> => {
    started = performance.now();
    const plan = await layerPlan(recipe, parent.ref);
    const ref = `${recipe.name}:${plan.tag}`;
    let fresh = false;
    if (options.force || !(await inspectImage(docker, ref))) {
      await withStaging(async (dir) => {
        await mkdir(join(dir, "rootfs"));
        await stageEntries(join(dir, "rootfs"), plan.entries);
        await writeFile(join(dir, "Dockerfile"), labelledDockerfile(recipe, parent.ref, plan.hash));
        await buildContext(docker, dir, ref);
      });
      fresh = true;
    }
    return finish(recipe.name, plan, fresh, started, parent.sizeBytes);
  };

  const net = await layer(NET_RECIPE, baseImage);
  for (const kind of kinds) await layer(vnfRecipe(kind), net);
  return results;
}
