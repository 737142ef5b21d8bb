// The global limit on node activations running at once, shared by every run of this process. Waiters are served
// first come, first served, so a run with many ready nodes cannot starve the others (fair order across runs).
export type TActivationSlots = { acquire(signal: AbortSignal): Promise<() => void>; readonly inUse: number };

export function createActivationSlots(limit: number): TActivationSlots {
  let inUse = 0;
  const waiters: (() => void)[] = [];

  function release(): void {
    const next = waiters.shift();
    if (next) next();
    else inUse--;
  }

  return {
    get inUse() {
      return inUse;
    },
    acquire(signal) {
      if (inUse < limit) {
        inUse++;
        return Promise.resolve(once(release));
      }
      return new Promise((resolve, reject) => {
        const grant = () => {
          signal.removeEventListener("abort", onAbort);
          resolve(once(release));
        };
        const onAbort = () => {
          const index = waiters.indexOf(grant);
          if (index >= 0) waiters.splice(index, 1);
          reject(signal.reason);
        };
        waiters.push(grant);
        signal.addEventListener("abort", onAbort, { once: true });
      });
    },
  };
}

function once(release: () => void): () => void {
  let isReleased = false;
  return () => {
    if (isReleased) return;
    isReleased = true;
    release();
  };
}
