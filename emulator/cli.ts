/**
 * `npm run emulator -- --port <n> --seed <s> --scenario <name> --variant <name> --speed <x>`: serves the emulated org
 * on 127.0.0.1 until Ctrl-C / SIGTERM.
 */
import { parseArgs } from 'node:util';
import { createEmulator } from './index';
import { VARIANT_NAMES, type VariantName } from './variants';
import { SCENARIOS, type ScenarioName } from './world/scenario';

function fail(message: string): never {
  console.error(message);
  process.exit(2);
}

const { values } = parseArgs({
  options: {
    port: { type: 'string', default: '5555' },
    seed: { type: 'string', default: '1' },
    scenario: { type: 'string', default: 'typical' },
    variant: { type: 'string', default: 'default' },
    speed: { type: 'string', default: '1' },
  },
  strict: true,
});

const port = Number(values.port);
const seed = Number(values.seed);
const speed = Number(values.speed);
if (!Number.isInteger(port) || port < 0 || port > 65535) fail(`--port must be 0–65535, got ${values.port}`);
if (!Number.isInteger(seed)) fail(`--seed must be an integer, got ${values.seed}`);
if (!Number.isFinite(speed) || speed < 0) fail(`--speed must be a number ≥ 0, got ${values.speed}`);
if (!SCENARIOS.includes(values.scenario as ScenarioName)) fail(`--scenario must be one of ${SCENARIOS.join(', ')}`);
if (!VARIANT_NAMES.includes(values.variant as VariantName)) fail(`--variant must be one of ${VARIANT_NAMES.join(', ')}`);

const emulator = createEmulator({ seed, speed, scenario: values.scenario as ScenarioName, variant: values.variant as VariantName });
const server = await emulator.listen(port);
console.log(`Emulated org: ${server.url}`);
if (values.variant !== 'default') console.log(`Variant: ${values.variant}`);

const stop = () => {
  void emulator.close().then(() => process.exit(0));
};
process.once('SIGINT', stop);
process.once('SIGTERM', stop);
