'use strict';
// What every console browser test needs: the tools it runs, checked up front with the command that installs them,
// and Debian's chromium started headless the way the project runs it.
const fs = require('node:fs');
const path = require('node:path');
const { execFileSync } = require('node:child_process');

const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
const HOW_TO_INSTALL = 'run .ci/run or: apt-get install chromium ffmpeg && npm ci --prefix console';

/** Fails with what is missing (chromium, ffmpeg, playwright-core) and how to install it. */
function requireTools() {
  const missing = [];
  if (!fs.existsSync(path.join(__dirname, '..', '..', 'node_modules', 'playwright-core'))) {
    missing.push('console/node_modules (npm ci)');
  }
  if (!fs.existsSync(CHROMIUM)) {
    missing.push(CHROMIUM);
  }
  try {
    execFileSync('ffmpeg', ['-hide_banner', '-version'], { stdio: 'ignore', timeout: 10_000 });
  } catch {
    missing.push('ffmpeg');
  }
  if (missing.length) {
    throw new Error(`missing ${missing.join(', ')}; ${HOW_TO_INSTALL}`);
  }
}

/** Headless chromium without GPU, background networking or first-run work, allowed to autoplay. */
function launchChromium() {
  const { chromium } = require('playwright-core');
  return chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    timeout: 30_000,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking',
      '--disable-component-update', '--no-first-run', '--autoplay-policy=no-user-gesture-required'],
  });
}

/**
 * Waits until the page's video plays and has advanced `seconds` from its first playing moment (live playback starts
 * near the edge, not at zero).
 */
async function playsFor(page, seconds) {
  await page.waitForFunction(() => {
    const video = document.getElementById('video');
    return !video.paused && video.currentTime > 0;
  }, null, { timeout: 30_000, polling: 100 });
  const start = await page.$eval('#video', (video) => video.currentTime);
  await page.waitForFunction((until) => document.getElementById('video').currentTime > until,
    start + seconds, { timeout: 30_000, polling: 250 });
}

module.exports = { requireTools, launchChromium, playsFor };
