import type { Command } from 'commander';
import type { CommandContext } from '../context.js';
import { registerExtract } from './extract.js';
import { registerArchive } from './archive.js';
import { registerList } from './list.js';
import { registerShow } from './show.js';
import { registerSearch } from './search.js';
import { registerVerify } from './verify.js';
import { registerReindex } from './reindex.js';
import { registerCheck } from './check.js';
import { registerHistory } from './history.js';
import { registerDiff } from './diff.js';
import { registerExport } from './export.js';
import { registerImport } from './import.js';

/** Every command, listed by hand. Each module exports register<Name>(program, ctx). */
export function registerCommands(program: Command, ctx: CommandContext): void {
  registerExtract(program, ctx);
  registerArchive(program, ctx);
  registerList(program, ctx);
  registerShow(program, ctx);
  registerSearch(program, ctx);
  registerVerify(program, ctx);
  registerReindex(program, ctx);
  registerCheck(program, ctx);
  registerHistory(program, ctx);
  registerDiff(program, ctx);
  registerExport(program, ctx);
  registerImport(program, ctx);
}
