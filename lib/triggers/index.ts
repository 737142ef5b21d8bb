export * from "./trigger-config";
export * from "./next-fire-times";
export * from "./describe-schedule-problem";
