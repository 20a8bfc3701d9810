// @vitest-environment node
import { beforeAll, describe, expect, it } from 'vitest';
import { ESLint } from 'eslint';

/**
 * The code map's boundaries are rules in eslint.config.js. Each case lints a one-line module placed (in memory) in a
 * folder of the tree and checks that the boundary rule reports it, or that an allowed import stays clean.
 */
const BOUNDARY_RULES = new Set(['import-x/no-restricted-paths', 'no-restricted-imports', 'no-restricted-globals']);

const eslint = new ESLint({
  cwd: process.cwd(),
  // Boundary rules need no type information; this keeps each lint to a parse.
  overrideConfig: { languageOptions: { parserOptions: { projectService: false, project: null } } },
  ruleFilter: ({ ruleId }) => BOUNDARY_RULES.has(ruleId),
});

async function boundaryErrors(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return (result?.messages ?? []).map((m) => `${m.ruleId}: ${m.message}`);
}

describe('the code map, enforced by the linter', () => {
  // Loading the config, its plugins and the resolver takes seconds on a busy machine; do it once, not in a case.
  beforeAll(() => boundaryErrors('components/Probe.tsx', "import { t } from '../lib/i18n';"), 120_000);

  it.each([
    ['components/Probe.tsx', "import { createWebApiTransport } from '../lib/dataverse/web-api-transport';", 'no-restricted-paths'],
    ['components/panel/Probe.tsx', "import type { DataverseTransport } from '../../lib/dataverse/transport';", 'no-restricted-paths'],
    ['components/Probe.tsx', "import type { DataverseTransport } from '@/lib/dataverse/transport';", 'no-restricted-paths'],
    ['components/Probe.tsx', "import { browser } from 'wxt/browser';", 'no-restricted-imports'],
    ['components/Probe.tsx', "import browser from 'webextension-polyfill';", 'no-restricted-imports'],
    ['components/Probe.tsx', 'export const id = chrome.runtime.id;', 'no-restricted-globals'],
    ['lib/model/probe.ts', "import { Panel } from '../../components/Panel';", 'no-restricted-paths'],
    ['lib/probe.ts', "import { startEmulator } from '../emulator';", 'no-restricted-paths'],
    ['components/Probe.tsx', "import { TABLES } from '../emulator/schema/tables';", 'no-restricted-paths'],
    ['entrypoints/background/probe.ts', "import { startEmulator } from '../../emulator';", 'no-restricted-paths'],
    ['emulator/probe.ts', "import { t } from '../lib/i18n';", 'no-restricted-paths'],
    ['emulator/world/probe.ts', "import { Panel } from '../../components/Panel';", 'no-restricted-paths'],
    ['emulator/probe.ts', "import '../entrypoints/background/index';", 'no-restricted-paths'],
  ])(
    '%s may not: %s',
    async (filePath, code, rule) => {
      const errors = await boundaryErrors(filePath, code);
      expect(errors).toHaveLength(1);
      expect(errors[0]).toContain(rule);
    },
    30_000,
  );

  it.each([
    ['components/Probe.tsx', "import { t } from '../lib/i18n';"],
    ['components/Probe.tsx', "import type { Conversation } from '../lib/model/conversation';"],
    ['entrypoints/background/probe.ts', "import { createWebApiTransport } from '../../lib/dataverse/web-api-transport';"],
    ['entrypoints/background/probe.ts', "import { browser } from 'wxt/browser';"],
    ['lib/probe.ts', "import { browser } from 'wxt/browser';"],
    ['test/unit/probe.test.ts', "import { startEmulator } from '../../emulator';\nimport { t } from '../../lib/i18n';"],
    ['scripts/probe.ts', "import { startEmulator } from '../emulator';"],
  ])(
    '%s may: %s',
    async (filePath, code) => {
      expect(await boundaryErrors(filePath, code)).toEqual([]);
    },
    30_000,
  );
});
