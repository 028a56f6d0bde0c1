import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { describe, expect, it } from 'vitest';

/** A process that logs through createLogger to its stdout, running `script` after the import. */
function logInChild(script: string) {
  const child = spawn(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', `
    import { createLogger } from './src/observability/logger.ts';
    const logger = createLogger('info');
    ${script}`], { stdio: ['ignore', 'pipe', 'inherit'] });
  const lines: { msg: string }[] = [];
  let rest = '';
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
    const parts = (rest + chunk).split('\n');
    rest = parts.pop() ?? '';
    lines.push(...parts.map((line) => JSON.parse(line) as { msg: string }));
  });
  return { child, lines };
}

describe('the log on stdout', () => {
  it('writes a line while the process goes on running, though lines are written in blocks', async () => {
    const { child, lines } = logInChild(`logger.info('first'); setInterval(() => {}, 1000);`);
    try {
      await expect.poll(() => lines.map((line) => line.msg), { timeout: 3_000 }).toEqual(['first']);
      expect(child.exitCode).toBeNull();
    } finally {
      child.kill();
    }
  });

  it('writes every line logged before the process exits', async () => {
    const { child, lines } = logInChild(`for (let i = 0; i < 3000; i++) logger.info('line ' + i); process.exit(0);`);
    await once(child, 'close');
    expect(lines).toHaveLength(3000);
    expect(lines.at(-1)?.msg).toBe('line 2999');
  });
});
