#!/usr/bin/env node
// Makes the README's pictures of the console (docs/console-hls.png, docs/console-dash.png,
// docs/console-stalled.png): the page playing the stack's own test source, encoded into the eight rungs of the
// shipped 1080p profile (1920x1080 down to 416x234, at the profile's bitrates), packaged live as HLS and DASH by
// ffmpeg and served over HTTPS under a stand-in CloudFront host name (Chromium resolves it to the local server,
// whose throwaway certificate it is told to accept) on a link throttled to 40 Mbit/s, as a deployed stack shows it.
// Then the HLS packager stops, and the console says so.
//
// Usage: npm run screenshots [-- --source test-source.mp4] [--out ../docs]
// Needs ffmpeg, openssl, chromium and `npm ci`; the test source comes from deployment/make-test-source.sh (made
// here when missing). Encoding the ladder takes a few minutes on 2 cores the first time; it is cached in the temp
// folder.
'use strict';
const { spawn, execFileSync } = require('node:child_process');
const crypto = require('node:crypto');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { build } = require('../build.js');
const { startServer } = require('../test/support/server.js');

const ROOT = path.join(__dirname, '..', '..');
const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
const PROFILE = path.join(ROOT, 'encoding-profiles', 'medialive-1080p.json');
const CLOUDFRONT_HOST = 'd111111abcdef8.cloudfront.net';
const CLOUDFRONT = `https://${CLOUDFRONT_HOST}`;
const ENDPOINTS = { hls: '8c2f6a1e4b7d4e0f9a3c5b7d1e2f4a6c', dash: '3b9d7f1a5c2e4d6b8f0a1c3e5d7b9f2a',
  mss: '6e4c2a0f8d1b3f5e7c9a2d4f6b8e0c1d', cmaf: '1f3e5d7c9b2a4f6e8d0c2b4a6f8e1d3c' };
const SECONDS_PLAYING = 14;
/** The viewer's network: players measure it to pick a rung. */
const LINK_BITS_PER_SECOND = 40e6;

function option(name, fallback) {
  const index = process.argv.indexOf(name);
  return index > 0 && process.argv[index + 1] ? path.resolve(process.argv[index + 1]) : fallback;
}

const out = option('--out', path.join(ROOT, 'docs'));
const cache = path.join(os.tmpdir(), 'live-streaming-on-aws-screenshots');

/** The profile's rungs: [name, width, height, max video bitrate, audio bitrate, H.264 profile]. */
function ladder() {
  const profile = JSON.parse(fs.readFileSync(PROFILE, 'utf8'));
  const video = Object.fromEntries(profile.VideoDescriptions.map((v) => [v.Name, v]));
  const audio = Object.fromEntries(profile.AudioDescriptions.map((a) => [a.Name, a]));
  return profile.OutputGroups[0].Outputs.map((o) => {
    const v = video[o.VideoDescriptionName];
    const h264 = v.CodecSettings.H264Settings;
    return { name: o.OutputName, width: v.Width, height: v.Height, video: h264.MaxBitrate,
      audio: audio[o.AudioDescriptionNames[0]].CodecSettings.AacSettings.Bitrate, profile: h264.Profile.toLowerCase() };
  });
}

function run(command, args) {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { stdio: ['ignore', 'inherit', 'inherit'] });
    child.on('error', reject);
    child.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`${command} exited with ${code}`))));
  });
}

/** The test source, made with the deployment script when no --source is given and none was built. */
async function testSource() {
  const given = option('--source', null);
  if (given) {
    return given;
  }
  const built = path.join(ROOT, 'deployment', 'dist', 'test-source.mp4');
  if (fs.existsSync(built)) {
    return built;
  }
  const made = path.join(cache, 'test-source.mp4');
  await run(path.join(ROOT, 'deployment', 'make-test-source.sh'), [made]);
  return made;
}

