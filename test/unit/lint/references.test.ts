// @vitest-environment node
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

/** What comments and strings may cite: documents in this repository, never an issue or a file outside it. */
const ROOT = join(import.meta.dirname, '../../..');
const SCANNED = ['lib', 'components', 'entrypoints', 'emulator', 'scripts', 'test'];
const TEXT = /\.(ts|tsx|js|mjs|cjs|json|md|css|html|sh)$/;
const SELF = relative(ROOT, import.meta.filename);

const FORBIDDEN: Array<[string, RegExp]> = [
  ['an issue number', /\bissue\s*#?\d+/i],
  ['a house-style rule number', /\bhouse[ -]?style\s*#?\d+/i],
  ['a path outside the repository', /\.\.\/shared\/|\/work\/shared\//],
  ['a reference document outside the repository', /\b(platform-api|platform-evidence|house-style|toolchain|glossary-sv)\.md\b/],
  ['a section sign of an outside document (link a docs/ heading instead)', /(?<!\bRFC \d+ )§\s?\d/],
];

function filesUnder(dir: string): string[] {
  return readdirSync(join(ROOT, dir)).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(join(ROOT, path)).isDirectory()) return filesUnder(path);
    return TEXT.test(name) ? [path] : [];
  });
}

/** GitHub's heading anchors: lower case, punctuation dropped, spaces to hyphens. */
function anchorsOf(markdown: string): Set<string> {
  const headings = [...markdown.matchAll(/^#{1,6}\s+(.+)$/gm)].map((m) => m[1]!);
  return new Set(
    headings.map((h) =>
      h
        .trim()
        .toLowerCase()
        .replace(/[^\p{L}\p{N}\s_-]/gu, '')
        .replace(/\s/g, '-'),
    ),
  );
}

const files = SCANNED.flatMap(filesUnder).filter((path) => path !== SELF);

describe('references that resolve', () => {
  it('scans the code', () => {
    expect(files.length).toBeGreaterThan(300);
  });

  it.each(FORBIDDEN)('no comment or string cites %s', (_what, pattern) => {
    const hits = files.flatMap((path) =>
      readFileSync(join(ROOT, path), 'utf8')
        .split('\n')
        .flatMap((line, i) => (pattern.test(line) ? [`${path}:${i + 1}: ${line.trim()}`] : [])),
    );
    expect(hits).toEqual([]);
  });

  it('every docs/ link names a document that exists, and a heading in it', () => {
    const broken: string[] = [];
    const anchors = new Map<string, Set<string>>();
    for (const path of [...files, 'README.md']) {
      for (const [cited, doc, anchor] of readFileSync(join(ROOT, path), 'utf8').matchAll(/\bdocs\/([\w./-]+\.md)(?:#([\w-]+))?/g)) {
        const target = join(ROOT, 'docs', doc!);
        if (!existsSync(target)) {
          broken.push(`${path}: ${cited} (no such document)`);
          continue;
        }
        if (!anchor) continue;
        if (!anchors.has(target)) anchors.set(target, anchorsOf(readFileSync(target, 'utf8')));
        if (!anchors.get(target)!.has(anchor)) broken.push(`${path}: ${cited} (no such heading)`);
      }
    }
    expect(broken).toEqual([]);
  });
});

describe("README's map of the code", () => {
  const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
  const map = readme.slice(readme.indexOf('## Map of the code')).split('```')[1] ?? '';
  const folders = (dir: string) =>
    readdirSync(join(ROOT, dir))
      .filter((name) => statSync(join(ROOT, dir, name)).isDirectory())
      .sort();

  /** Folders the map names under a top folder: `lib/a`, `lib/a, b`, or indented lines under `parent/`. */
  function named(parent: string): string[] {
    const names = new Set<string>();
    let inside = false;
    for (const line of map.split('\n')) {
      const top = line.match(/^(\S+?)\/(\S*)/);
      if (top) {
        inside = `${top[1]}/${top[2]}`.replace(/\/$/, '') === parent;
        const [first, ...more] = line.match(/^[\w/.-]+(?:, [\w-]+)*/)![0].split(', ');
        if (first!.startsWith(`${parent}/`) && first!.length > parent.length + 1) {
          names.add(first!.slice(parent.length + 1).replace(/\/$/, ''));
          more.forEach((name) => names.add(name));
        }
        continue;
      }
      const child = line.match(/^ {2}([\w-]+)\s/);
      if (inside && child) names.add(child[1]!);
    }
    return [...names].sort();
  }

  it.each(['lib', 'components', 'lib/features'])('lists every folder in %s/, and only those', (parent) => {
    expect(named(parent)).toEqual(folders(parent));
  });
});
