/**
 * Who writes: the id of this process, written into page locks, temp names and pending index rows so that
 * another process can tell a live writer from a dead one. The one place the archive asks the OS about processes
 * (here in src/host, beside the CLI the only code that touches `process`, so that opening an archive from a
 * library still guards it without a caller handing these in).
 */
import { kill, pid } from 'node:process';

/** This process's id. */
export const OWN_PID: number = pid;

/** True when a process with this id runs on this machine. */
export function processAlive(id: number): boolean {
  if (!Number.isInteger(id) || id <= 0) return false;
  try {
    kill(id, 0);
    return true;
  } catch (cause) {
    return (cause as NodeJS.ErrnoException).code === 'EPERM';
  }
}
