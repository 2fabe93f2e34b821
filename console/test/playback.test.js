'use strict';
// The console in a real browser (Debian's chromium, headless) against live streams ffmpeg is producing now:
// each format must play on, list every rendition its manifest holds, and show no player error.
const { test, before, after } = require('node:test');
const assert = require('node:assert/strict');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { build } = require('../build.js');
const { startServer } = require('./support/server.js');
const { requireTools, launchChromium, playsFor } = require('./support/browser.js');
const { formats, startFfmpeg, waitReady, renditionsInManifest } = require('./support/streams.js');

const ARTIFACTS = path.join(__dirname, '..', 'test-artifacts');
const PLAYED_SECONDS = 5;

const state = { ffmpeg: [], servers: [], browser: null, tmp: null };

function stopEverything() {
  state.ffmpeg.forEach((p) => p.stop());
}
process.on('exit', stopEverything);

// The tfrf box (a uuid box) in which a live Smooth Streaming fragment announces the ones after it.
const TFRF = Buffer.from('d4807ef2ca3946958e5426cb9e46a79f', 'hex');

/**
 * What a live origin does that ffmpeg's files alone do not:
 * - ffmpeg's live MPD asks players to stay one segment (1 s) behind the edge, less than the 2 s minBufferTime
 *   it also writes, and dash.js then waits for buffer that cannot come. MediaPackage suggests 25 s by default;
 *   this origin suggests 4 s, as a packager configured for low delay would.
 * - ffmpeg writes a Smooth Streaming fragment first and fills in its tfrf box when the next one is done; an
 *   origin (IIS, MediaPackage) serves a live fragment only with its tfrf, so this one holds such a request
 *   until the tfrf is there.
 */
function originSettings(pathname, body) {
  return pathname.endsWith('.mpd')
    ? Buffer.from(body.toString('utf8').replace(/suggestedPresentationDelay="[^"]*"/, 'suggestedPresentationDelay="PT4S"'))
    : body;
}

function published(pathname, body) {
  return !/\/Fragments\([^/]*\)$/.test(decodeURIComponent(pathname)) || body.includes(TFRF);
}

let streams;
let specs;
let consoleOrigin;
let streamOrigin;
const running = {};

/**
 * Starts the format's ffmpeg on first use and resolves when its manifest has a few segments. One stream runs
 * at a time: a starved encoder falls behind the wall clock, which live DASH players rightly refuse.
 */
function stream(format) {
  if (!running[format]) {
    for (const other of Object.keys(running)) {
      stopStream(other);
    }
    const proc = startFfmpeg(format, specs[format]);
    state.ffmpeg.push(proc);
    running[format] = { proc, ready: waitReady(proc, specs[format], 40_000) };
  }
  return running[format].ready;
}

function stopStream(format) {
  if (running[format]) {
    running[format].proc.stop();
    delete running[format];
  }
}

before(async () => {
  requireTools();
  build();
  fs.mkdirSync(ARTIFACTS, { recursive: true });
  state.tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'console-streams-'));

  // Streams come from a second origin, so the players must get through CORS as they do against CloudFront.
  streams = await startServer(state.tmp, {
    cors: true,
    routes: { '/time': () => ['text/plain', new Date().toISOString()] },
    rewrite: originSettings,
    published,
  });
  state.servers.push(streams);
  streamOrigin = streams.origin;
  specs = formats(state.tmp, `${streamOrigin}/time`);

  // The page's config file as the DemoConsole resource would write it: CMAF from here, HLS overridden by the
  // query, encoder URLs for a push input.
  // An ad-inserted HLS source as MediaTailor would serve it (here the plain HLS stream), and none for DASH.
  const config = {
    hls: 'http://127.0.0.1:9/not-this-one.m3u8', dash: '', mss: '', cmaf: `${streamOrigin}/${specs.cmaf.manifest}`,
    endpoint1: 'rtmp://203.0.113.10:1935/stream/primary', endpoint2: 'rtmp://203.0.113.11:1935/stream/secondary',
    inputType: 'RTMP_PUSH', hlsAds: `${streamOrigin}/${specs.hls.manifest}`, dashAds: '',
  };
  const consoleServer = await startServer(path.join(__dirname, '..', 'dist'), {
    routes: {
      '/assets/js/config.js': () => ['application/javascript',
        `window.LIVE_STREAMING_CONFIG = ${JSON.stringify(config)};\n`],
    },
  });
  state.servers.push(consoleServer);
  consoleOrigin = consoleServer.origin;

  state.browser = await launchChromium();
}, { timeout: 60_000 });

