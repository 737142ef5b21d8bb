// Resident memory of a process tree, read from /proc (Linux): tsx may run a program in a child, and the studio starts
// sandbox children and, embedded, Postgres.
import { readdirSync, readFileSync } from "node:fs";

function readParents(): Map<number, { parent: number; command: string }> {
  const processes = new Map<number, { parent: number; command: string }>();
  for (const entry of readdirSync("/proc").filter((name) => /^\d+$/.test(name))) {
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, "utf8");
      const command = stat.slice(stat.indexOf("(") + 1, stat.lastIndexOf(")"));
      processes.set(Number(entry), { parent: Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]), command });
    } catch {
      // The process ended while listing.
    }
  }
  return processes;
}

/** `rootPid` and its descendants, without the commands `skip` names and their subtrees. */
function listTree(rootPid: number, skip: readonly string[], processes = readParents()): number[] {
  const tree = [rootPid];
  for (let i = 0; i < tree.length; i += 1) {
    for (const [pid, { parent, command }] of processes) if (parent === tree[i] && !skip.includes(command)) tree.push(pid);
  }
  return tree;
}

/**
 * CPU time (user + system, ms) used so far by `rootPid`'s tree: the studio alone (`skip` ["postgres"]) or only the
 * Postgres processes under it (`only` "postgres"). Processes that ended meanwhile are not counted.
 */
export function treeCpuMs(rootPid: number, options: { skip?: readonly string[]; only?: string } = {}): number {
  const processes = readParents();
  const tree = listTree(rootPid, options.skip ?? [], processes);
  let ticks = 0;
  for (const pid of tree) {
    if (options.only && processes.get(pid)?.command !== options.only) continue;
    try {
      const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
      const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
      ticks += Number(fields[11]) + Number(fields[12]);
    } catch {
      // Gone meanwhile.
    }
  }
  return ticks * 10;
}

/** MB of `rootPid` and its descendants; `skip` names commands left out with their subtrees (e.g. "postgres"). */
export function treeRssMb(rootPid: number, skip: readonly string[] = []): number {
  const tree = listTree(rootPid, skip);
  let kb = 0;
  for (const pid of tree) {
    try {
      kb += Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, "utf8"))?.[1] ?? 0);
    } catch {
      // Gone meanwhile.
    }
  }
  return kb / 1024;
}
