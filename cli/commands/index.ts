/** Every sub-command of `gnf`; each module adds itself to the program. */
export { registerRun } from "./run.ts";
export { registerCheck } from "./check.ts";
export { registerBench } from "./bench.ts";
export { registerOpenflow } from "./openflow.ts";
export { registerServe } from "./serve.ts";
export { registerEmulate } from "./emulate.ts";
export { registerEmulation } from "./emulation.ts";
export { registerFigure } from "./figure.ts";
export { registerCompare } from "./compare.ts";
export { registerCalibrate } from "./calibrate.ts";
export { registerValidate } from "./validate.ts";
export { registerDescribe } from "./describe.ts";
export { registerReproduce } from "./reproduce.ts";
