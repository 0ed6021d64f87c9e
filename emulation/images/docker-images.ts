/**
 * Image operations on the local Docker Engine (no registry is ever contacted): inspect by
 * reference, `docker import` of a root file system, a build from a local context (classic
 * builder, `FROM` a local image), tagging.
 */
import type Dockerode from "dockerode";
import { tarDirectory } from "./stage.ts";

/** The image's inspect record, or null if no image has this reference. */
export async function inspectImage(docker: Dockerode, ref: string): Promise<Dockerode.ImageInspectInfo | null> {
  try {
    return await docker.getImage(ref).inspect();
  } catch (err) {
    if ((err as { statusCode?: number }).statusCode === 404) return null;
    throw err;
  }
}

/** Reads Docker's JSON progress stream to its end; rejects with the first error it reports. */
function followProgress(docker: Dockerode, stream: NodeJS.ReadableStream, what: string): Promise<string> {
  return new Promise((resolve, reject) => {
    docker.modem.followProgress(stream, (err: Error | null, output: Array<{ error?: string; stream?: string; status?: string }>) => {
      if (err) return reject(new Error(`${what}: ${err.message}`));
      const failed = output.find((o) => o.error !== undefined);
      if (failed) return reject(new Error(`${what}: ${failed.error}`));
      resolve(output.map((o) => o.stream ?? o.status ?? "").join(""));
    });
  });
}

/** `docker import` of directory `rootDir` as `repo:tag` with image config `changes`. */
export async function importRootfs(docker: Dockerode, rootDir: string, repo: string, tag: string, changes: readonly string[]): Promise<void> {
  const tar = tarDirectory(rootDir);
  const stream = await docker.importImage(tar.stream, { repo, tag, changes: [...changes] });
  await Promise.all([followProgress(docker, stream, `docker import of ${repo}:${tag}`), tar.done]);
}

/** Builds the context directory `contextDir` (with its Dockerfile) as `ref`; the parent must be local. */
export async function buildContext(docker: Dockerode, contextDir: string, ref: string): Promise<void> {
  const tar = tarDirectory(contextDir);
  // pull: false and the classic builder: FROM resolves to the local image, never to a registry.
  const stream = await docker.buildImage(tar.stream, { t: ref, pull: false, rm: true, forcerm: true, nocache: false } as Dockerode.ImageBuildOptions);
  await Promise.all([followProgress(docker, stream, `docker build of ${ref}`), tar.done]);
}

/** Adds tag `repo:tag` to image `ref`. */
export async function tagImage(docker: Dockerode, ref: string, repo: string, tag: string): Promise<void> {
  await docker.getImage(ref).tag({ repo, tag });
}
