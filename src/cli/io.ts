/** The streams and environment a command runs with. Only src/cli touches these; tests hand in fakes. */
export interface CliIo {
  stdout: NodeJS.WritableStream;
  stderr: NodeJS.WritableStream;
  stdin: NodeJS.ReadableStream;
  env: NodeJS.ProcessEnv;
  /** True when stderr is a terminal (progress bars, colour). */
  stderrIsTTY: boolean;
  /** True when stdout is a terminal (colour in diff output). */
  stdoutIsTTY: boolean;
  cwd: string;
}

export function processIo(): CliIo {
  return {
    stdout: process.stdout,
    stderr: process.stderr,
    stdin: process.stdin,
    env: process.env,
    stderrIsTTY: Boolean(process.stderr.isTTY),
    stdoutIsTTY: Boolean(process.stdout.isTTY),
    cwd: process.cwd(),
  };
}

/** Colour only on a TTY and never when NO_COLOR is set (https://no-color.org). */
export function useColour(io: CliIo, stream: 'stdout' | 'stderr'): boolean {
  if (io.env.NO_COLOR !== undefined && io.env.NO_COLOR !== '') return false;
  if (io.env.FORCE_COLOR !== undefined && io.env.FORCE_COLOR !== '0') return true;
  return stream === 'stdout' ? io.stdoutIsTTY : io.stderrIsTTY;
}

const guarded = new WeakSet<object>();

/**
 * A reader that goes away (`chronicle list | head -1`) closes the pipe: the next write fails with EPIPE, which
 * Node raises as an 'error' event that, unhandled, ends the process with a stack trace. A closed pipe means
 * nobody wants more output, so it is ignored here; another write error is said once on stderr. Installed by
 * run() for the whole process lifetime (a late write can fail after the command has returned).
 */
export function ignoreClosedPipes(io: Pick<CliIo, 'stdout' | 'stderr'>): void {
  for (const [name, stream] of [['stdout', io.stdout], ['stderr', io.stderr]] as const) {
    if (guarded.has(stream)) continue;
    guarded.add(stream);
    let said = false;
    stream.on('error', (error: NodeJS.ErrnoException) => {
      if (isClosedPipe(error) || said || name === 'stderr') return;
      said = true;
      io.stderr.write(`chronicle: cannot write to ${name}: ${error.message}\n`);
    });
  }
}

/** EPIPE, or a write to a stream already destroyed by it. */
export function isClosedPipe(error: NodeJS.ErrnoException): boolean {
  return error.code === 'EPIPE' || error.code === 'ERR_STREAM_DESTROYED';
}

/**
 * Calls `onClosed` once when stdout's reader goes away, so a long command can stop producing output nobody
 * reads (`archive … | head -3` stops taking URLs). Returns the function that removes the watch.
 */
export function watchStdoutClosed(io: Pick<CliIo, 'stdout' | 'stderr'>, onClosed: () => void): () => void {
  let closed = false;
  const onError = (): void => {
    if (closed) return;
    closed = true;
    onClosed();
  };
  io.stdout.on('error', onError);
  return () => io.stdout.off('error', onError);
}