after(async () => {
  stopEverything();
  if (state.browser) {
    await state.browser.close().catch(() => {});
  }
  await Promise.all(state.servers.map((s) => s.close()));
  if (state.tmp) {
    fs.rmSync(state.tmp, { recursive: true, force: true });
  }
}, { timeout: 30_000 });

/** Opens the console for one format; every request off this machine is refused and remembered. */
async function openConsole(query) {
  const page = await state.browser.newPage({ viewport: { width: 1100, height: 760 } });
  const problems = [];
  const messages = [];
  page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
  page.on('console', (m) => messages.push(`${m.type()}: ${m.text()}`.slice(0, 300)));
  page.messages = messages;
  await page.route('**/*', (route) => {
    const { hostname } = new URL(route.request().url());
    if (hostname === '127.0.0.1') {
      return route.continue();
    }
    problems.push(`request off the machine: ${route.request().url()}`);
    return route.abort();
  });
  await page.goto(`${consoleOrigin}/index.html?${new URLSearchParams(query)}`, { timeout: 15_000 });
  return { page, problems };
}

async function manifestRenditions(format) {
  const response = await fetch(`${streamOrigin}/${specs[format].manifest}`);
  return renditionsInManifest(format, await response.text());
}

async function errorShown(page) {
  return page.$eval('#error', (e) => (e.hidden ? '' : e.textContent));
}

/** Waits for playback past PLAYED_SECONDS, the full rendition list and a known current rendition. */
async function assertPlays(format, page, problems) {
  const expected = await manifestRenditions(format);
  assert.ok(expected >= 2, `the ${format} manifest lists ${expected} renditions`);
  try {
    await playsFor(page, PLAYED_SECONDS);
    await page.waitForFunction((n) => document.querySelectorAll('#renditions li').length === n,
      expected, { timeout: 10_000, polling: 250 });
    await page.waitForFunction(() => Number(document.getElementById('current-rendition').dataset.height) > 0,
      null, { timeout: 10_000, polling: 250 });
  } catch (e) {
    const details = await page.$eval('.details', (d) => d.innerText).catch(() => '');
    e.message += `\nconsole shows:\n${details}\nbrowser console (last 15):\n${(page.messages || []).slice(-15).join('\n')}`;
    throw e;
  } finally {
    await page.screenshot({ path: path.join(ARTIFACTS, `console-${format}.png`) });
  }
  assert.equal(await errorShown(page), '');
  assert.deepEqual(problems, []);
  const behind = Number(await page.$eval('#latency', (e) => e.dataset.seconds));
  assert.ok(behind > 0 && behind < 60, `behind the live edge: ${behind} s`);
  const listed = await page.$$eval('#renditions li', (items) => items.map((li) => Number(li.dataset.height)));
  assert.ok(listed.every((height) => height > 0), `renditions without a size: ${listed}`);
}

test('HLS plays a three-rendition ladder, query URL winning over the config file', { timeout: 75_000 }, async () => {
  await stream('hls');
  const { page, problems } = await openConsole({ hls: `${streamOrigin}/${specs.hls.manifest}`, source: 'hls' });
  try {
    await assertPlays('hls', page, problems);
    assert.match(await page.$eval('#player-name', (e) => e.textContent), /^hls\.js /);
  } finally {
    await page.close();
  }
});

