import { accessSync, constants } from 'node:fs';

/** Where Chromium or Chrome usually is, on Debian and Ubuntu, Fedora, snap, and macOS. */
export const usualChromiumPaths = [
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/snap/bin/chromium',
  '/usr/bin/google-chrome',
  '/usr/bin/google-chrome-stable',
  '/Applications/Chromium.app/Contents/MacOS/Chromium',
  '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
];

const install =
  'Install one (Debian/Ubuntu: `sudo apt-get install chromium`; Fedora: `sudo dnf install chromium`; macOS: `brew install --cask chromium`), ' +
  'or set CHROMIUM_PATH to a Chromium or Chrome executable. playwright-core drives it and downloads no browser.';

/**
 * The Chromium the browser tests drive: CHROMIUM_PATH when set, else the first of the usual paths that can be
 * run. Without one it throws saying how to install it, rather than letting playwright fail on a missing file.
 */
export function findChromium(env: NodeJS.ProcessEnv = process.env, candidates: readonly string[] = usualChromiumPaths): string {
  const chosen = env.CHROMIUM_PATH;
  if (chosen) {
    if (!isExecutable(chosen)) throw new Error(`CHROMIUM_PATH is ${chosen}, which is not an executable file. ${install}`);
    return chosen;
  }
  const found = candidates.find(isExecutable);
  if (!found) throw new Error(`The browser tests need Chromium, and none was found in ${candidates.join(', ')}. ${install}`);
  return found;
}

/** Headless, and quiet: no sandbox (containers, root), no GPU, no background calls out. */
export const chromiumArgs = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'];

function isExecutable(path: string): boolean {
  try {
    accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}
