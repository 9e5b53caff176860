import { CliFailure, type CliIo } from './context';

const MAX_SECRET_BYTES = 65536;

/** Read all of stdin (for piped values); strips one trailing newline. */
async function readPiped(stdin: NodeJS.ReadStream): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of stdin) {
    const buffer = typeof chunk === 'string' ? Buffer.from(chunk) : (chunk as Buffer);
    size += buffer.length;
    if (size > MAX_SECRET_BYTES + 2) throw new CliFailure('INVALID_INPUT', 'value on stdin is larger than 64 KiB');
    chunks.push(buffer);
  }
  return Buffer.concat(chunks).toString('utf8').replace(/\r?\n$/, '');
}

/** Prompt on the terminal with echo off. */
function promptHidden(io: CliIo, label: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const { stdin, stderr } = io;
    stderr.write(label);
    let value = '';
    stdin.setRawMode(true);
    stdin.resume();
    stdin.setEncoding('utf8');
    const done = (error: Error | null): void => {
      stdin.setRawMode(false);
      stdin.pause();
      stdin.removeListener('data', onData);
      stderr.write('\n');
      if (error) reject(error);
      else resolve(value);
    };
    const onData = (chunk: string): void => {
      for (const char of chunk) {
        if (char === '\r' || char === '\n') return done(null);
        if (char === '\u0003') return done(new CliFailure('USAGE', 'cancelled'));
        if (char === '\u0004') return done(null);
        if (char === '\u007f' || char === '\b') value = value.slice(0, -1);
        else value += char;
      }
    };
    stdin.on('data', onData);
  });
}

/**
 * A secret value from a hidden prompt (terminal) or from stdin (pipe) — never from argv,
 * so it stays out of shell history and `ps`.
 */
export async function readSecretValue(io: CliIo, what: string): Promise<string> {
  let value: string;
  if (io.stdin.isTTY) {
    value = await promptHidden(io, `Value for ${what} (input hidden): `);
    const again = await promptHidden(io, 'Again, to confirm: ');
    if (again !== value) throw new CliFailure('INVALID_INPUT', 'the two values differ; nothing was stored');
  } else {
    value = await readPiped(io.stdin);
  }
  if (value === '') throw new CliFailure('INVALID_INPUT', `no value given for ${what} (type it at the prompt or pipe it on stdin)`);
  return value;
}
