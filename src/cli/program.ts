import { Command, CommanderError } from 'commander';
import { isChronicleError, toChronicleError } from '../errors.js';
import { version } from '../version.js';
import { EXIT, exitCodeFor } from './exit-codes.js';
import { ignoreClosedPipes, processIo, type CliIo } from './io.js';
import type { CommandContext } from './context.js';
import { registerCommands } from './commands/index.js';
import { collapseWhitespace } from '../text/whitespace.js';

/**
 * The one place that turns argv into a command run and errors into exit codes.
 * Returns the exit code instead of exiting, so tests can run the CLI in-process.
 */
export async function run(argv: string[], io: CliIo = processIo()): Promise<number> {
  let exitCode: number = EXIT.OK;
  let debug = false;
  const ctx: CommandContext = {
    io,
    setExit(code: number) {
      exitCode = code;
    },
    debug: () => debug,
  };

  const program = new Command();
  program
    .name('chronicle')
    .description('Archive news articles as clean, versioned snapshots.')
    .version(version, '-V, --version')
    .option('--debug', 'show stack traces on errors')
    .exitOverride()
    .configureOutput({
      writeOut: (text) => io.stdout.write(text),
      writeErr: (text) => io.stderr.write(text),
      // Commander's own errors are reported in the catch below, in chronicle's one-line form.
      outputError: () => undefined,
    })
    .hook('preAction', (thisCommand) => {
      debug = Boolean(thisCommand.opts().debug);
    });
  registerCommands(program, ctx);
  ignoreClosedPipes(io);

  try {
    await program.parseAsync(argv);
    return exitCode;
  } catch (error) {
    if (error instanceof CommanderError) {
      // Help and version "errors" are successful exits; everything else is a usage error.
      if (error.code === 'commander.helpDisplayed' || error.code === 'commander.version' || error.code === 'commander.help') {
        return EXIT.OK;
      }
      io.stderr.write(`chronicle: E_USAGE: ${commanderMessage(error)} (see chronicle --help)\n`);
      return EXIT.USAGE;
    }
    const failure = toChronicleError(error);
    const label = isChronicleError(error) && failure.code !== 'E_INTERNAL' ? failure.code : 'internal error';
    io.stderr.write(`chronicle: ${label}: ${oneLine(failure.message)}\n`);
    if (debug || argv.includes('--debug')) {
      io.stderr.write(`${(failure.cause instanceof Error ? failure.cause.stack : undefined) ?? failure.stack ?? ''}\n`);
    }
    return exitCodeFor(failure.code);
  }
}

function oneLine(text: string): string {
  return collapseWhitespace(text);
}

/** Commander's message ("error: unknown option '--x'") without its "error: " prefix, on one line. */
function commanderMessage(error: CommanderError): string {
  return oneLine(error.message.replace(/^error:\s*/i, ''));
}
