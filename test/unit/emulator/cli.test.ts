// @vitest-environment node
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { expect, it } from 'vitest';

it('npm run emulator prints the org URL, serves on 127.0.0.1 and stops on SIGTERM', async () => {
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', 'emulator/cli.ts', '--port', '0', '--seed', '2', '--scenario', 'empty', '--speed', '5'],
    { cwd: new URL('../../../', import.meta.url).pathname },
  );
  let out = '';
  const url = await new Promise<string>((resolve, reject) => {
    child.stdout.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const match = /^Emulated org: (http:\/\/127\.0\.0\.1:\d+)$/m.exec(out);
      if (match) resolve(match[1]!);
    });
    child.once('exit', () => reject(new Error(`exited early: ${out}`)));
  });
  const res = await fetch(`${url}/api/data/v9.2/WhoAmI()`);
  expect(res.status).toBe(401);
  child.kill('SIGTERM');
  const [code] = await once(child, 'exit');
  expect(code).toBe(0);
}, 30_000);

it('refuses an unknown --variant, naming the variants there are', async () => {
  const child = spawn(process.execPath, ['--import', 'tsx', 'emulator/cli.ts', '--port', '0', '--variant', 'nope'], {
    cwd: new URL('../../../', import.meta.url).pathname,
  });
  let err = '';
  child.stderr.on('data', (chunk: Buffer) => {
    err += chunk.toString();
  });
  const [code] = await once(child, 'exit');
  expect(code).toBe(2);
  expect(err).toContain('--variant must be one of default, unbound-renamed, legacy-free, locked-down, assign-unmappable');
}, 30_000);
