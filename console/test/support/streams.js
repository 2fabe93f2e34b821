'use strict';
// Live test streams: one ffmpeg per format, each encoding a test pattern and a tone in real time (-re) into
// a folder the stream server serves. Small pictures, ultrafast x264 and 1-2 s segments keep 2 cores enough.
const { spawn } = require('node:child_process');
const fs = require('node:fs');
const path = require('node:path');

const SOURCE = [
  '-hide_banner', '-loglevel', 'error', '-nostdin',
  '-re', '-f', 'lavfi', '-i', 'testsrc2=size=640x360:rate=25',
  '-re', '-f', 'lavfi', '-i', 'sine=frequency=440:sample_rate=48000',
];
const X264 = ['-c:v', 'libx264', '-preset', 'ultrafast', '-tune', 'zerolatency', '-pix_fmt', 'yuv420p',
  '-g', '25', '-keyint_min', '25', '-sc_threshold', '0'];
const AAC = ['-c:a', 'aac', '-b:a', '64k', '-ac', '1'];

/** Video renditions as [width, height, bitrate]; a scale filter graph and -map/-b:v options for them. */
function ladder(sizes) {
  const splits = sizes.map((_, i) => `[s${i}]`).join('');
  const scales = sizes.map(([w, h], i) => `[s${i}]scale=${w}:${h}[v${i}]`).join(';');
  const args = ['-filter_complex', `[0:v]split=${sizes.length}${splits};${scales}`];
  sizes.forEach((_, i) => args.push('-map', `[v${i}]`));
  args.push(...X264);
  sizes.forEach(([, , bitrate], i) => args.push(`-b:v:${i}`, bitrate, `-maxrate:v:${i}`, bitrate, `-bufsize:v:${i}`, bitrate));
  return args;
}

/** HLS master playlist with one variant (video + its own audio) per size. */
function hlsArgs(dir, sizes, fmp4) {
  const args = [...SOURCE, ...ladder(sizes)];
  sizes.forEach(() => args.push('-map', '1:a'));
  args.push(...AAC, '-f', 'hls', '-hls_time', '1', '-hls_list_size', '8',
    '-hls_flags', 'delete_segments+independent_segments+temp_file',
    '-master_pl_name', 'master.m3u8',
    '-var_stream_map', sizes.map((_, i) => `v:${i},a:${i}`).join(' '));
  if (fmp4) {
    args.push('-hls_segment_type', 'fmp4', '-hls_fmp4_init_filename', 'init.mp4',
      '-hls_segment_filename', path.join(dir, 'v%v', 'seg%d.m4s'));
  } else {
    args.push('-hls_segment_filename', path.join(dir, 'v%v', 'seg%d.ts'));
  }
  args.push(path.join(dir, 'v%v', 'index.m3u8'));
  return args;
}

/** Live DASH (type="dynamic"), SegmentTimeline, a clock URL so dash.js syncs with the local server. */
function dashArgs(dir, sizes, clockUrl) {
  return [...SOURCE, ...ladder(sizes), '-map', '1:a', ...AAC,
    '-f', 'dash', '-seg_duration', '1', '-window_size', '10', '-extra_window_size', '5',
    '-use_template', '1', '-use_timeline', '1', '-adaptation_sets', 'id=0,streams=v id=1,streams=a',
    '-utc_timing_url', clockUrl, '-remove_at_exit', '1', path.join(dir, 'manifest.mpd')];
}

/**
 * Live DASH shaped like MediaPackage v2's DASH endpoint in this stack: 2 s CMAF segments addressed by number with a
 * SegmentTimeline, a 60 s window, whole segments (no chunks, no availabilityTimeOffset, no ServiceDescription). The
 * test origin sets the endpoint's manifest attributes (suggested presentation delay, minimum buffer and update period).
 */
function v2DashArgs(dir, sizes, clockUrl) {
  return [...SOURCE, ...ladder(sizes), '-map', '1:a', ...AAC,
    '-f', 'dash', '-seg_duration', '2', '-window_size', '30', '-extra_window_size', '5', '-streaming', '0',
    '-use_template', '1', '-use_timeline', '1', '-format_options', 'movflags=cmaf',
    '-adaptation_sets', 'id=0,streams=v id=1,streams=a', '-utc_timing_url', clockUrl, '-remove_at_exit', '1',
    path.join(dir, 'manifest.mpd')];
}

/** Live Smooth Streaming: <dir>/Manifest plus QualityLevels(bitrate)/Fragments(video=time) files. */
function mssArgs(dir, sizes) {
  return [...SOURCE, ...ladder(sizes), '-map', '1:a', ...AAC,
    '-f', 'smoothstreaming', '-window_size', '10', '-extra_window_size', '5', '-lookahead_count', '2',
    '-min_frag_duration', '2000000', dir];
}

/**
 * One HLS rendition stamped with #EXT-X-PROGRAM-DATE-TIME (the wall-clock time of each segment). Started again
 * with `restart`, it carries on the same playlist (append_list) after a discontinuity, as an origin does when its
 * encoder comes back.
 */
function liveArgs(dir, { restart = false } = {}) {
  const flags = ['delete_segments', 'independent_segments', 'temp_file', 'program_date_time'];
  if (restart) {
    flags.push('append_list');
  }
  return [...SOURCE, '-map', '0:v', '-map', '1:a', '-vf', 'scale=384:216', ...X264, '-b:v', '400k', ...AAC,
    '-f', 'hls', '-hls_time', '1', '-hls_list_size', '8', '-hls_flags', flags.join('+'),
    '-hls_segment_filename', path.join(dir, 'seg%d.ts'), path.join(dir, 'index.m3u8')];
}

