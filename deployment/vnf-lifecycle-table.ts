/**
 * The `vnf_lifecycle` table's columns, shared by both worlds: the simulator's container batches
 * (`sim/models/container-batch/`) and the lab's `gnf emulation measure instantiation`
 * (`emulation/harness/tables.ts`, which puts its measurement `run` first).
 */
import { defineTable } from "../base/results/data-dictionary.ts";

export const VNF_LIFECYCLE_TABLE = defineTable("vnf_lifecycle", "One row per lifecycle event of a container vNF of a batch (scenarios with `instantiation`).", [
  ["time_s", "s", "when it happened, from the batch's start (simulated time; lab: from the first create call)"],
  ["host", "text", "the host (`instantiation.hosts[].name`; lab: `lab`)"],
  ["vnf", "text", "the vNF"],
  ["event", "text", "simulator: image-pulled, created, started or failed; lab: created, started, ready, forwarding"],
  ["detail", "text", "simulator: image-pulled → the vNF type, failed → the reason, otherwise empty; lab: `parallelism=<p>`"],
]);
