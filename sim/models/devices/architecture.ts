/**
 * Per-architecture CPU factors: single-core throughput per GHz relative to an Intel Core i7 core
 * (= 1.0), so that an Atom, an ARM v7, a MIPS and a Xeon are comparable. The numbers are rounded
 * from published EEMBC CoreMark/MHz per core for representative parts (i7/Xeon Haswell–Skylake
 * ≈ 5.3; Atom Silvermont ≈ 3.2; Celeron Goldmont ≈ 3.6; Cortex-A9 ≈ 2.9; Krait-300 (Qualcomm
 * IPQ806x) ≈ 3.3; Cortex-A7/A9-class "ARM v7" routers ≈ 2.9; Cavium Octeon (MIPS64) ≈ 2.3;
 * ARM926/Feroceon (ARM v5) ≈ 1.6). They are order-of-magnitude guides for a simulator, not
 * benchmarks; override them in a calibration profile when measurements exist.
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

/** Clock of the reference core, GHz: one core of the paper's i7 testbed server. */
export const REFERENCE_CLOCK_GHZ = 3.4;
