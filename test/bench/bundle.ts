/**
 * Bundle sizes of a build: the content script (the overlay's loader, what every workspace page loads), and the side
 * panel and the overlay page (what each one's HTML loads: entry script, preloaded chunks, stylesheets). Gzip is per
 * file at level 9, as a store package or a transfer would compress them.
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
  /** overlay.html in the loader's frame: the same panel as the side panel, loaded from the extension's own files. */
  overlayPage: Size;
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

/** An extension page and everything its HTML loads from the build. */
function pageFiles(dir: string, page: string): string[] {
  const html = readFileSync(join(dir, page), 'utf8');
  const assets = [...html.matchAll(/<(?:script|link)\b[^>]*\b(?:src|href)="\/?([^"]+)"/g)].map((match) => match[1]!);
  return [page, ...new Set(assets.filter((file) => existsSync(join(dir, file))))];
}

export function measureBundle(buildDir: string): BundleFigures {
  const manifest = JSON.parse(readFileSync(join(buildDir, 'manifest.json'), 'utf8')) as {
    content_scripts?: { js?: string[]; css?: string[] }[];
    side_panel?: { default_path?: string };
  };
  const contentFiles = [...new Set((manifest.content_scripts ?? []).flatMap((script) => [...(script.js ?? []), ...(script.css ?? [])]))];
  return {
    buildDir,
    contentScript: sizeOf(buildDir, contentFiles),
    panel: sizeOf(buildDir, pageFiles(buildDir, manifest.side_panel?.default_path ?? 'sidepanel.html')),
    overlayPage: sizeOf(buildDir, pageFiles(buildDir, 'overlay.html')),
  };
}
