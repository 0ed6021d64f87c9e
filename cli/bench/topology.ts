/**
 * `gnf bench topology [--blocks N]`: how fast topologies build and shortest paths come.
 * - a residential city of `blocks × blocks` street blocks with 10 home routers each
 *   (blocks = 100: 100 000 homes, 110 004 nodes): build time, PathFinder construction, one full
 *   Dijkstra tree from a home, and the delay from every home to the NFVI (one tree from the NFVI
 *   would do; this measures per-source caching under the access → host pattern placement uses);
 * - the EUA Melbourne access × host latency matrix (125 × 126) and Cogentco all pairs (186²).
 * Wall-clock numbers; never asserted by unit tests.
 */
import type { BenchDefinition } from "./types.ts";
import { parsePositiveInt } from "../parse.ts";
import { RandomStream } from "../../base/rng.ts";
import { cityParams, cityTopology } from "../../topologies/generators/index.ts";
import { importEuaMelbourne } from "../../topologies/import/edge-sites.ts";
import { importZoo } from "../../topologies/import/zoo.ts";
import { latencyMatrix } from "../../topologies/latency-matrix.ts";
import { PathFinder } from "../../topologies/paths.ts";

function timed<T>(f: () => T): [T, number] {
  const t0 = performance.now();
  const value = f();
  return [value, (performance.now() - t0) / 1000];
}

export const topologyBench: BenchDefinition = {
  name: "topology",
  description: "build a 100 000-home city, Dijkstra trees and latency matrices (EUA Melbourne, Cogentco)",
  options: [{ flags: "--blocks <n>", description: "city blocks per side (10 homes each)", defaultValue: "100" }],
  inAll: false,
  async run(options) {
    const blocks = parsePositiveInt(options["blocks"] ?? "100", "--blocks");
    const [city, buildS] = timed(() => cityTopology(cityParams.parse({ type: "city", blocksX: blocks, blocksY: blocks, homesPerBlock: 10 }), new RandomStream("bench/topology")));
    const [paths, indexS] = timed(() => new PathFinder(city));
    const [, firstTreeS] = timed(() => paths.pathDelay("home-0-0-0", "nfvi"));
    const homes = city.nodes.filter((n) => n.role === "edge").map((n) => n.id);
    const [, nfviTreeS] = timed(() => homes.reduce((worst, h) => Math.max(worst, paths.pathDelay("nfvi", h)), 0));
    const eua = importEuaMelbourne();
    const [euaMatrix, euaMatrixS] = timed(() => latencyMatrix(new PathFinder(eua)));
    const cogent = importZoo("Cogentco").topology;
    const ids = cogent.nodes.map((n) => n.id);
    const [, cogentAllPairsS] = timed(() => new PathFinder(cogent).matrix(ids, ids));
    return {
      nodes: city.nodes.length,
      homes: homes.length,
      links: city.links.length,
      buildS,
      pathFinderIndexS: indexS,
      dijkstraTreeS: firstTreeS,
      homesToNfviS: nfviTreeS,
      euaMatrixCells: euaMatrix.access.length * euaMatrix.hosts.length,
      euaMatrixS,
      cogentcoAllPairsS: cogentAllPairsS,
      heapMB: process.memoryUsage().heapUsed / 1e6,
    };
  },
  describe(r) {
    const ms = (k: string) => `${(Number(r[k]) * 1000).toFixed(1)} ms`;
    return `topology: city of ${r["nodes"]} nodes / ${r["links"]} links built in ${ms("buildS")}, indexed in ${ms("pathFinderIndexS")}, one Dijkstra tree ${ms("dijkstraTreeS")}, NFVI → ${r["homes"]} homes ${ms("homesToNfviS")}; EUA ${r["euaMatrixCells"]}-cell latency matrix ${ms("euaMatrixS")}; Cogentco all pairs ${ms("cogentcoAllPairsS")}; heap ${Math.round(Number(r["heapMB"]))} MB`;
  },
};
