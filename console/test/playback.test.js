'use strict';
// The console in a real browser (Debian's chromium, headless) against live streams ffmpeg is producing now:
// each format must play on, list every rendition its manifest holds and show its diagnostics; failures must name
// the URL and HTTP status; a stream that stops must be reported and recover by itself; a stream that ends must say
// so; and a browser without MediaSource must still play HLS.
const { describe, test, before, after } = require('node:test');
const assert = require('node:assert/strict');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const net = require('node:net');
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
  if (!pathname.endsWith('.mpd')) {
    return body;
  }
  let mpd = body.toString('utf8').replace(/suggestedPresentationDelay="[^"]*"/, 'suggestedPresentationDelay="PT4S"');
  if (pathname.includes('/v2dash/')) {
    // The stack's MediaPackage v2 DASH manifest settings: 60 s window, 2 s minimum buffer and update period.
    mpd = mpd.replace(/minimumUpdatePeriod="[^"]*"/, 'minimumUpdatePeriod="PT2S"')
      .replace(/minBufferTime="[^"]*"/, 'minBufferTime="PT2S"')
      .replace(/timeShiftBufferDepth="[^"]*"/, 'timeShiftBufferDepth="PT60S"')
      .replace(/\s*<ServiceDescription[^>]*>\s*<\/ServiceDescription>/, '');
  }
  return Buffer.from(mpd);
}

function published(pathname, body) {
  return !/\/Fragments\([^/]*\)$/.test(decodeURIComponent(pathname)) || body.includes(TFRF);
}

/**
 * A faulty origin for one test at a time: `faults.set('/name/', rule)` serves the streams again under /name/, where
 * `rule(path)` (path without the prefix) returns what the server does: a status, a path, or a promise (a held request).
 */
const faults = new Map();

function intercept(pathname) {
  for (const [prefix, rule] of faults) {
    if (pathname.startsWith(prefix)) {
      return rule(pathname.slice(prefix.length - 1));
    }
  }
  return undefined;
}

