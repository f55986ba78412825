// CPU time spent by processes (Linux /proc), to tell where a benchmark's work
// goes on a shared machine: the server, the database, the load generator.
import fs from 'node:fs';

const TICKS_PER_SECOND = 100; // USER_HZ on Linux

function statFields(pid: number): string[] | null {
  try {
    const text = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    return text.slice(text.lastIndexOf(')') + 2).split(' '); // after "pid (comm) "
  } catch {
    return null;
  }
}

/** User + system CPU milliseconds of a process (0 when it is gone). */
export function cpuMs(pid: number): number {
  const fields = statFields(pid);
  if (!fields) return 0;
  return ((Number(fields[11]) + Number(fields[12])) * 1000) / TICKS_PER_SECOND; // utime, stime
}

/** A process and its direct children (a postmaster and its backends). */
export function processTreeCpuMs(root: number): number {
  let total = cpuMs(root);
  for (const entry of fs.readdirSync('/proc')) {
    const pid = Number(entry);
    if (!Number.isInteger(pid) || pid === root) continue;
    const fields = statFields(pid);
    if (fields && Number(fields[1]) === root) total += cpuMs(pid);
  }
  return total;
}
