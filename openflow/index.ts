export * from "./constants.ts";
export * from "./codec/index.ts";
