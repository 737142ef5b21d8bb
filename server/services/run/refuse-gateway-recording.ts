import { GATEWAY_RUN_TRIGGER } from "@/lib/runs/run-triggers";
import { AppError } from "../../app-error";

/** A gateway recording is read-only: re-running, forking or cancelling it would have to act on the gateway. */
export function refuseGatewayRecording(run: { trigger: string }, action: "replayed" | "forked" | "cancelled"): void {
  if (run.trigger === GATEWAY_RUN_TRIGGER) {
    throw new AppError("CONFLICT", `This run was recorded from an OpenClaw gateway and cannot be ${action} from the studio; send a new message from the Live gateway panel instead`);
  }
}
