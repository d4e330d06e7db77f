/**
 * Samples the peak RSS of every process below a child, by name. wait4 (and
 * so /usr/bin/time -v) counts only descendants that were waited for, and
 * Pagefind's Node API kills its indexing binary without waiting: its memory,
 * most of the step's, would go unreported. VmHWM is each process's own high
 * water mark, so a sample shortly before it exits is close to its true peak.
 * Linux /proc only (scanned for PPid, as /proc/<pid>/task/<tid>/children is
 * not always there); elsewhere it finds nothing.
 */
import { readdirSync, readFileSync } from 'node:fs';

export interface TreeWatch {
  /** Stops sampling; peak RSS in kilobytes of the largest process of each name seen. */
  stop(): Map<string, number>;
}

export function watchProcessTree(rootPid: number, everyMs = 100): TreeWatch {
  // By pid, not name: Node renames its main thread (so its process) to MainThread once started.
  const byPid = new Map<number, { name: string; hwm: number }>();
  const sample = (): void => {
    const parents = new Map<number, number>();
    const seen: { pid: number; name: string; hwm: number }[] = [];
    for (const entry of safeReaddir('/proc')) {
      if (!/^\d+$/.test(entry)) continue;
      const status = safeRead(`/proc/${entry}/status`);
      const ppid = /^PPid:\s*(\d+)/m.exec(status)?.[1];
      if (ppid === undefined) continue;
      parents.set(Number(entry), Number(ppid));
      seen.push({ pid: Number(entry), name: /^Name:[ \t]*(\S.*)$/m.exec(status)?.[1] ?? '?', hwm: Number(/^VmHWM:\s*(\d+)/m.exec(status)?.[1] ?? 0) });
    }
    for (const { pid, name, hwm } of seen) {
      if (descendsFrom(pid, rootPid, parents)) byPid.set(pid, { name, hwm: Math.max(hwm, byPid.get(pid)?.hwm ?? 0) });
    }
  };
  sample();
  const timer = setInterval(sample, everyMs);
  return {
    stop() {
      clearInterval(timer);
      const peaks = new Map<string, number>();
      for (const { name, hwm } of byPid.values()) peaks.set(name, Math.max(hwm, peaks.get(name) ?? 0));
      return peaks;
    },
  };
}

function descendsFrom(pid: number, root: number, parents: ReadonlyMap<number, number>): boolean {
  // The depth bound guards against a cycle read from a /proc that changed mid-scan.
  for (let current: number | undefined = pid, depth = 0; current !== undefined && depth < 64; depth++) {
    if (current === root) return true;
    current = parents.get(current);
  }
  return false;
}

function safeReaddir(folder: string): string[] {
  try {
    return readdirSync(folder);
  } catch {
    return [];
  }
}

function safeRead(file: string): string {
  try {
    return readFileSync(file, 'utf8');
  } catch {
    // The process ended between the listing and the read.
    return '';
  }
}