/** What an origin that refuses `refused` paths with `status` while `isOn()` does; the rest it serves. */
function refusing(refused, status, isOn) {
  return (p) => (isOn() && refused.test(p) ? status : p);
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
    // What an earlier (killed) encoder left there must not pass for the new stream.
    fs.rmSync(specs[format].dir, { recursive: true, force: true });
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
    intercept,
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
    channelId: '1234567', region: 'eu-west-1',
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

/**
 * Opens the console for one format; every request off this machine is refused and remembered. `initScript` runs
 * in the page before any of its own scripts (e.g. to take MediaSource away).
 */
async function openConsole(query, { initScript } = {}) {
  const page = await state.browser.newPage({ viewport: { width: 1100, height: 760 } });
  if (initScript) {
    await page.addInitScript(initScript);
  }
  // Every State the page shows, in order (window.statesShown), so a test can check the transitions.
  await page.addInitScript(() => {
    window.statesShown = [];
    document.addEventListener('DOMContentLoaded', () => {
      const element = document.getElementById('state');
      const note = () => {
        const shown = element.dataset.state || element.textContent;
        if (window.statesShown[window.statesShown.length - 1] !== shown) {
          window.statesShown.push(shown);
        }
      };
      note();
      new MutationObserver(note).observe(element, { attributes: true, childList: true, characterData: true });
    });
  });
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
  await page.goto(`${consoleOrigin}/index.html?${new URLSearchParams(query)}`, { timeout: 60_000 });
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
  await assertDiagnostics(format, page);
}

/** What the details panel says about a stream that plays: the same facts, labelled the same way, for every format. */
async function assertDiagnostics(format, page) {
  await page.waitForFunction(() => Number(document.getElementById('bandwidth').dataset.bps) > 0
    && Number(document.getElementById('segment-duration').dataset.seconds) > 0, null,
  // dash.js reports a throughput only after a few segments: 10 s was once too little for MSS on an idle machine
  { timeout: 30_000, polling: 250 });
  const shown = await page.evaluate(() => {
    const d = (id) => document.getElementById(id);
    return {
      state: d('state').dataset.state,
      videoCodec: d('codecs').dataset.video,
      audioCodec: d('codecs').dataset.audio,
      segment: Number(d('segment-duration').dataset.seconds),
      manifest: d('manifest-url').dataset.url,
      frameKind: d('frame-time').dataset.kind,
      frameMs: Number(d('frame-time').dataset.epochMs),
      stalls: d('stalls').dataset.count,
      renditions: [...document.querySelectorAll('#renditions li')].map((li) => ({
        video: Number(li.dataset.videoBitrate) || 0, total: Number(li.dataset.totalBitrate) || 0,
        label: li.querySelector('span').textContent })),
    };
  });
  assert.equal(shown.state, 'playing');
  assert.match(shown.videoCodec, /^avc1\./);
  assert.match(shown.audioCodec, /^mp4a\./);
  assert.ok(shown.segment >= 0.5 && shown.segment <= 2.5, `segment duration ${shown.segment} s`);
  assert.equal(shown.manifest, `${streamOrigin}/${specs[format].manifest}`);
  if (format === 'dash' || format === 'mss') {
    // The manifest gives each video track its own bitrate; total adds the audio the rendition plays with.
    for (const r of shown.renditions) {
      assert.ok(r.video > 0 && r.total > r.video, JSON.stringify(r));
      assert.match(r.label, /· video [\d,]+ · total [\d,]+ kbit\/s$/);
    }
  } else {
    // An HLS variant's BANDWIDTH is the total; the playlist does not split it, so video is not claimed.
    for (const r of shown.renditions) {
      assert.ok(r.video === 0 && r.total > 0, JSON.stringify(r));
      assert.match(r.label, /· total [\d,]+ kbit\/s$/);
    }
  }
  if (format === 'dash') {
    // Live DASH is anchored to the wall clock (availabilityStartTime): the picture's own time is shown.
    assert.equal(shown.frameKind, 'wall-clock');
    assert.ok(Math.abs(Date.now() - shown.frameMs) < 60_000, `picture time ${new Date(shown.frameMs).toISOString()}`);
  } else {
    assert.equal(shown.frameKind, 'latency', 'without wall-clock times the picture time is the distance to live');
  }
}

/** A port on 127.0.0.1 nothing listens on: connecting to it is refused. */
function closedPort() {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

/** Runs `task` on every item, at most `width` at a time; fails with the first failure once all have settled. */
async function inParallel(items, width, task) {
  const queue = [...items];
  const failures = [];
  await Promise.all(Array.from({ length: width }, async () => {
    while (queue.length) {
      const item = queue.shift();
      await task(item).catch((e) => failures.push(e));
    }
  }));
  if (failures.length) {
    throw failures[0];
  }
}

async function waitForState(page, wanted, timeout) {
  try {
    await page.waitForFunction((s) => document.getElementById('state').dataset.state === s, wanted,
      { timeout, polling: 250 });
  } catch (e) {
    const details = await page.$eval('body', (b) => b.innerText).catch(() => '');
    e.message += `\nwaiting for state ${wanted}; the page shows:\n${details}\nbrowser console (last 15):\n`
      + (page.messages || []).slice(-15).join('\n');
    throw e;
  }
}

/** Waits for `predicate` in the page; on failure the message says what the page showed. */
async function waitInPage(page, what, predicate, arg, timeout) {
  try {
    await page.waitForFunction(predicate, arg, { timeout, polling: 250 });
  } catch (e) {
    const details = await page.$eval('body', (b) => b.innerText).catch(() => '');
    e.message += `\nwaiting for ${what}; the page shows:\n${details}\nbrowser console (last 15):\n`
      + (page.messages || []).slice(-15).join('\n');
    throw e;
  }
}

async function statesShown(page) {
  return page.evaluate(() => window.statesShown);
}

/**
 * A browser that will not start a video before the viewer has clicked (its autoplay policy): until a real click,
 * play() rejects with a NotAllowedError and the autoplay attribute does nothing.
 */
function blockAutoplay() {
  let clicked = false;
  document.addEventListener('click', (e) => { clicked = clicked || e.isTrusted; }, true);
  const play = HTMLMediaElement.prototype.play;
  HTMLMediaElement.prototype.play = function () {
    return clicked ? play.call(this)
      : Promise.reject(new DOMException('play() failed because the user didn\'t interact with the document first.',
        'NotAllowedError'));
  };
  Object.defineProperty(HTMLMediaElement.prototype, 'autoplay', { configurable: true, get: () => false, set() {} });
}

/** A refused autoplay shows the State paused and a Click to play button (no error); one click starts playback. */
async function assertClickToPlay(page, problems) {
  await waitForState(page, 'paused', 40_000);
  await waitInPage(page, 'the click-to-play hint', () => !!document.getElementById('click-to-play'), null, 10_000);
  assert.equal(await errorShown(page), '');
  assert.match(await page.$eval('#notice', (e) => e.textContent), /did not start the video by itself/);
  await page.click('#click-to-play');
  await waitForState(page, 'playing', 40_000);
  assert.equal(await page.$eval('#notice', (e) => e.hidden), true);
  assert.deepEqual(problems, []);
}

/** Kills the format's encoder while the console plays it: the State must become stalled, with the channel link. */
async function assertStallReported(format) {
  await stream(format);
  const { page, problems } = await openConsole({ [format]: `${streamOrigin}/${specs[format].manifest}`, source: format });
  try {
    await waitForState(page, 'playing', 40_000);
    const encoder = running[format].proc;
    stopStream(format);
    await encoder.exited();
    await waitForState(page, 'stalled', 60_000);
    await page.screenshot({ path: path.join(ARTIFACTS, `console-stalled-${format}.png`) });
    assert.match(await page.$eval('#notice', (e) => e.textContent),
      /^The stream stopped arriving \(.*\): is the channel running and receiving input\? /);
    assert.equal(await page.$eval('#channel-link', (a) => a.href),
      'https://eu-west-1.console.aws.amazon.com/medialive/home?region=eu-west-1#/channels/1234567');
    assert.equal(await errorShown(page), '', 'a stall is not an error');
    assert.ok(!(await statesShown(page)).includes('error'), (await statesShown(page)).join(' → '));
    assert.deepEqual(problems, []);
  } finally {
    await page.close();
  }
}

// Everything takes turns: one encoder and one test at a time keep 2 cores ahead of the wall clock, which live
// DASH players rightly insist on (the failure cases start no ffmpeg, but their browser page would still take CPU the
// live cases' wall-clock waits need on a busy machine; running them alongside saved under a minute).
describe('the console in a real browser', { concurrency: 1 }, () => {
  describe('playing live streams ffmpeg makes now', { concurrency: 1 }, () => {
    test('HLS plays a three-rendition ladder, query URL winning over the config file',
      { timeout: 150_000 }, async () => {
      await stream('hls');
      const { page, problems } = await openConsole({ hls: `${streamOrigin}/${specs.hls.manifest}`, source: 'hls' });
      try {
        await assertPlays('hls', page, problems);
        assert.match(await page.$eval('#player-name', (e) => e.textContent), /^hls\.js .*\(MediaSource\)$/);
        // Autoplay works because the video starts muted; the page says so and offers the sound.
        assert.equal(await page.$eval('#unmute-hint', (e) => e.hidden), false);
        await page.click('#unmute');
        assert.equal(await page.$eval('#video', (v) => v.muted), false);
        await page.waitForFunction(() => document.getElementById('unmute-hint').hidden, null, { timeout: 5_000 });
      } finally {
        await page.close();
      }
    });

    test('the ad-inserted HLS source from the config file is listed beside the plain ones and plays',
      { timeout: 150_000 }, async () => {
        await stream('hls');
        const { page, problems } = await openConsole({ source: 'hlsAds' });
        try {
          await assertPlays('hls', page, problems);
          assert.equal(await page.$eval('#source', (s) => s.value), 'hlsAds');
          const listed = await page.$$eval('#playback-urls li', (items) => items.map((li) => li.dataset.name));
          assert.deepEqual(listed, ['hls', 'cmaf', 'hlsAds']);
          assert.equal(await page.$eval('#playback-urls li[data-name="hlsAds"] strong', (e) => e.textContent),
            'HLS with ads');
          assert.equal(await page.$eval('option[value="dashAds"]', (o) => o.hidden), true,
            'no DASH ad source configured');
          assert.equal(await page.$eval('option[value="dash"]', (o) => o.hidden || !o.disabled), false,
            'a plain format without a URL stays listed, greyed out');
        } finally {
          await page.close();
        }
      });

    test('a pinned HLS rendition becomes the current one, and Auto releases it', { timeout: 150_000 }, async () => {
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

    test('an HLS autoplay the browser refuses shows a click-to-play hint, not an error, and one click plays',
      { timeout: 150_000 }, async () => {
        await stream('hls');
        const { page, problems } = await openConsole({ hls: `${streamOrigin}/${specs.hls.manifest}`, source: 'hls' },
          { initScript: blockAutoplay });
        try {
          await assertClickToPlay(page, problems);
        } finally {
          await page.close();
        }
      });

    test('a manifest that is not there yet is explained, with the channel from the config, and tried until it loads',
      { timeout: 150_000 }, async () => {
        await stream('hls');
        let missing = true;
        faults.set('/later/', (p) => (missing ? 404 : p));
        const url = `${streamOrigin}/later/${specs.hls.manifest}`;
        const tries = () => streams.requests.filter((p) => p === `/later/${specs.hls.manifest}`).length;
        // The channel in the address must not change the link: it comes from the stack's config only.
        const { page, problems } = await openConsole({ hls: url, source: 'hls', channelId: '666',
          region: 'evil.example.com' });
        try {
          await waitForState(page, 'error', 30_000);
          await waitInPage(page, 'the retry notice', () => /^retry-/.test(document.getElementById('notice').dataset.kind || ''),
            null, 10_000);
          const notice = await page.$eval('#notice', (e) => e.textContent);
          assert.match(notice, /^The channel may not be running yet, or it was stopped/);
          assert.match(notice, /Trying again every 10 s/);
          assert.equal(await page.$eval('#channel-link', (a) => a.href),
            'https://eu-west-1.console.aws.amazon.com/medialive/home?region=eu-west-1#/channels/1234567');
          assert.match(await errorShown(page), /HTTP 404 from/);
          const before = tries();
          await waitInPage(page, 'a second try', () => /\(1 try so far\)/.test(document.getElementById('notice').textContent),
            null, 30_000);
          assert.ok(tries() > before, `the manifest was asked for ${tries()} times`);

          missing = false;
          await waitForState(page, 'playing', 60_000);
          assert.equal(await errorShown(page), '');
          assert.equal(await page.$eval('#notice', (e) => e.hidden), true);
          assert.deepEqual(problems, []);
        } finally {
          faults.delete('/later/');
          await page.close();
        }
      });

    test('the browser\'s own HLS player names the rendition playlist that failed and its HTTP status',
      { timeout: 150_000 }, async () => {
        await stream('hls');
        faults.set('/broken/', (p) => (/\/v\d+\/index\.m3u8$/.test(p) ? 404 : p));
        const url = `${streamOrigin}/broken/${specs.hls.manifest}`;
        const noMediaSource = () => {
          delete window.MediaSource;
          delete window.WebKitMediaSource;
          delete window.ManagedMediaSource;
        };
        const { page } = await openConsole({ hls: url, source: 'hls' }, { initScript: noMediaSource });
        try {
          await waitForState(page, 'error', 40_000);
          assert.equal(await page.$eval('#player-name', (e) => e.textContent), 'the browser\'s own HLS player');
          const error = await page.$eval('#error', (e) => ({ ...e.dataset, text: e.textContent }));
          const rendition = `${streamOrigin}/broken/hls/v0/index.m3u8`;
          assert.equal(error.what, 'rendition playlist', error.text);
          assert.equal(error.status, '404', error.text);
          assert.equal(error.url, rendition, error.text);
          assert.equal(error.text, `Could not load the rendition playlist: HTTP 404 from ${rendition}`);
        } finally {
          faults.delete('/broken/');
          await page.close();
        }
      });

    test('DASH plays live with both representations listed', { timeout: 150_000 }, async () => {
      await stream('dash');
      const { page, problems } = await openConsole({ dash: `${streamOrigin}/${specs.dash.manifest}`, source: 'dash' });
      try {
        await assertPlays('dash', page, problems);
        assert.match(await page.$eval('#player-name', (e) => e.textContent), /^dash\.js /);
      } finally {
        await page.close();
      }
    });

    test('a DASH autoplay the browser refuses shows a click-to-play hint, not an error, and one click plays',
      { timeout: 150_000 }, async () => {
        await stream('dash');
        const { page, problems } = await openConsole({ dash: `${streamOrigin}/${specs.dash.manifest}`, source: 'dash' },
          { initScript: blockAutoplay });
        try {
          await assertClickToPlay(page, problems);
        } finally {
          await page.close();
        }
      });

    test('DASH segments that fail to load show a passing warning: playback goes on, and the warning goes',
      { timeout: 150_000 }, async () => {
        await stream('dash');
        let failing = false;
        faults.set('/segments/', refusing(/\/chunk-stream[01]-\d+\.m4s$/, 503, () => failing));
        const { page, problems } = await openConsole({ dash: `${streamOrigin}/segments/${specs.dash.manifest}`,
          source: 'dash' });
        try {
          await waitForState(page, 'playing', 40_000);
          failing = true;
          await waitInPage(page, 'the warning', () => !document.getElementById('warning').hidden, null, 40_000);
          const warning = await page.$eval('#warning', (e) => ({ ...e.dataset, text: e.textContent }));
          assert.equal(warning.status, '503', warning.text);
          assert.match(warning.url, /\/segments\/dash\/chunk-stream[01]-\d+\.m4s$/, warning.text);
          assert.match(warning.text, /^Could not load the segment: HTTP 503 from .*The player carries on and tries again\.$/);
          assert.equal(await errorShown(page), '', 'a segment that fails is not the end of playback');

          failing = false;
          const at = await page.$eval('#video', (v) => v.currentTime);
          await waitInPage(page, 'the warning to go', () => document.getElementById('warning').hidden, null, 60_000);
          await waitForState(page, 'playing', 30_000);
          await waitInPage(page, 'playback to move on', (t) => document.getElementById('video').currentTime > t + 2, at,
            30_000);
          assert.equal(await errorShown(page), '');
          assert.ok(!(await statesShown(page)).includes('error'), (await statesShown(page)).join(' → '));
          assert.deepEqual(problems, []);
        } finally {
          faults.delete('/segments/');
          await page.close();
        }
      });

    test('v2-shaped DASH (whole 2 s segments) gets back to its presentation delay after a stall with the console\'s '
      + 'low-latency settings; dash.js alone never plays faster to catch up', { timeout: 240_000 }, async () => {
      await stream('v2dash');
      const mpd = await (await fetch(`${streamOrigin}/${specs.v2dash.manifest}`)).text();
      assert.doesNotMatch(mpd, /availabilityTimeOffset|ServiceDescription/, 'not chunked: dash.js sees no low latency');
      assert.match(mpd, /<SegmentTimeline>/);
      assert.match(mpd, /media="[^"]*\$Number[^"]*\$[^"]*"/);
      let stallUntil = 0;
      // A stall as a congested origin makes one: every segment request waits until the stall is over.
      faults.set('/v2/', (p) => {
        const wait = stallUntil - Date.now();
        return wait > 0 && /\/chunk-stream\d+-\d+\.m4s$/.test(p) ? new Promise((r) => setTimeout(() => r(p), wait)) : p;
      });
      const url = `${streamOrigin}/v2/${specs.v2dash.manifest}`;
      // The same page without assets/js/low-latency.js's settings: what dash.js does by itself.
      const withoutSettings = () => Object.defineProperty(window, 'LowLatency', { get: () => undefined, set() {} });
      const pages = await Promise.all([openConsole({ dash: url, source: 'dash' }),
        openConsole({ dash: url, source: 'dash' }, { initScript: withoutSettings })]);
      const [withSettings, without] = pages.map((p) => p.page);
      const behind = (page) => page.$eval('#latency', (e) => Number(e.dataset.seconds));
      try {
        await Promise.all(pages.map(({ page }) => playsFor(page, 4)));
        await waitInPage(withSettings, 'a target latency', () => Number(document.getElementById('target-latency').dataset.seconds) > 0,
          null, 20_000);
        const target = Number(await withSettings.$eval('#target-latency', (e) => e.dataset.seconds));
        assert.ok(target >= 3 && target <= 6, `the suggested presentation delay is the target: ${target} s`);
        assert.equal(await withSettings.$eval('#low-latency', (e) => e.dataset.mode), 'live-dash');

        // How each player gets back after the stall: the fastest rate it plays at, and its seeks. In a stall this
        // long dash.js sometimes jumps ahead by itself (either page, at random), which can bring even the page without
        // the settings back near its delay; what only the settings do is play faster to catch up.
        await Promise.all([withSettings, without].map((page) => page.evaluate(() => {
          const video = document.getElementById('video');
          window.recovery = { fastest: video.playbackRate, seeks: 0 };
          video.addEventListener('ratechange', () => {
            window.recovery.fastest = Math.max(window.recovery.fastest, video.playbackRate);
          });
          video.addEventListener('seeking', () => { window.recovery.seeks += 1; });
        })));
        stallUntil = Date.now() + 12_000;
        await Promise.all([withSettings, without].map((page) => waitInPage(page, 'falling behind in the stall',
          (t) => Number(document.getElementById('latency').dataset.seconds) > t + 4, target, 60_000)));
        const fellTo = await behind(withSettings);
        await waitInPage(withSettings, 'catching up with the target', (t) => {
          const now = Number(document.getElementById('latency').dataset.seconds);
          return now > 0 && now < t + 1.5;
        }, target, 90_000);
        const caughtUp = await behind(withSettings);
        const stayed = await behind(without);
        const [withRecovery, withoutRecovery] = await Promise.all([withSettings, without]
          .map((page) => page.evaluate(() => window.recovery)));
        const how = ({ fastest, seeks }) => `fastest rate ${fastest.toFixed(2)}, ${seeks} seek(s)`;
        console.log(`v2-shaped DASH after a 12 s stall: ${fellTo.toFixed(1)} s behind, back to ${caughtUp.toFixed(1)} s `
          + `(target ${target.toFixed(1)} s) with the console's settings (${how(withRecovery)}); ${stayed.toFixed(1)} s `
          + `behind without them (${how(withoutRecovery)})`);
        assert.equal(withoutRecovery.fastest, 1, 'without the console\'s settings dash.js never plays faster to catch up');
        for (const { page, problems } of pages) {
          assert.equal(await errorShown(page), '');
          assert.deepEqual(problems, []);
        }
      } finally {
        faults.delete('/v2/');
        await Promise.all([withSettings, without].map((page) => page.close()));
      }
    });

    test('a DASH stream that stops arriving is reported as stalled, with a link to the channel', { timeout: 150_000 },
      () => assertStallReported('dash'));

    test('Smooth Streaming plays through the dash.js MSS module', { timeout: 150_000 }, async () => {
      await stream('mss');
      const { page, problems } = await openConsole({ mss: `${streamOrigin}/${specs.mss.manifest}`, source: 'mss' });
      try {
        await assertPlays('mss', page, problems);
        assert.match(await page.$eval('#player-name', (e) => e.textContent), /\+ MSS$/);
      } finally {
        await page.close();
      }
    });

    test('a Smooth Streaming stream that stops arriving is reported as stalled, with a link to the channel',
      { timeout: 150_000 }, () => assertStallReported('mss'));

    test('CMAF plays from the URL in the config file, with the encoder push URLs shown',
      { timeout: 150_000 }, async () => {
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

    test('a live stream that stops arriving is reported with a link to the channel, and recovers by itself',
      { timeout: 150_000 }, async () => {
        for (const other of Object.keys(running)) {
          stopStream(other);
        }
        const first = startFfmpeg('live', specs.live);
        state.ffmpeg.push(first);
        await waitReady(first, specs.live, 40_000);
        const { page, problems } = await openConsole({ hls: `${streamOrigin}/${specs.live.manifest}`, source: 'hls' });
        let second;
        try {
          await waitForState(page, 'playing', 30_000);
          // The playlist carries #EXT-X-PROGRAM-DATE-TIME, so the picture's wall-clock time is shown.
          await page.waitForFunction(() => document.getElementById('frame-time').dataset.kind === 'wall-clock', null,
            { timeout: 10_000 });
          const pictureMs = Number(await page.$eval('#frame-time', (e) => e.dataset.epochMs));
          assert.ok(Math.abs(Date.now() - pictureMs) < 30_000, `picture time ${new Date(pictureMs).toISOString()}`);

          first.stop();
          await first.exited();
          await waitForState(page, 'stalled', 40_000);
          await page.screenshot({ path: path.join(ARTIFACTS, 'console-stalled.png') });
          const notice = await page.$eval('#notice', (e) => ({ text: e.textContent, hidden: e.hidden }));
          assert.equal(notice.hidden, false);
          assert.match(notice.text,
            /^The stream stopped arriving \(.*\): is the channel running and receiving input\? /);
          assert.equal(await page.$eval('#channel-link', (a) => a.href),
            'https://eu-west-1.console.aws.amazon.com/medialive/home?region=eu-west-1#/channels/1234567');
          assert.equal(await errorShown(page), '', 'a stall is not an error');
          const stoppedAt = await page.$eval('#video', (v) => v.currentTime);

          second = startFfmpeg('live', specs.live, { restart: true });
          state.ffmpeg.push(second);
          await waitForState(page, 'playing', 60_000);
          await page.waitForFunction((t) => document.getElementById('video').currentTime > t + 3, stoppedAt,
            { timeout: 30_000, polling: 250 });
          assert.equal(await page.$eval('#notice', (e) => e.hidden), true, 'the notice goes when segments flow again');
          assert.ok(Number(await page.$eval('#stalls', (e) => e.dataset.count)) >= 1);
          assert.equal(await errorShown(page), '');
          assert.deepEqual(problems, []);
        } finally {
          await page.close();
          if (second) {
            second.stop();
          }
        }
      });

    test('a stream that ends is shown as ended, not as an error or a stall', { timeout: 150_000 }, async () => {
      for (const other of Object.keys(running)) {
        stopStream(other);
      }
      const ending = startFfmpeg('ending', specs.ending);
      state.ffmpeg.push(ending);
      await waitReady(ending, specs.ending, 40_000);
      const { page, problems } = await openConsole({ hls: `${streamOrigin}/${specs.ending.manifest}`, source: 'hls' });
      try {
        await waitForState(page, 'ended', 60_000);
        assert.match(await page.$eval('#notice', (e) => e.textContent), /^The stream has ended/);
        // Ended is where it stays: the page samples the player every half second and must not change its mind.
        await new Promise((r) => setTimeout(r, 2000));
        const states = await statesShown(page);
        assert.equal(states[0], 'loading', states.join(' → '));
        assert.ok(states.includes('playing'), states.join(' → '));
        assert.equal(states[states.length - 1], 'ended', states.join(' → '));
        assert.equal(states.indexOf('ended'), states.length - 1, `ended, then something else: ${states.join(' → ')}`);
        assert.deepEqual(states.filter((s) => !['loading', 'playing', 'buffering', 'ended'].includes(s)), [],
          states.join(' → '));
        assert.equal(await errorShown(page), '');
        assert.deepEqual(problems, []);
      } finally {
        await page.close();
      }
    });

    test('without MediaSource, HLS plays through ManagedMediaSource, else in the browser\'s own player',
      { timeout: 150_000 }, async () => {
        await stream('hls');
        const url = `${streamOrigin}/${specs.hls.manifest}`;
        // Safari on iOS 17.1+: ManagedMediaSource only. Here Chromium's MediaSource stands in for it.
        const managedOnly = () => {
          const Original = window.MediaSource;
          delete window.MediaSource;
          delete window.WebKitMediaSource;
          window.ManagedMediaSource = class ManagedMediaSource extends Original {};
        };
        // Safari on older iPhones: no MediaSource of any kind, HLS in the <video> element only.
        const noMediaSource = () => {
          delete window.MediaSource;
          delete window.WebKitMediaSource;
          delete window.ManagedMediaSource;
        };
        const [managed, native] = await Promise.all([
          openConsole({ hls: url, dash: `${streamOrigin}/${specs.dash.manifest}`, source: 'hls' },
            { initScript: managedOnly }),
          openConsole({ hls: url, dash: `${streamOrigin}/${specs.dash.manifest}`, source: 'hls' },
            { initScript: noMediaSource }),
        ]);
        try {
          await Promise.all([managed, native].map(async ({ page }) => {
            await waitForState(page, 'playing', 40_000);
            const start = await page.$eval('#video', (v) => v.currentTime);
            await page.waitForFunction((t) => document.getElementById('video').currentTime > t + 8, start,
              { timeout: 30_000, polling: 250 }).catch(async (e) => {
              e.message += `\n${await page.$eval('body', (b) => b.innerText)}`;
              throw e;
            });
            // Longer than the stall threshold: the console saw the stream advance, however the browser plays it.
            assert.equal(await page.$eval('#state', (e) => e.dataset.state), 'playing',
              await page.$eval('body', (b) => b.innerText));
          }));
          assert.match(await managed.page.$eval('#player-name', (e) => e.textContent),
            /^hls\.js .*\(ManagedMediaSource\)$/);
          assert.equal(await native.page.$eval('#player-name', (e) => e.textContent), 'the browser\'s own HLS player');
          assert.equal(await native.page.$$eval('#renditions li', (items) => items.length), 3,
            'the renditions come from the multivariant playlist');
          for (const { page, problems } of [managed, native]) {
            assert.equal(await errorShown(page), '');
            assert.deepEqual(problems, []);
          }
          // DASH has no such fallback: without MediaSource the page says why and what plays instead.
          await native.page.selectOption('#source', 'dash');
          await waitForState(native.page, 'error', 10_000);
          assert.match(await errorShown(native.page), /no Media Source Extensions.*pick HLS or CMAF instead/);
        } finally {
          await managed.page.close();
          await native.page.close();
        }
      });
  });

  describe('failing to load', { concurrency: 1 }, () => {
    test('every format names the failing URL and its HTTP status, or says no response came', { timeout: 120_000 },
      async () => {
        const port = await closedPort();
        const paths = { hls: 'missing/index.m3u8', dash: 'missing/index.mpd', mss: 'missing.ism/Manifest',
          cmaf: 'missing/cmaf.m3u8' };
        const cases = [];
        for (const [format, where] of Object.entries(paths)) {
          cases.push({ format, url: `${streamOrigin}/${where}`, status: '404', words: 'HTTP 404 from' });
          cases.push({ format, url: `http://127.0.0.1:${port}/${where}`, status: '0', words: 'no response from' });
        }
        faults.set('/unavailable/', () => 503);
        cases.push({ format: 'dash', url: `${streamOrigin}/unavailable/${paths.dash}`, status: '503',
          words: 'HTTP 503 from' });
        // No ffmpeg is involved, so the pages load side by side, four at a time.
        await inParallel(cases, 4, async ({ format, url, status, words }) => {
          const { page } = await openConsole({ [format]: url, source: format });
          try {
            await waitForState(page, 'error', 30_000);
            const error = await page.$eval('#error', (e) => ({ ...e.dataset, text: e.textContent, hidden: e.hidden }));
            assert.equal(error.hidden, false, format);
            assert.equal(error.status, status, `${format} ${url}: ${error.text}`);
            assert.equal(error.url, url, `${format}: ${error.text}`);
            assert.ok(error.text.includes(`${words} ${url}`), `${format}: ${error.text}`);
            assert.match(error.text, /^Could not load the (playlist|manifest|Smooth Streaming manifest): /);
            // Not there, not answering, or failing: most likely a channel that is not running; it is tried again.
            await waitInPage(page, 'the retry notice',
              () => /^retry-/.test(document.getElementById('notice').dataset.kind || ''), null, 10_000);
            assert.match(await page.$eval('#notice', (e) => e.textContent),
              /^The channel may not be running yet, or it was stopped.*Open channel 1234567 in the MediaLive console/);
          } finally {
            await page.close();
          }
        });
        faults.delete('/unavailable/');
      });
  });
});