/** One MP4 per rung (video and its audio), encoded once from the source with the profile's sizes and bitrates. */
async function encodeLadder(source, rungs) {
  const stat = fs.statSync(source);
  const key = crypto.createHash('sha256').update(JSON.stringify({ rungs, size: stat.size, mtime: stat.mtimeMs, v: 2 }))
    .digest('hex').slice(0, 12);
  const dir = path.join(cache, `ladder-${key}`);
  const files = rungs.map((r) => path.join(dir, `${r.name}.mp4`));
  if (files.every((f) => fs.existsSync(f))) {
    return files;
  }
  fs.mkdirSync(dir, { recursive: true });
  const splits = rungs.map((_, i) => `[s${i}]`).join('');
  const scales = rungs.map((r, i) => `[s${i}]scale=${r.width}:${r.height}[v${i}]`).join(';');
  const args = ['-hide_banner', '-loglevel', 'error', '-y', '-i', source,
    '-filter_complex', `[0:v]split=${rungs.length}${splits};${scales}`];
  rungs.forEach((r, i) => {
    // Constant bitrate at the rung's MaxBitrate, so the ladder's steps are the profile's, as a player sees them.
    args.push('-map', `[v${i}]`, '-map', '0:a', '-c:v', 'libx264', '-preset', 'veryfast', '-profile:v', r.profile,
      '-pix_fmt', 'yuv420p', '-g', '60', '-keyint_min', '60', '-sc_threshold', '0', '-b:v', String(r.video),
      '-minrate', String(r.video), '-maxrate', String(r.video), '-bufsize', String(r.video),
      '-x264-params', 'nal-hrd=cbr', '-c:a', 'aac', '-b:a', String(r.audio), '-ac', '2', `${files[i]}.partial.mp4`);
  });
  console.log(`Encoding the ${rungs.length}-rung ladder into ${dir} (a few minutes)...`);
  await run('ffmpeg', args);
  files.forEach((f) => fs.renameSync(`${f}.partial.mp4`, f));
  return files;
}

/** A throwaway certificate for the stand-in CloudFront host. */
function certificate(dir) {
  const key = path.join(dir, 'key.pem');
  const cert = path.join(dir, 'cert.pem');
  execFileSync('openssl', ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-keyout', key, '-out', cert,
    '-days', '1', '-subj', `/CN=${CLOUDFRONT_HOST}`], { stdio: 'ignore' });
  return { key: fs.readFileSync(key), cert: fs.readFileSync(cert) };
}

/** A live packager: ffmpeg loops the rungs in real time and writes HLS or DASH, copying, not encoding. */
function packager(kind, files, dir, clockUrl) {
  fs.rmSync(dir, { recursive: true, force: true });
  fs.mkdirSync(dir, { recursive: true });
  const args = ['-hide_banner', '-loglevel', 'error', '-nostdin'];
  files.forEach((f) => args.push('-re', '-stream_loop', '-1', '-i', f));
  if (kind === 'hls') {
    files.forEach((_, i) => args.push('-map', `${i}:v`, '-map', `${i}:a`));
    args.push('-c', 'copy', '-f', 'hls', '-hls_time', '2', '-hls_list_size', '8',
      '-hls_flags', 'delete_segments+independent_segments+program_date_time+temp_file',
      '-master_pl_name', 'index.m3u8', '-var_stream_map', files.map((_, i) => `v:${i},a:${i}`).join(' '),
      '-hls_segment_filename', path.join(dir, 'v%v', 'seg%d.ts'), path.join(dir, 'v%v', 'index.m3u8'));
  } else {
    files.forEach((_, i) => args.push('-map', `${i}:v`));
    args.push('-map', '0:a', '-c', 'copy', '-f', 'dash', '-seg_duration', '2', '-window_size', '8',
      '-extra_window_size', '4', '-use_template', '1', '-use_timeline', '1',
      '-adaptation_sets', 'id=0,streams=v id=1,streams=a', '-utc_timing_url', clockUrl,
      path.join(dir, 'index.mpd'));
  }
  const child = spawn('ffmpeg', args, { stdio: ['ignore', 'ignore', 'inherit'] });
  return child;
}

async function until(check, timeoutMs, what) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await check()) {
      return;
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`timed out waiting for ${what}`);
}

