import type { CliIo } from './io.js';

/** Handed to every command's register function. */
export interface CommandContext {
  io: CliIo;
  /** Sets the process exit code the command ends with (the highest-priority call wins: see program.ts). */
  setExit(code: number): void;
  /** Global --debug: stack traces on errors. */
  debug(): boolean;
}
