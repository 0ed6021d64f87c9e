export { pathLossDb, rssiDbm, type PathLossParams } from "./path-loss.ts";
export { CellGrid, type Cell, type CellGridOptions } from "./cell-grid.ts";
export { ShadowingMap } from "./shadowing.ts";
export { RadioAccess, type RadioParams, type RadioAccessOptions, type AttachRecord, type HandoverRecord } from "./association.ts";
export { radioSchema, type RadioConfig } from "./config.ts";
