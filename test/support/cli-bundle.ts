/**
 * The headless commands as `npm run feed|market|settings` runs them: the bundles in out/cli, built
 * first when a source changed (the same check and build as scripts/cli.mjs).
 */
import { commandBundle, ensureCliBuilt } from '../../scripts/cli-build.mjs';

export async function builtCommand(command: 'feed' | 'market' | 'settings'): Promise<string> {
  await ensureCliBuilt();
  return commandBundle(command);
}
