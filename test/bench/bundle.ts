/**
 * Bundle sizes of a build: the content script (what every workspace page loads) and the side panel (what its
 * HTML loads: entry script, preloaded chunks, stylesheets). Gzip is per file at level 9, as a store package or a
 * transfer would compress them.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

export interface Size {
  files: string[];
  raw: number;
  gzip: number;
}

export interface BundleFigures {
  buildDir: string;
  contentScript: Size;
  panel: Size;
}

function sizeOf(dir: string, files: readonly string[]): Size {
  let raw = 0;
  let gzip = 0;
  for (const file of files) {
    const bytes = readFileSync(join(dir, file));
    raw += bytes.length;
    gzip += gzipSync(bytes, { level: 9 }).length;
  }
  return { files: [...files], raw, gzip };
}

export function measureBundle(buildDir: string): BundleFigures {
  const manifest = JSON.parse(readFileSync(join(buildDir, 'manifest.json'), 'utf8')) as {
    content_scripts?: { js?: string[]; css?: string[] }[];
    side_panel?: { default_path?: string };
  };
  // A shadow-root UI ships its stylesheet next to the script (loaded at mount, not listed in the manifest).
  const scripts = (manifest.content_scripts ?? []).flatMap((script) => [...(script.js ?? []), ...(script.css ?? [])]);
  const siblingCss = scripts.filter((file) => file.endsWith('.js')).map((file) => file.replace(/\.js$/, '.css')).filter((file) => existsSync(join(buildDir, file)));
  const contentFiles = [...new Set([...scripts, ...siblingCss])];

  const panelHtml = manifest.side_panel?.default_path ?? 'sidepanel.html';
  const html = readFileSync(join(buildDir, panelHtml), 'utf8');
  const assets = [...html.matchAll(/<(?:script|link)\b[^>]*\b(?:src|href)="\/?([^"]+)"/g)].map((match) => match[1]!);
  const panelFiles = [panelHtml, ...new Set(assets.filter((file) => existsSync(join(buildDir, file))))];

  return { buildDir, contentScript: sizeOf(buildDir, contentFiles), panel: sizeOf(buildDir, panelFiles) };
}
