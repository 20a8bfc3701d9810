/**
 * `npm run build:test`: the dev/test build (fixed extension ID, emulator origin allowed). Prints its folder last,
 * so scripts and people can load it: `chromium --load-extension=$(npm run -s build:test | tail -1)`.
 */
import { execFileSync } from 'node:child_process';
import { TEST_BUILD_DIR } from './paths';

execFileSync('npx', ['wxt', 'build', '--mode', 'test'], { stdio: ['ignore', 'inherit', 'inherit'] });
console.log(TEST_BUILD_DIR);