test('the ad-inserted HLS source from the config file is listed beside the plain ones and plays', { timeout: 75_000 }, async () => {
  await stream('hls');
  const { page, problems } = await openConsole({ source: 'hlsAds' });
  try {
    await assertPlays('hls', page, problems);
    assert.equal(await page.$eval('#source', (s) => s.value), 'hlsAds');
    const listed = await page.$$eval('#playback-urls li', (items) => items.map((li) => li.dataset.name));
    assert.deepEqual(listed, ['hls', 'cmaf', 'hlsAds']);
    assert.equal(await page.$eval('#playback-urls li[data-name="hlsAds"] strong', (e) => e.textContent), 'HLS with ads');
    assert.equal(await page.$eval('option[value="dashAds"]', (o) => o.hidden), true, 'no DASH ad source configured');
    assert.equal(await page.$eval('option[value="dash"]', (o) => o.hidden || !o.disabled), false,
      'a plain format without a URL stays listed, greyed out');
  } finally {
    await page.close();
  }
});

test('a pinned HLS rendition becomes the current one, and Auto releases it', { timeout: 60_000 }, async () => {
  await stream('hls');
  const { page, problems } = await openConsole({ hls: `${streamOrigin}/${specs.hls.manifest}`, source: 'hls' });
  try {
    await page.waitForFunction(() => document.querySelectorAll('#renditions li').length >= 3, null, { timeout: 30_000 });
    const target = await page.$$eval('#renditions li', (items) => {
      const smallest = items.reduce((a, b) => (Number(a.dataset.height) <= Number(b.dataset.height) ? a : b));
      smallest.querySelector('button').click();
      return Number(smallest.dataset.height);
    });
    await page.waitForFunction((height) => Number(document.getElementById('current-rendition').dataset.height) === height
      && document.getElementById('video').videoHeight === height, target, { timeout: 30_000, polling: 250 });
    assert.equal(await page.$eval('#renditions li.pinned', (li) => Number(li.dataset.height)), target);
    await page.click('#auto');
    assert.equal(await page.$eval('#auto', (b) => b.getAttribute('aria-pressed')), 'true');
    assert.equal(await page.$$eval('#renditions li.pinned', (items) => items.length), 0);
    assert.equal(await errorShown(page), '');
    assert.deepEqual(problems, []);
  } finally {
    await page.close();
  }
});

test('DASH plays live with both representations listed', { timeout: 75_000 }, async () => {
  await stream('dash');
  const { page, problems } = await openConsole({ dash: `${streamOrigin}/${specs.dash.manifest}`, source: 'dash' });
  try {
    await assertPlays('dash', page, problems);
    assert.match(await page.$eval('#player-name', (e) => e.textContent), /^dash\.js /);
  } finally {
    await page.close();
  }
});

test('Smooth Streaming plays through the dash.js MSS module', { timeout: 75_000 }, async () => {
  await stream('mss');
  const { page, problems } = await openConsole({ mss: `${streamOrigin}/${specs.mss.manifest}`, source: 'mss' });
  try {
    await assertPlays('mss', page, problems);
    assert.match(await page.$eval('#player-name', (e) => e.textContent), /\+ MSS$/);
  } finally {
    await page.close();
  }
});

test('CMAF plays from the URL in the config file, with the encoder push URLs shown', { timeout: 75_000 }, async () => {
  await stream('cmaf');
  const { page, problems } = await openConsole({ source: 'cmaf' });
  try {
    await assertPlays('cmaf', page, problems);
    const pushUrls = await page.$$eval('#encoder-urls li button', (buttons) => buttons.map((b) => b.dataset.copy));
    assert.deepEqual(pushUrls, ['rtmp://203.0.113.10:1935/stream/primary', 'rtmp://203.0.113.11:1935/stream/secondary']);
    assert.equal(await page.$eval('#encoder', (e) => e.hidden), false);
  } finally {
    await page.close();
  }
});
