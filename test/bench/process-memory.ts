/** A process's resident memory as Linux reports it, for the benchmarks that watch a server's. */
import { readFileSync } from "node:fs";

/** Resident memory of a process, in MiB (0 once it is gone). */
export function rssOf(pid: number): number {
  try {
    return Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, "utf8"))?.[1] ?? 0) / 1024;
  } catch {
    return 0;
  }
}
