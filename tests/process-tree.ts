import { readFileSync, readdirSync } from 'node:fs';

export interface ProcessInfo {
  pid: number;
  ppid: number;
  command: string;
}

/** Every process on the machine, from /proc (Linux). */
export function listProcesses(): ProcessInfo[] {
  const processes: ProcessInfo[] = [];
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      // The command name in stat is in parentheses and may hold spaces: the fields after the last ")" are plain.
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      const command = readFileSync(`/proc/${entry}/cmdline`, 'utf8').replaceAll('\0', ' ').trim();
      processes.push({ pid: Number(entry), ppid, command });
    } catch {
      // It ended while we looked.
    }
  }
  return processes;
}

/** The process and everything it started, and what they started, in the order found. */
export function processTree(root: number): ProcessInfo[] {
  const all = listProcesses();
  const tree = all.filter((process) => process.pid === root);
  for (const parent of tree) tree.push(...all.filter((process) => process.ppid === parent.pid));
  return tree;
}

/** Whether the process still exists (a zombie counts as gone: it has exited and holds nothing). */
export function isAlive(pid: number): boolean {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2)[0] !== 'Z';
  } catch {
    return false;
  }
}

/** The local Neo4j JVM among the process and its descendants. */
export function findLauncherJvm(root: number): ProcessInfo | undefined {
  return processTree(root).find((process) => process.command.includes('dev.careergraph.launcher.Launcher'));
}
