'use strict';
// Low-latency playback in a real browser (Debian's chromium, headless): ffmpeg encodes a live ladder as chunked
// CMAF and pushes it, chunk by chunk, to a local low-latency origin (test/support/low-latency-origin.js), which
// serves it as LL-HLS (parts, preload hints, blocking playlist reloads) and LL-DASH (segments streamed while they are
// encoded). The console must play both close to the live edge, say it plays them in low-latency mode, and show the
// latency it reached, which the test prints and bounds.
const { test, before, after } = require('node:test');
const assert = require('node:assert/strict');
const fs = require('node:fs');
const path = require('node:path');
const { spawn } = require('node:child_process');
const { build } = require('../build.js');
const { startServer } = require('./support/server.js');
const { startLowLatencyOrigin } = require('./support/low-latency-origin.js');
const { requireTools, launchChromium, playsFor } = require('./support/browser.js');

const ARTIFACTS = path.join(__dirname, '..', 'test-artifacts');
const PLAYED_SECONDS = 6;
/** How long the latency is watched once playback has settled; the figure reported is the median of the samples. */
const SAMPLE_SECONDS = 4;
// Parts of about 0.5 s with three held back put the target near 1.5 s; a standard HLS player holds back three 2 s
// segments plus the one being written (7-8 s). The bound leaves room for a loaded build machine.
const MAX_LATENCY_SECONDS = 4;

const state = { ffmpeg: null, origin: null, consoleServer: null, browser: null };

/**
 * ffmpeg as a low-latency encoder: two H.264 rungs and AAC in 2 s segments, each cut into CMAF chunks of 0.5 s that
 * are PUT with chunked transfer encoding as soon as they are encoded (-ldash -streaming), with a producer reference
 * time (prft) per chunk. 24 fps and 12-frame GOPs make every video chunk start with an IDR frame, so each LL-HLS part
 * is independent, as MediaPackage v2's are with the stack's 1 s GOPs and 1 s CMAF segments.
 */
function encoderArgs(origin) {
  return ['-hide_banner', '-loglevel', 'error', '-nostdin',
    '-re', '-f', 'lavfi', '-i', 'testsrc2=size=384x216:rate=24',
    '-re', '-f', 'lavfi', '-i', 'sine=frequency=440:sample_rate=48000',
    '-filter_complex', '[0:v]split=2[a][b];[a]scale=384:216[v0];[b]scale=256:144[v1]',
    '-map', '[v0]', '-map', '[v1]', '-map', '1:a',
    '-c:v', 'libx264', '-preset', 'ultrafast', '-tune', 'zerolatency', '-pix_fmt', 'yuv420p',
    '-g', '12', '-keyint_min', '12', '-sc_threshold', '0',
    '-b:v:0', '400k', '-maxrate:v:0', '400k', '-bufsize:v:0', '400k',
    '-b:v:1', '150k', '-maxrate:v:1', '150k', '-bufsize:v:1', '150k',
    '-c:a', 'aac', '-b:a', '64k', '-ac', '1',
    '-f', 'dash', '-ldash', '1', '-streaming', '1', '-seg_duration', '2', '-frag_type', 'duration',
    '-frag_duration', '0.5', '-window_size', '10', '-extra_window_size', '5', '-use_template', '1',
    '-use_timeline', '0', '-format_options', 'movflags=cmaf', '-target_latency', '1.5', '-write_prft', '1',
    '-utc_timing_url', origin.clock, '-adaptation_sets', 'id=0,streams=v id=1,streams=a',
    '-method', 'PUT', '-http_persistent', '1', origin.ingest];
}

process.on('exit', () => {
  if (state.ffmpeg && state.ffmpeg.exitCode === null) {
    state.ffmpeg.kill('SIGKILL');
  }
});

