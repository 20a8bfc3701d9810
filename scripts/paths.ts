import { resolve } from 'node:path';

/** Where `npm run build:test` puts the dev/test build. */
export const TEST_BUILD_DIR = resolve(import.meta.dirname, '../.output/chrome-mv3-test');

/** The test build's fixed ID, derived from the manifest `key` in wxt.config.ts. */
export const TEST_EXTENSION_ID = 'difkencgdbknfphjeldipiphnmgbjnne';
