/**
 * Test fixture (a child process of harness.integration.test.ts): builds a measurement bed with one
 * wire vNF and its probe agents, prints `ready`, then waits to be interrupted; SIGTERM must remove
 * everything (Teardown's signal handlers) before it exits 143.
 */
import { ContainerVnf } from "../vnf/container-vnf.ts";
import { MeasurementBed, vnfPorts } from "./bed.ts";
import { ForwardingProbe } from "./probe.ts";

const bed = await MeasurementBed.start();
await ForwardingProbe.start(bed);
await ContainerVnf.start({ spec: { kind: "wire" }, bridge: bed.ports, ...vnfPorts(0) }, bed.bed.teardown);
process.stdout.write("ready\n");
setInterval(() => undefined, 60_000);
