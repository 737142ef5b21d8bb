import type { inferRouterOutputs } from "@trpc/server";
import type { AppRouter } from "@/server/api/root";

type TOutputs = inferRouterOutputs<AppRouter>["deployment"];
export type TLane = TOutputs["lanes"][number];
export type TComparisonView = NonNullable<TOutputs["comparison"]>;
export type THistoryEntry = TOutputs["history"][number];
export type TTarget = { workspaceId: string; graphId: string; environment: string };
export type TBlueGreen = TOutputs["blueGreen"];
export type TBlueGreenReplay = TBlueGreen["replays"][number];
