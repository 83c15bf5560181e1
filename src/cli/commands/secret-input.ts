/**
 * A password (or PIN) for `loket account` and `loket hub account`, never from a flag (a flag is
 * visible to every user in the process list): $LOKET_ACCOUNT_PASSWORD when set (scripts), else
 * the first line of the standard input when it is not a terminal (`... < file`, a pipe), else
 * typed at a prompt without echo.
 */
export async function readSecret(prompt: string, env: NodeJS.ProcessEnv = process.env): Promise<string> {
  const fromEnv = env.LOKET_ACCOUNT_PASSWORD;
  if (fromEnv !== undefined && fromEnv !== '') return fromEnv;
  return process.stdin.isTTY ? typedHidden(prompt) : firstLineOfStdin();
}

async function firstLineOfStdin(): Promise<string> {
  let text = '';
  for await (const chunk of process.stdin) {
    text += String(chunk);
    if (text.includes('\n')) break;
  }
  return text.split(/\r?\n/)[0] ?? '';
}

function typedHidden(prompt: string): Promise<string> {
  const stdin = process.stdin;
  process.stderr.write(prompt);
  return new Promise((resolve, reject) => {
    let typed = '';
    const done = (result: () => void): void => {
      stdin.setRawMode(false);
      stdin.pause();
      stdin.off('data', onData);
      process.stderr.write('\n');
      result();
    };
    const onData = (chunk: Buffer): void => {
      for (const char of chunk.toString('utf8')) {
        if (char === '\r' || char === '\n') return done(() => resolve(typed));
        if (char === '\u0003') return done(() => reject(new Error('cancelled')));
        if (char === '\u007f' || char === '\b') typed = typed.slice(0, -1);
        else typed += char;
      }
    };
    stdin.setRawMode(true);
    stdin.resume();
    stdin.on('data', onData);
  });
}
