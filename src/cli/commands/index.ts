import type { Command } from 'commander';
import type { CommandContext } from '../context.js';
import { registerExtract } from './extract.js';
import { registerArchive } from './archive.js';

/** Every command, listed by hand. Each module exports register<Name>(program, ctx). */
export function registerCommands(program: Command, ctx: CommandContext): void {
  registerExtract(program, ctx);
  registerArchive(program, ctx);
}
