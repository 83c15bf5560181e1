/** Where the CLI writes: JSON for scripts, short lines for people. Kept apart so commands stay testable. */
export interface Output {
  json: boolean;
  data(value: unknown): void;
  line(text: string): void;
  error(text: string): void;
  progress(text: string): void;
}

export function consoleOutput(json: boolean): Output {
  const tty = process.stderr.isTTY === true;
  return {
    json,
    data: (value) => process.stdout.write(`${JSON.stringify(value)}\n`),
    line: (text) => process.stdout.write(`${text}\n`),
    error: (text) => process.stderr.write(`${text}\n`),
    progress: (text) => {
      if (tty && !json) process.stderr.write(`\r${text.padEnd(60)}`);
    },
  };
}
