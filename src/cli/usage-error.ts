import type { CliKey, CliParams } from './messages';
import type { Command } from './usage';

/**
 * A mistake in how the command was called: worded from the CLI catalog in the chosen language,
 * printed with that command's usage, exit code 2.
 */
export class UsageError extends Error {
  override name = 'UsageError';
  constructor(
    readonly key: CliKey,
    readonly params: CliParams = {},
    readonly command?: Command,
  ) {
    super(key);
  }
}

/** A failure the CLI itself detects (a missing file, a file that is not a database): in words, exit code 1. */
export class CliFailure extends Error {
  override name = 'CliFailure';
  constructor(
    readonly key: CliKey,
    readonly params: CliParams = {},
  ) {
    super(key);
  }
}