async function main() {
  execFileSync('ffmpeg', ['-hide_banner', '-version'], { stdio: 'ignore' });
  const rungs = ladder();
  const files = await encodeLadder(await testSource(), rungs);
  build();

  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'console-screenshots-'));
  const children = [];
  const servers = [];
  let browser;
  try {
    const web = path.join(tmp, 'web');
    const streams = await startServer(web, {
      cors: true,
      tls: certificate(tmp),
      routes: { '/time': () => ['text/plain', new Date().toISOString()] },
      rewrite: (pathname, body) => (pathname.endsWith('.mpd') ? Buffer.from(body.toString('utf8')
        .replace(/suggestedPresentationDelay="[^"]*"/, 'suggestedPresentationDelay="PT6S"')) : body),
    });
    servers.push(streams);
    const folder = (format) => path.join(web, 'out', 'v1', ENDPOINTS[format]);
    const hls = packager('hls', files, folder('hls'));
    const dash = packager('dash', files, folder('dash'), `${CLOUDFRONT}/time`);
    children.push(hls, dash);
    await until(() => fs.existsSync(path.join(folder('hls'), 'index.m3u8'))
      && fs.existsSync(path.join(folder('dash'), 'index.mpd')), 30_000, 'the packagers');
    await new Promise((r) => setTimeout(r, 8000));

    const url = (format, name) => `${CLOUDFRONT}/out/v1/${ENDPOINTS[format]}/${name}`;
    const config = { hls: url('hls', 'index.m3u8'), dash: url('dash', 'index.mpd'),
      mss: url('mss', 'index.ism/Manifest'), cmaf: url('cmaf', 'index.m3u8'), endpoint1: '', endpoint2: '',
      inputType: 'MP4_FILE', channelId: '1234567', region: 'us-east-1' };
    const site = await startServer(path.join(__dirname, '..', 'dist'), {
      routes: { '/assets/js/config.js': () => ['application/javascript',
        `window.LIVE_STREAMING_CONFIG = ${JSON.stringify(config)};\n`] },
    });
    servers.push(site);

    const { chromium } = require('playwright-core');
    browser = await chromium.launch({ executablePath: CHROMIUM, headless: true,
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking',
        '--disable-component-update', '--no-first-run', '--autoplay-policy=no-user-gesture-required',
        `--host-resolver-rules=MAP ${CLOUDFRONT_HOST}:443 127.0.0.1:${new URL(streams.origin).port}`,
        '--ignore-certificate-errors'] });
    fs.mkdirSync(out, { recursive: true });

    const open = async (source) => {
      const page = await browser.newPage({ viewport: { width: 1280, height: 1000 } });
      const network = await page.context().newCDPSession(page);
      await network.send('Network.enable');
      await network.send('Network.emulateNetworkConditions', { offline: false, latency: 20,
        downloadThroughput: LINK_BITS_PER_SECOND / 8, uploadThroughput: LINK_BITS_PER_SECOND / 8 });
      await page.goto(`${site.origin}/index.html?source=${source}`, { timeout: 60_000 });
      await page.waitForFunction(() => document.getElementById('state').dataset.state === 'playing', null,
        { timeout: 60_000 });
      return page;
    };

    for (const source of ['hls', 'dash']) {
      const page = await open(source);
      // Long enough for the player to climb the ladder to the top rung on a local network.
      await page.waitForFunction(() => Number(document.getElementById('current-rendition').dataset.height) === 1080,
        null, { timeout: 60_000 }).catch(() => console.warn(`${source}: the player stayed below 1080p`));
      await new Promise((r) => setTimeout(r, SECONDS_PLAYING * 1000));
      await page.waitForFunction(() => Number(document.getElementById('buffer').dataset.seconds) > 4, null,
        { timeout: 30_000 }).catch(() => console.warn(`${source}: the buffer stayed short`));
      await page.screenshot({ path: path.join(out, `console-${source}.png`) });
      console.log(`Wrote ${path.join(out, `console-${source}.png`)}`);
      if (source === 'hls') {
        hls.kill('SIGKILL');
        await page.waitForFunction(() => document.getElementById('state').dataset.state === 'stalled', null,
          { timeout: 60_000 });
        await page.screenshot({ path: path.join(out, 'console-stalled.png') });
        console.log(`Wrote ${path.join(out, 'console-stalled.png')}`);
      }
      await page.close();
    }
  } finally {
    children.forEach((c) => c.exitCode === null && c.kill('SIGKILL'));
    if (browser) {
      await browser.close();
    }
    await Promise.all(servers.map((s) => s.close()));
    fs.rmSync(tmp, { recursive: true, force: true });
  }
}

main().catch((e) => {
  console.error(`screenshots: ${e.message}`);
  process.exit(1);
});
