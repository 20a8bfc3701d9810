import { existsSync } from 'node:fs';

/** Chromium-family browsers we can drive, in order of preference. CHROME_PATH overrides. */
const CANDIDATES = [
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/usr/bin/google-chrome',
  '/usr/bin/google-chrome-stable',
  '/usr/bin/microsoft-edge',
  '/usr/bin/microsoft-edge-stable',
  '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
  '/Applications/Microsoft Edge.app/Contents/MacOS/Microsoft Edge',
  '/Applications/Chromium.app/Contents/MacOS/Chromium',
  'C:\\Program Files\\Google\\Chrome\\Application\\chrome.exe',
  'C:\\Program Files (x86)\\Microsoft\\Edge\\Application\\msedge.exe',
];

export const INSTALL_HINT =
  'No Chromium, Chrome or Edge found. Install one (Debian/Ubuntu: sudo apt-get install chromium) or set CHROME_PATH to its executable.';

export function findBrowser(): string | null {
  const override = process.env.CHROME_PATH;
  if (override) return existsSync(override) ? override : null;
  return CANDIDATES.find((path) => existsSync(path)) ?? null;
}

/** Flags that work in a container (root, no display, no GPU): no sandbox as root, no background traffic. */
export function browserArgs(extensionDir: string, language?: string): string[] {
  return [
    ...(process.getuid?.() === 0 ? ['--no-sandbox'] : []),
    '--disable-gpu',
    '--no-first-run',
    '--no-default-browser-check',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--disable-quic',
    `--disable-extensions-except=${extensionDir}`,
    `--load-extension=${extensionDir}`,
    ...(language ? [`--lang=${language}`, `--accept-lang=${language}`] : []),
  ];
}
