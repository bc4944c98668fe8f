/**
 * The process side of every headless command, the same for all three: `--help` on stdout (exit 0),
 * `--version` on stdout, a bad argument as one line on stderr (exit 2), a closed pipe (`… | head`)
 * ends the command quietly, and the exit code waits until stdout is flushed.
 */
import { existsSync, readFileSync } from 'node:fs';
import { EXIT_BAD_ARGS, type CommandParse } from './command-line';

export interface CommandProcess<A> {
  /** `feed`, `market` or `settings`: the prefix of its stderr lines. */
  name: string;
  usage: string;
  parse(argv: readonly string[]): CommandParse<A>;
  /** Runs the command; resolves with its exit code. */
  run(args: A): number | Promise<number>;
}

/** package.json's version: the nearest package.json above this module (in src/cli or in the build). */
function packageVersion(from: string = import.meta.url): string {
  for (let url = new URL('./package.json', from); ;) {
    if (existsSync(url)) return (JSON.parse(readFileSync(url, 'utf8')) as { version: string }).version;
    const up = new URL('../package.json', url);
    if (up.href === url.href) throw new Error('package.json not found');
    url = up;
  }
}

function exitWhenFlushed(code: number): void {
  process.stdout.write('', () => process.exit(code));
}

export async function runCommandProcess<A>(command: CommandProcess<A>): Promise<void> {
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') process.exit(0);
  });
  try {
    const parsed = command.parse(process.argv.slice(2));
    switch (parsed.kind) {
      case 'help':
        process.stdout.write(`${command.usage}\n`);
        return exitWhenFlushed(0);
      case 'version':
        process.stdout.write(`${packageVersion()}\n`);
        return exitWhenFlushed(0);
      case 'error':
        process.stderr.write(`${command.name}: ${parsed.reason}\n`);
        return exitWhenFlushed(EXIT_BAD_ARGS);
      case 'run':
        return exitWhenFlushed(await command.run(parsed.args));
    }
  } catch (error) {
    process.stderr.write(`${command.name}: ${error instanceof Error ? error.message : String(error)}\n`);
    exitWhenFlushed(1);
  }
}