before(async () => {
  requireTools();
  build();
  fs.mkdirSync(ARTIFACTS, { recursive: true });
  state.origin = await startLowLatencyOrigin();
  let errors = '';
  state.ffmpeg = spawn('ffmpeg', encoderArgs(state.origin), { stdio: ['ignore', 'ignore', 'pipe'] });
  state.ffmpeg.stderr.on('data', (chunk) => { errors = (errors + chunk).slice(-4000); });
  const deadline = Date.now() + 40_000;
  while (state.origin.completeSegments() < 2) {
    if (state.ffmpeg.exitCode !== null || Date.now() > deadline) {
      throw new Error(`the low-latency encoder produced no stream (exit ${state.ffmpeg.exitCode}): ${errors}`);
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  state.consoleServer = await startServer(path.join(__dirname, '..', 'dist'), {
    routes: { '/assets/js/config.js': () => ['application/javascript', 'window.LIVE_STREAMING_CONFIG = {};\n'] },
  });
  state.browser = await launchChromium();
}, { timeout: 90_000 });

after(async () => {
  if (state.ffmpeg) {
    state.ffmpeg.kill('SIGKILL');
  }
  if (state.browser) {
    await state.browser.close().catch(() => {});
  }
  await Promise.all([state.origin, state.consoleServer].filter(Boolean).map((s) => s.close()));
}, { timeout: 30_000 });

function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

/**
 * Plays `url` as `format` until it has advanced PLAYED_SECONDS, then samples what the console shows for
 * SAMPLE_SECONDS: its low-latency mode, the player's target, and the latency behind the live edge and the wall clock.
 */
/** A console page playing `url` as `format`; requests off this machine are refused and remembered in `problems`. */
async function openConsole(format, url) {
  const page = await state.browser.newPage({ viewport: { width: 1100, height: 820 } });
  const problems = [];
  const messages = [];
  page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
  page.on('console', (m) => messages.push(`${m.type()}: ${m.text()}`.slice(0, 300)));
  await page.route('**/*', (route) => {
    if (new URL(route.request().url()).hostname === '127.0.0.1') {
      return route.continue();
    }
    problems.push(`request off the machine: ${route.request().url()}`);
    return route.abort();
  });
  await page.goto(`${state.consoleServer.origin}/index.html?${new URLSearchParams({ [format]: url, source: format })}`,
    { timeout: 15_000 });
  return { page, problems, messages };
}

async function playLowLatency(format, url) {
  const { page, problems, messages } = await openConsole(format, url);
  try {
    await playsFor(page, PLAYED_SECONDS);
    const samples = [];
    for (let i = 0; i < SAMPLE_SECONDS * 2; i++) {
      samples.push(await page.evaluate(() => ({
        mode: document.getElementById('low-latency').dataset.mode,
        text: document.getElementById('low-latency').textContent,
        target: Number(document.getElementById('target-latency').dataset.seconds),
        edge: Number(document.getElementById('latency').dataset.seconds),
        wallclock: Number(document.getElementById('wallclock-latency').dataset.seconds),
        error: document.getElementById('error').hidden ? '' : document.getElementById('error').textContent,
      })));
      await new Promise((r) => setTimeout(r, 500));
    }
    const last = samples[samples.length - 1];
    return {
      mode: last.mode,
      text: last.text,
      target: last.target,
      error: last.error,
      problems,
      edge: median(samples.map((s) => s.edge)),
      wallclock: median(samples.map((s) => s.wallclock)),
    };
  } catch (e) {
    const details = await page.$eval('.details', (d) => d.innerText).catch(() => '');
    e.message += `\nconsole shows:\n${details}\nbrowser console (last 15):\n${messages.slice(-15).join('\n')}`;
    throw e;
  } finally {
    await page.screenshot({ path: path.join(ARTIFACTS, `console-low-latency-${format}.png`) });
    await page.close();
  }
}

test('low-latency HLS plays from parts fetched after blocking playlist reloads, a few seconds behind live', { timeout: 90_000 },
  async () => {
    const before = { ...state.origin.stats };
    const played = await playLowLatency('hls', state.origin.hls);
    console.log(`LL-HLS: ${played.edge.toFixed(2)} s behind the live edge (target ${played.target.toFixed(2)} s), `
      + `${played.wallclock.toFixed(2)} s behind the wall clock; ${played.text}`);

    assert.equal(played.error, '');
    assert.deepEqual(played.problems, []);
    assert.equal(played.mode, 'll-hls', played.text);
    assert.ok(state.origin.stats.blockingReloads > before.blockingReloads, 'no blocking playlist reload');
    assert.ok(state.origin.stats.partsServed > before.partsServed, 'no part requested');
    assert.ok(played.edge > 0 && played.edge < MAX_LATENCY_SECONDS, `behind the live edge: ${played.edge} s`);
    assert.ok(played.wallclock > 0 && played.wallclock < MAX_LATENCY_SECONDS + 1,
      `behind the wall clock: ${played.wallclock} s`);
  });

test('a viewer who goes back into the DVR window of low-latency HLS is not pulled back to live', { timeout: 90_000 },
  async () => {
    const { page, problems, messages } = await openConsole('hls', state.origin.hls);
    const shown = () => page.evaluate(() => ({
      behind: Number(document.getElementById('latency').dataset.seconds),
      jumps: Number(document.getElementById('low-latency').dataset.jumps || 0),
      mode: document.getElementById('low-latency').dataset.mode,
      paused: document.getElementById('video').paused,
    }));
    try {
      await playsFor(page, PLAYED_SECONDS);
      assert.equal((await shown()).mode, 'll-hls');
      const before = await shown();
      // The viewer drags the playhead 10 s back, as into a DVR window; playback goes on from there.
      const target = await page.$eval('#video', (v) => {
        v.currentTime = Math.max(v.seekable.start(0) + 1, v.currentTime - 10);
        return v.currentTime;
      });
      await page.waitForFunction((t) => {
        const v = document.getElementById('video');
        return !v.seeking && !v.paused && v.currentTime > t + 0.5;
      }, target, { timeout: 30_000, polling: 250 });
      // Longer than the console's 5 s between jumps to live: every half second the page decides again.
      const samples = [];
      for (let i = 0; i < 16; i++) {
        samples.push(await shown());
        await new Promise((r) => setTimeout(r, 500));
      }
      console.log(`LL-HLS after a 10 s seek back: ${samples.map((s) => s.behind.toFixed(1)).join(' ')} s behind live`);
      assert.equal(samples[samples.length - 1].jumps, before.jumps, 'the console jumped back to live');
      assert.ok(samples.every((s) => s.behind > before.behind + 5), 'playback returned to live: '
        + samples.map((s) => s.behind).join(', '));
      assert.deepEqual(problems, []);
    } catch (e) {
      e.message += `\nbrowser console (last 15):\n${messages.slice(-15).join('\n')}`;
      throw e;
    } finally {
      await page.close();
    }
  });

test('low-latency DASH plays segments while they are encoded, a few seconds behind live', { timeout: 90_000 },
  async () => {
    const before = { ...state.origin.stats };
    const played = await playLowLatency('dash', state.origin.dash);
    console.log(`LL-DASH: ${played.edge.toFixed(2)} s behind live (target ${played.target.toFixed(2)} s); `
      + played.text);

    assert.equal(played.error, '');
    assert.deepEqual(played.problems, []);
    assert.equal(played.mode, 'll-dash', played.text);
    assert.ok(state.origin.stats.dashSegmentsStreamedEarly > before.dashSegmentsStreamedEarly,
      'no segment was requested before the encoder had finished it');
    assert.ok(played.edge > 0 && played.edge < MAX_LATENCY_SECONDS, `behind live: ${played.edge} s`);
  });