/** An HLS stream that ends after `seconds`: ffmpeg then marks the playlist finished (#EXT-X-ENDLIST). */
function endingArgs(dir, seconds) {
  return [...SOURCE, '-map', '0:v', '-map', '1:a', '-vf', 'scale=256:144', ...X264, '-b:v', '150k', ...AAC,
    '-t', String(seconds), '-f', 'hls', '-hls_time', '1', '-hls_list_size', '0',
    '-hls_segment_filename', path.join(dir, 'seg%d.ts'), path.join(dir, 'index.m3u8')];
}

/** The four formats the console plays: where ffmpeg writes, the URL path to play, and how to tell it is ready. */
function formats(root, clockUrl) {
  const hlsSizes = [[384, 216, '400k'], [320, 180, '250k'], [256, 144, '150k']];
  const twoSizes = [[384, 216, '400k'], [256, 144, '150k']];
  return {
    hls: { dir: path.join(root, 'hls'), manifest: 'hls/master.m3u8', args: (d) => hlsArgs(d, hlsSizes, false),
      ready: (d) => segmentsIn(path.join(d, 'v0', 'index.m3u8')) >= 3 && fs.existsSync(path.join(d, 'master.m3u8')) },
    dash: { dir: path.join(root, 'dash'), manifest: 'dash/manifest.mpd', args: (d) => dashArgs(d, twoSizes, clockUrl),
      ready: (d) => dashSegments(path.join(d, 'manifest.mpd')) >= 6 },
    mss: { dir: path.join(root, 'mss.ism'), manifest: 'mss.ism/Manifest', args: (d) => mssArgs(d, twoSizes),
      ready: (d) => countIn(path.join(d, 'Manifest'), /<c /g) >= 4 },
    cmaf: { dir: path.join(root, 'cmaf'), manifest: 'cmaf/master.m3u8', args: (d) => hlsArgs(d, twoSizes, true),
      ready: (d) => segmentsIn(path.join(d, 'v0', 'index.m3u8')) >= 3 && fs.existsSync(path.join(d, 'master.m3u8')) },
    v2dash: { dir: path.join(root, 'v2dash'), manifest: 'v2dash/manifest.mpd',
      args: (d) => v2DashArgs(d, twoSizes, clockUrl), ready: (d) => dashSegments(path.join(d, 'manifest.mpd')) >= 4 },
    live: { dir: path.join(root, 'live'), manifest: 'live/index.m3u8', args: liveArgs,
      ready: (d) => segmentsIn(path.join(d, 'index.m3u8')) >= 3 },
    ending: { dir: path.join(root, 'ending'), manifest: 'ending/index.m3u8', args: (d) => endingArgs(d, 10),
      ready: (d) => segmentsIn(path.join(d, 'index.m3u8')) >= 3 },
  };
}

function read(file) {
  try {
    return fs.readFileSync(file, 'utf8');
  } catch {
    return '';
  }
}

function countIn(file, pattern) {
  return (read(file).match(pattern) || []).length;
}

/** Segments in the first SegmentTimeline of an MPD: each <S> stands for 1 + r segments. */
function dashSegments(mpd) {
  const timeline = read(mpd).split('</SegmentTimeline>')[0];
  return (timeline.match(/<S [^>]*>/g) || [])
    .reduce((n, s) => n + 1 + Number((s.match(/ r="(\d+)"/) || [0, 0])[1]), 0);
}

function segmentsIn(playlist) {
  return countIn(playlist, /^#EXTINF/gm);
}

/** How many video renditions a manifest lists, read the way each format defines it. */
function renditionsInManifest(format, text) {
  if (format === 'hls' || format === 'cmaf') {
    return (text.match(/^#EXT-X-STREAM-INF/gm) || []).length;
  }
  if (format === 'dash') {
    const video = text.split(/<AdaptationSet/).slice(1).filter((set) => /contentType="video"|mimeType="video\//.test(set));
    return video.reduce((n, set) => n + (set.match(/<Representation /g) || []).length, 0);
  }
  const videoIndex = text.split(/<StreamIndex/).slice(1).find((index) => /Type="video"/.test(index)) || '';
  return (videoIndex.match(/<QualityLevel /g) || []).length;
}

/** Starts one ffmpeg (`options` go to the format's arguments); its stderr is kept for the failure message. */
function startFfmpeg(name, spec, options = {}) {
  fs.mkdirSync(spec.dir, { recursive: true });
  const child = spawn('ffmpeg', spec.args(spec.dir, options), { stdio: ['ignore', 'ignore', 'pipe'] });
  let errors = '';
  child.stderr.on('data', (chunk) => { errors = (errors + chunk).slice(-4000); });
  child.on('error', (e) => { errors += String(e); });
  return {
    name,
    child,
    errors: () => errors,
    stop: () => {
      if (child.exitCode === null && child.signalCode === null) {
        child.kill('SIGKILL');
      }
    },
    exited: () => new Promise((resolve) => {
      if (child.exitCode !== null || child.signalCode !== null) {
        resolve();
      } else {
        child.once('exit', () => resolve());
      }
    }),
  };
}

/** Waits until `ready` holds, failing with ffmpeg's own words if it exits or time runs out. */
async function waitReady(process, spec, timeoutMs) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (spec.ready(spec.dir)) {
      return;
    }
    if (process.child.exitCode !== null) {
      throw new Error(`ffmpeg for ${process.name} exited with ${process.child.exitCode}: ${process.errors()}`);
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`ffmpeg for ${process.name} produced no playable stream in ${timeoutMs} ms: ${process.errors()}`);
}

module.exports = { formats, startFfmpeg, waitReady, renditionsInManifest };
