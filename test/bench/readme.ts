/**
 * The README's Benchmarks table is generated, never edited: `npm run bench` rewrites the block between the markers
 * after a full run, and `npm run bench:readme` does it again from bench/results/latest.json (after a change to how
 * the table is written).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { renderReadmeBlock, replaceReadmeBlock } from './markdown';
import type { BenchResults } from './results';
import { evaluateTargets } from './targets';

export const README = resolve(import.meta.dirname, '../../README.md');
export const LATEST_JSON = resolve(import.meta.dirname, '../../bench/results/latest.json');

export function writeReadme(results: BenchResults): void {
  const readme = readFileSync(README, 'utf8');
  writeFileSync(README, replaceReadmeBlock(readme, renderReadmeBlock(results, evaluateTargets(results))));
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const results = JSON.parse(readFileSync(LATEST_JSON, 'utf8')) as BenchResults;
  if (results.quick) throw new Error('bench/results/latest.json is from a quick run: the README takes full runs only');
  writeReadme(results);
  console.log('README.md: the Benchmarks table is regenerated from bench/results/latest.json');
}
