"use client";

import { useSyncExternalStore } from "react";
import { getSocketStatus, subscribeSocketStatus, type TSocketStatus } from "./socket-status";

const SERVER_STATUS: TSocketStatus = { state: "idle" };

export function useSocketStatus(): TSocketStatus {
  return useSyncExternalStore(subscribeSocketStatus, getSocketStatus, () => SERVER_STATUS);
}
