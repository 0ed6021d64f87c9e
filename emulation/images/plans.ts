/**
 * Layer plans of the lab images: the busybox root file system of `gnf/base`, and the layers built
 * `FROM` a parent (`gnf/net`, the vNF images) with their Dockerfile.
 */
import { execFile } from "node:child_process";
import { readFile } from "node:fs/promises";
import { fileURLToPath } from "node:url";
import { BUSYBOX, IMAGE_PATH, type LayerRecipe } from "./catalog.ts";
import { cachedSharedLibraries } from "./ldd.ts";
import { hashLayer, installHint, parentDirectories, TAG_LENGTH, withLibraries, type LayerEntry } from "./layer-plan.ts";

/** Where the vNF shell scripts live. */
export const SCRIPTS_DIR = fileURLToPath(new URL("./scripts/", import.meta.url));

/** Image configuration of `gnf/base` (the `docker import --change` lines). */
export const BASE_CHANGES = [`ENV PATH=${IMAGE_PATH}`, 'CMD ["/bin/sh"]'];

/** A plan with its tag (the first TAG_LENGTH hex digits of the content hash). */
export interface TaggedPlan {
  entries: LayerEntry[];
  hash: string;
  tag: string;
}

/** Only what a root needs for the vNF scripts: users, protocol names. */
const ETC: Record<string, string> = {
  "/etc/passwd": "root:x:0:0:root:/root:/bin/sh\n",
  "/etc/group": "root:x:0:\n",
  "/etc/protocols": "ip 0 IP\nicmp 1 ICMP\ntcp 6 TCP\nudp 17 UDP\n",
};

function busyboxApplets(): Promise<string[]> {
  return new Promise((resolve, reject) => {
    execFile(BUSYBOX, ["--list"], { encoding: "utf8" }, (error, stdout) => {
      if (error) reject(new Error(`\`${BUSYBOX} --list\` failed (${error.message}): ${installHint(BUSYBOX)}`));
      else resolve(stdout.split("\n").map((s) => s.trim()).filter((s) => s !== "" && s !== "busybox"));
    });
  });
}

/** The busybox-static root file system: /bin/busybox, one /bin link per applet, /etc basics. */
export async function basePlan(): Promise<TaggedPlan> {
  const libs = await cachedSharedLibraries([BUSYBOX]).catch((err: Error) => {
    throw new Error(`${err.message}; ${installHint(BUSYBOX)}`);
  });
  if ((libs.get(BUSYBOX) ?? []).length > 0) throw new Error(`${BUSYBOX} is dynamically linked; gnf/base needs the static one: apt-get install busybox-static`);
  const entries: LayerEntry[] = [{ path: "/bin/busybox", kind: "file", source: BUSYBOX, mode: 0o755 }];
  for (const a of await busyboxApplets()) entries.push({ path: `/bin/${a}`, kind: "link", target: "busybox" });
  for (const [path, text] of Object.entries(ETC)) entries.push({ path, kind: "text", text, mode: 0o644 });
  for (const path of ["/tmp", "/run", "/root", "/proc", "/sys", "/dev"]) entries.push({ path, kind: "directory" });
  const hash = await hashLayer(entries, ["gnf/base", ...BASE_CHANGES]);
  return { entries, hash, tag: hash.slice(0, TAG_LENGTH) };
}

/** The Dockerfile of a layer, without the inputs label (which carries the hash of this text). */
export function dockerfile(recipe: LayerRecipe, parentRef: string): string {
  const lines = [`FROM ${parentRef}`, "COPY rootfs/ /"];
  const labels = Object.entries(recipe.labels).map(([k, v]) => `${k}=${JSON.stringify(v)}`);
  if (labels.length > 0) lines.push(`LABEL ${labels.join(" ")}`);
  if (recipe.entrypoint) lines.push(`ENTRYPOINT ${JSON.stringify(["/bin/sh", `/gnf/${recipe.entrypoint}`])}`, "CMD []");
  return `${lines.join("\n")}\n`;
}

/** The final Dockerfile: `dockerfile()` plus the label gnf.inputs=<hash>. */
export function labelledDockerfile(recipe: LayerRecipe, parentRef: string, hash: string): string {
  return `${dockerfile(recipe, parentRef)}LABEL gnf.inputs="${hash}"\n`;
}

/** The plan of a layer on `parentRef` (a tag-pinned reference such as gnf/net:0123…). */
export async function layerPlan(recipe: LayerRecipe, parentRef: string): Promise<TaggedPlan> {
  const entries = await withLibraries(recipe.files);
  for (const [path, target] of Object.entries(recipe.links)) entries.push({ path, kind: "link", target });
  for (const s of recipe.scripts) entries.push({ path: `/gnf/${s}`, kind: "text", text: await readFile(`${SCRIPTS_DIR}${s}`, "utf8"), mode: 0o755 });
  for (const path of recipe.directories) entries.push({ path, kind: "directory" });
  const all = [...entries, ...parentDirectories(entries).filter((d) => !entries.some((e) => e.path === d.path))];
  const hash = await hashLayer(all, [recipe.name, dockerfile(recipe, parentRef)]);
  return { entries: all, hash, tag: hash.slice(0, TAG_LENGTH) };
}
