import { readdirSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { createHash } from "node:crypto";
import { UserError } from "../base/errors.ts";
import { loadScenarioFile, loadScenarioText } from "./load.ts";
import { scenarioSchema } from "./schema/scenario.ts";

const BAD = join(fileURLToPath(new URL(".", import.meta.url)), "testdata", "bad");

/** Every bad file and the exact message a user reads (after the file path). */
const EXPECTED: Record<string, string> = {
  "01-syntax-error.yaml": ":3:1: YAML syntax error: Flow sequence in block collection must be sufficiently indented and end with a ]",
  "02-duration-not-time.yaml": ':2:11: duration: expected a time in seconds (a number, or a string like "90 s", "10 min", "1 h"), found "fast" (a string)',
  "03-unknown-top-key.yaml": `:2:1: seeed: unknown key (did you mean "seed"?) (allowed keys: ${Object.keys(scenarioSchema.shape).join(", ")})`,
  "04-negative-duration.yaml": ":2:11: duration: expected a positive time in seconds, found -5 (a number)",
  "05-empty.yaml": ': the scenario file is empty (expected a mapping of keys, e.g. "name: my-scenario")',
  "06-seed-not-integer.yaml": ":2:7: seed: expected an integer from 0 to 4294967295, found 1.5 (a number)",
  "07-negative-seed.yaml": ":2:7: seed: expected an integer from 0 to 4294967295, found -1 (a number)",
  "08-missing-name.yaml": ":1:1: name: missing required key (expected a string)",
  "09-top-level-list.yaml": ":1:1: (top level): expected a mapping of scenario keys, found a list",
  "10-zero-replications.yaml": ":2:15: replications: expected an integer from 1 to 1000, found 0 (a number)",
  "11-unknown-nested-key.yaml": ':3:3: outputs.directroy: unknown key (did you mean "directory"?) (allowed keys: directory, sampleInterval)',
  "12-duplicate-key.yaml": ":2:1: YAML syntax error: Map keys must be unique",
  "13-bad-name.yaml": `:1:7: name: expected a name of letters, digits, '.', '_' or '-' (it names the results folder), found "my scenario!" (a string)`,
  "14-outputs-not-mapping.yaml": ':2:10: outputs: expected a mapping, found "results" (a string)',
  "15-zero-duration.yaml": ":2:11: duration: expected a positive time in seconds, found 0 (a number)",
  "16-replications-string.yaml": ':2:15: replications: expected an integer from 1 to 1000, found "3" (a string)',
  "17-tab-indent.yaml": ":2:1: YAML syntax error: Tabs are not allowed as indentation",
  "18-scalar-document.yaml": ':1:1: (top level): expected a mapping of scenario keys, found "just a sentence"',
  "19-bad-unit.yaml": ':3:19: outputs.sampleInterval: expected a time in seconds (a number, or a string like "90 s", "10 min", "1 h"), found "2 weeks" (a string)',
  // dangling references and times outside the run (scenarios/checks/), then library wording in our words
  "20-unknown-vnf-type.yaml": ':5:33: chains[0].vnfs[0]: unknown vNF type "firewal" (did you mean "firewall"?); expected one of wire, firewall, rate-limiter, http-filter, ddos-dropper, monitoring, troubleshooting, ids',
  "21-unknown-ue.yaml": ':5:20: chains[0].ue: unknown UE "ue-5" (did you mean "ue-1"?); expected one of ue-0 … ue-1 (ues.count is 2)',
  "22-unknown-ue-chain-vnf.yaml": ':5:40: ueChains[0].vnfs[1].type: unknown vNF type "idss" (did you mean "ids"?); expected one of wire, firewall, rate-limiter, http-filter, ddos-dropper, monitoring, troubleshooting, ids',
  "23-unknown-latency-bound-type.yaml": ':4:42: placement.latencyBounds.fierwall: unknown vNF type "fierwall" (did you mean "firewall"?); expected one of wire, firewall, rate-limiter, http-filter, ddos-dropper, monitoring, troubleshooting, ids',
  "24-unknown-mitigation-vnf.yaml": ':3:20: mitigation.vnf: unknown vNF type "ddos-droper" (did you mean "ddos-dropper"?); expected one of wire, firewall, rate-limiter, http-filter, ddos-dropper, monitoring, troubleshooting, ids',
  "25-unknown-topology-device.yaml": ':2:51: topology.device: unknown device "tp-link-archer-c7" (did you mean "tp-link-archer-c9"?); expected one of virgin-superhub-3, google-fiber-gfrg110, orange-livebox-4, tp-link-archer-c9, ubiquiti-edgerouter-lite-3, netgear-r7500, dell-edge-gateway-5000, nexcom-cps-200, hpe-edgeline-el4000, nfvi-i7, nfvi-xeon',
  "26-unknown-instantiation-device.yaml": ':4:31: instantiation.hosts[0].device: unknown device "nfvi-i9" (did you mean "nfvi-i7"?); expected one of virgin-superhub-3, google-fiber-gfrg110, orange-livebox-4, tp-link-archer-c9, ubiquiti-edgerouter-lite-3, netgear-r7500, dell-edge-gateway-5000, nexcom-cps-200, hpe-edgeline-el4000, nfvi-i7, nfvi-xeon',
  "27-duplicate-host-name.yaml": ':5:15: instantiation.hosts[1].name: duplicate host name "server" (each host names its rows in the results)',
  "28-unknown-destination.yaml": ':4:49: traffic[0].destination: unknown node "internt" (did you mean "internet"?); expected "internet" or a node of the grid topology (e-0-0, e-0-1, e-0-2, metro, core, nfvi, internet)',
  "29-unknown-header-field.yaml": ':4:69: traffic[0].headers.tcp_dts: unknown header field "tcp_dts" (did you mean "tcp_dst"?); expected an OpenFlow match field: in_port, eth_src, eth_dst, eth_type, vlan_vid, mpls_label, arp_op, arp_spa, arp_tpa, ipv4_src, ipv4_dst, ipv6_src, ipv6_dst, ip_proto, tcp_src, tcp_dst, udp_src, udp_dst',
  "30-chain-id-clashes-ue-chains.yaml": ':7:11: chains[0].id: duplicate chain id "fw-ue-1": ueChains[0] (id "fw") gives its chain for ue-1 the same id',
  "31-chain-id-reserved-by-mitigation.yaml": ':5:11: chains[0].id: chain id "block-ue-0" is the id mitigation gives its blocking chain of ue-0 (that UE would never be blocked); choose another id',
  "32-chains-without-topology.yaml": ":3:3: chains: needs a `topology` section (chains run on the GNF Manager, which places vNFs on the topology's hosts)",
  "33-chain-after-end.yaml": ":5:39: chains[0].at: expected a time before the end of the run (120 s, the duration), found 300 s",
  "34-until-before-at.yaml": ":5:58: ueChains[0].until: expected a time after at (60 s), found 30 s",
  "35-flow-starts-after-end.yaml": ":5:44: traffic[0].startS: expected a time before the end of the run (120 s, the duration), found 600 s",
  "36-missing-calibration-file.yaml": ":2:14: calibration: no such calibration profile file \"no-such-profile.yaml\" (a relative path is read from the scenario file's folder)",
  "37-unknown-mobility-model.yaml": ':3:22: ues.mobility.model: expected one of "static", "random-waypoint", "random-walk", "gauss-markov", "manhattan", "waypoints", "trace", found "random-waypont" (a string) (did you mean "random-waypoint"?)',
  "38-seed-too-big.yaml": ":2:7: seed: expected an integer from 0 to 4294967295, found 100000000000000000000 (a number)",
  "39-empty-value.yaml": ':2:10: duration: the value is empty (expected a time in seconds (a number, or a string like "90 s", "10 min", "1 h"))',
  "40-port-too-wide.yaml": ":4:66: chains[0].match.tcp_dst: expected an integer from 0 to 65535 (16 bits), found 70000",
  "41-duplicate-chain-id.yaml": ':5:11: chains[1].id: duplicate chain id "web"',
  "42-replacement-after-end.yaml": ":4:31: manager.replacementPeriod: expected 0 (never) or a period no longer than the run (60 s, the duration), found 300 s",
  "43-missing-trace-file.yaml": ':4:35: ues.mobility.file: no such trace file "no/such/trace.csv"',
  "44-unknown-probe-target.yaml": ':5:55: ueChains[0].vnfs[0].params.target: unknown node "nfv" (did you mean "nfvi"?); expected a node of the grid topology to probe (e-0-0, e-0-1, e-0-2, metro, core, nfvi, internet)',
  "45-waypoints-stagger-after-end.yaml": ":6:70: ues.mobility.stagger: expected every UE to start walking within the run, but ue-3 starts at 90 s ((ues.count − 1) × stagger), after the end (60 s, the duration)",
  "46-vnf-params-not-mapping.yaml": ':4:50: chains[0].vnfs[0].params: expected a mapping, found "allow-web" (a string)',
  "47-unknown-topology-key.yaml":
    ':2:25: topology.rws: unknown key (did you mean "rows"?) (allowed keys: type, rows, cols, spacingM, device, perHopDelayS, accessBandwidthBps, coreBandwidthBps, nfviDevice, metroToCoreS, coreToNfviS, coreToInternetS, cellRangeM)',
  "48-vnf-without-type.yaml": ":4:24: chains[0].vnfs[0].type: missing required key (expected a string)",
};

function messageOf(fn: () => unknown): string {
  try {
    fn();
  } catch (err) {
    expect(err).toBeInstanceOf(UserError);
    return (err as Error).message;
  }
  throw new Error("expected a ScenarioError");
}

describe("bad scenario files", () => {
  const files = readdirSync(BAD).filter((f) => f.endsWith(".yaml")).sort();

  it("has an expected message for every bad file (and at least 15 of them)", () => {
    expect(files).toEqual(Object.keys(EXPECTED).sort());
    expect(files.length).toBeGreaterThanOrEqual(15);
  });

  for (const file of files) {
    it(`rejects ${file}`, () => {
      const path = join(BAD, file);
      expect(messageOf(() => loadScenarioFile(path))).toBe(`${path}${EXPECTED[file]}`);
    });
  }

  it("names a missing file", () => {
    expect(messageOf(() => loadScenarioFile("/nonexistent/x.yaml"))).toBe("/nonexistent/x.yaml: no such scenario file");
  });

  it("refuses a directory", () => {
    expect(messageOf(() => loadScenarioFile(BAD))).toBe(`${BAD}: is a directory, expected a scenario file (.yaml)`);
  });

  it("lists every problem of a file with several", () => {
    const message = messageOf(() => loadScenarioText("name: x\nduration: -1\nseed: a\n", "s.yaml"));
    expect(message).toBe(
      "s.yaml: 2 problems:\n" +
        "  s.yaml:3:7: seed: expected an integer from 0 to 4294967295, found \"a\" (a string)\n" +
        "  s.yaml:2:11: duration: expected a positive time in seconds, found -1 (a number)",
    );
  });
});

describe("valid scenarios", () => {
  it("fills in defaults", () => {
    const { scenario, sha256 } = loadScenarioText("name: tiny\n", "tiny.yaml");
    expect(scenario).toEqual({
      name: "tiny",
      seed: 1,
      duration: 600,
      replications: 1,
      outputs: { directory: "results", sampleInterval: 10 },
      ues: { count: 10, mobility: { model: "random-waypoint", minSpeed: 0.5, maxSpeed: 1.5, pause: 30 }, step: 1 },
      radio: { txPowerDbm: 20, sensitivityDbm: -85, referenceDistanceM: 1, referenceLossDb: 40, exponent: 3, shadowingDb: 0, shadowingDecorrelationM: 50, hysteresisDb: 3, timeToTriggerS: 2 },
      traffic: [],
      vnfs: {},
      latency: { queueModel: "mm1", bufferPackets: 1000 },
      chains: [],
      ueChains: [],
      manager: { ueMobility: "follow", migration: "make-before-break", utilisationThreshold: 0.15, overloadThreshold: 0.9, replacementPeriod: 0 },
      placement: {
        algorithm: "nearest-edge",
        ilp: { initialCandidates: 8, timeLimitS: 60 },
        replacement: { policy: "static", periodSlots: 10, toleratedViolations: 10 },
        latencyBounds: {},
      },
      control: { processingS: 0.002, flowModS: 2e-5 },
    });
    expect(sha256).toBe(createHash("sha256").update("name: tiny\n").digest("hex"));
  });

  it("accepts durations with units", () => {
    expect(loadScenarioText("name: u\nduration: 1.5 h\n", "u.yaml").scenario.duration).toBe(5400);
    expect(loadScenarioText("name: u\nduration: 250ms\n", "u.yaml").scenario.duration).toBe(0.25);
    expect(loadScenarioText("name: u\nduration: 10 min\n", "u.yaml").scenario.duration).toBe(600);
  });

  it("applies --set overrides, including new nested keys", () => {
    const { scenario } = loadScenarioText("name: o\nduration: 5\n", "o.yaml", {
      overrides: ["duration=60", "outputs.directory=/tmp/elsewhere", "replications=3"],
    });
    expect(scenario.duration).toBe(60);
    expect(scenario.outputs.directory).toBe("/tmp/elsewhere");
    expect(scenario.replications).toBe(3);
  });

  it("only warns about a time after the end when --set shortened the run or moved the time on purpose", () => {
    const text = "name: w\nduration: 2 min\ntopology: { type: grid, rows: 1, cols: 2 }\nchains:\n  - { ue: ue-0, vnfs: [firewall], at: 60 }\n";
    expect(loadScenarioText(text, "w.yaml").warnings).toEqual([]);
    const { scenario, warnings } = loadScenarioText(text, "w.yaml", { overrides: ["duration=30"] });
    expect(scenario.duration).toBe(30);
    expect(warnings).toEqual([
      "w.yaml:5:39: chains[0].at: expected a time before the end of the run (30 s, the duration), found 60 s (a warning only: set on purpose by --set duration=30)",
    ]);
    expect(loadScenarioText(text, "w.yaml", { overrides: ["chains[0].at=200"] }).warnings).toEqual([
      "--set chains[0].at=200: chains[0].at: expected a time before the end of the run (120 s, the duration), found 200 s (a warning only: set on purpose by --set chains[0].at=200)",
    ]);
    expect(messageOf(() => loadScenarioText(text, "w.yaml", { overrides: ["chains[0].until=10"] }))).toBe(
      "--set chains[0].until=10: chains[0].until: expected a time after at (60 s), found 10 s",
    );
  });

  it("says an empty --set value is empty", () => {
    expect(messageOf(() => loadScenarioText("name: o\n", "o.yaml", { overrides: ["duration="] }))).toBe(
      '--set duration=: duration: the value is empty (expected a time in seconds (a number, or a string like "90 s", "10 min", "1 h"))',
    );
  });

  it("blames the --set flag, not the file, for a bad override", () => {
    expect(messageOf(() => loadScenarioText("name: o\n", "o.yaml", { overrides: ["duration=soon"] }))).toBe(
      '--set duration=soon: duration: expected a time in seconds (a number, or a string like "90 s", "10 min", "1 h"), found "soon" (a string)',
    );
    expect(messageOf(() => loadScenarioText("name: o\n", "o.yaml", { overrides: ["duration"] }))).toBe(
      "--set duration: expected key.path=value (e.g. --set duration=60)",
    );
    expect(messageOf(() => loadScenarioText("name: o\n", "o.yaml", { overrides: ["a..b=1"] }))).toBe(
      '--set a..b=1: "a..b" is not a key path (expected keys separated by dots, e.g. ues.mobility.speed or chains[0].priority)',
    );
  });
});
