/**
 * Per-architecture CPU factors: single-core throughput per GHz relative to an Intel Core i7 core
 * (= 1.0), so that an Atom, an ARM v7, a MIPS and a Xeon are comparable.
 *
 * Source: EEMBC CoreMark per MHz per core, as published (EEMBC score list, vendor data sheets) for
 * representative parts, divided by the i7's ≈ 5.3 and rounded to two digits:
 *
 * | architecture      | representative part (Table I device)            | CoreMark/MHz | factor |
 * |-------------------|--------------------------------------------------|--------------|--------|
 * | intel-core-i7     | Haswell–Skylake desktop core (NFV testbed)       | ≈ 5.3        | 1.00   |
 * | intel-xeon        | same micro-architecture as i7 (HPE EL4000)       | ≈ 5.3        | 1.00   |
 * | intel-celeron     | Goldmont (NEXCOM CPS 200)                        | ≈ 3.6        | 0.68   |
 * | qualcomm-atheros  | Krait-300, IPQ806x (Netgear R7500)               | ≈ 3.3        | 0.62   |
 * | intel-atom        | Silvermont (SuperHub 3, Dell Edge Gateway 5000)  | ≈ 3.2        | 0.60   |
 * | arm-cortex-a9     | Cortex-A9 (Orange Livebox 4)                     | ≈ 2.9        | 0.55   |
 * | arm-v7            | Cortex-A9-class router SoC (TP-LINK Archer C9)   | ≈ 2.9        | 0.55   |
 * | cavium-mips       | Cavium Octeon MIPS64 (EdgeRouter Lite)           | ≈ 2.3        | 0.43   |
 * | arm-v5            | ARM926 / Feroceon (Google Fiber GFRG110)         | ≈ 1.6        | 0.30   |
 *
 * They are order-of-magnitude guides for a simulator, not benchmarks of the exact devices (memory
 * bandwidth, caches and packet I/O differ); replace them when measurements exist.
 */
export const ARCHITECTURE_FACTORS = {
  "intel-core-i7": 1.0,
  "intel-xeon": 1.0,
  "intel-celeron": 0.68,
  "intel-atom": 0.6,
  "qualcomm-atheros": 0.62,
  "arm-cortex-a9": 0.55,
  "arm-v7": 0.55,
  "cavium-mips": 0.43,
  "arm-v5": 0.3,
} as const;

export type Architecture = keyof typeof ARCHITECTURE_FACTORS;
export const ARCHITECTURES = Object.keys(ARCHITECTURE_FACTORS) as Architecture[];

/** Clock of the reference core, GHz: one core of the paper's i7 testbed server (1.0 reference core). */
export const REFERENCE_CLOCK_GHZ = 3.4;
