import { describe, expect, it } from 'vitest';
import { findChromium } from './chromium.js';

// process.execPath (node) stands for an executable Chromium; package.json for a file that cannot be run.
const executable = process.execPath;
const notExecutable = new URL('../package.json', import.meta.url).pathname;

describe('findChromium', () => {
  it('takes CHROMIUM_PATH before the usual paths', () => {
    expect(findChromium({ CHROMIUM_PATH: executable }, ['/usr/bin/chromium'])).toBe(executable);
  });

  it('refuses a CHROMIUM_PATH that cannot be run, naming it', () => {
    expect(() => findChromium({ CHROMIUM_PATH: notExecutable }, [executable])).toThrow(`CHROMIUM_PATH is ${notExecutable}, which is not an executable file`);
  });

  it('takes the first usual path that can be run', () => {
    expect(findChromium({}, ['/nowhere/chromium', notExecutable, executable])).toBe(executable);
  });

  it('says where it looked and how to install Chromium when there is none', () => {
    expect(() => findChromium({}, ['/nowhere/chromium', notExecutable])).toThrow(
      /none was found in \/nowhere\/chromium, .*package\.json\. Install one \(Debian\/Ubuntu: `sudo apt-get install chromium`.*set CHROMIUM_PATH/,
    );
  });
});
