export { pathLossDb, type PathLossParams } from "./path-loss.ts";
export { CellGrid, type Cell } from "./cell-grid.ts";
export { RadioAccess, type RadioParams, type AttachRecord, type HandoverRecord } from "./association.ts";
export { radioSchema, type RadioConfig } from "./config.ts";
