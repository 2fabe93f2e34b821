'use strict';
// A low-latency origin on 127.0.0.1, doing for the browser test what MediaPackage v2 and a CDN do for a stack: an
// encoder (ffmpeg's dash muxer in low-latency streaming mode) PUTs chunked CMAF segments to /ingest/ as it encodes
// them, and the origin serves, from the same chunks,
// - low-latency DASH (/dash/): ffmpeg's MPD (availabilityTimeOffset, ServiceDescription) and each segment with
//   chunked transfer encoding while it is still being written, so a player gets every chunk as it is encoded;
// - low-latency HLS (/hls/): a multivariant playlist and, per rendition, a media playlist with EXT-X-PART for every
//   CMAF chunk, EXT-X-PRELOAD-HINT for the next one, EXT-X-PROGRAM-DATE-TIME from the chunks' producer reference
//   times, rendition reports, and blocking playlist reloads (_HLS_msn, _HLS_part) and blocking part requests.
const http = require('node:http');
const { readInit, ChunkCutter } = require('./cmaf.js');
const { listenOnLoopback } = require('./server.js');

const CORS = {
  'Access-Control-Allow-Origin': '*',
  'Access-Control-Allow-Methods': 'GET, HEAD, OPTIONS',
  'Access-Control-Allow-Headers': '*',
  'Access-Control-Expose-Headers': 'Date, Content-Length',
};
const SEGMENTS_KEPT = 12;
const BLOCK_LIMIT_MS = 6000;

/** A file being written by the encoder: its bytes so far, and who waits for more. */
class Upload {
  constructor() {
    this.chunks = [];
    this.done = false;
    this.waiters = new Set();
  }

  append(bytes) {
    this.chunks.push(bytes);
    this.waiters.forEach((w) => w());
  }

  finish() {
    this.done = true;
    this.waiters.forEach((w) => w());
  }

  bytes() {
    return Buffer.concat(this.chunks);
  }
}

/** One CMAF track (a DASH representation, an HLS rendition): its init segment and its segments' chunks. */
class Track {
  constructor(id) {
    this.id = id;
    this.init = null;
    this.segments = new Map();
  }

  segment(number) {
    let segment = this.segments.get(number);
    if (!segment) {
      segment = { number, parts: [], done: false };
      this.segments.set(number, segment);
      for (const old of [...this.segments.keys()].filter((n) => n <= number - SEGMENTS_KEPT)) {
        this.segments.delete(old);
      }
    }
    return segment;
  }

  numbers() {
    return [...this.segments.keys()].sort((a, b) => a - b);
  }

  /** The newest segment and how many of its parts exist. */
  last() {
    const numbers = this.numbers();
    const segment = this.segments.get(numbers[numbers.length - 1]);
    return segment ? { msn: segment.number, parts: segment.parts.length, done: segment.done } : null;
  }
}

function attribute(xml, name) {
  const match = xml.match(new RegExp(`\\s${name}="([^"]*)"`));
  return match ? match[1] : undefined;
}

/** The representations an MPD lists: id, content type, codecs, bandwidth and size. */
function representations(mpd) {
  const found = [];
  for (const set of mpd.split('<AdaptationSet').slice(1)) {
    const contentType = attribute(set, 'contentType');
    for (const rep of set.split('<Representation').slice(1)) {
      const head = rep.slice(0, rep.indexOf('>'));
      found.push({
        id: attribute(head, 'id'),
        contentType,
        codecs: attribute(head, 'codecs'),
        bandwidth: Number(attribute(head, 'bandwidth')),
        width: attribute(head, 'width'),
        height: attribute(head, 'height'),
      });
    }
  }
  return found;
}

/**
 * Starts the origin. Every CMAF chunk the encoder makes becomes an LL-HLS part; PART-TARGET is the longest chunk of
 * the first complete segments (chunks end on frame boundaries, so they are a little longer than the encoder's
 * fragment duration), and players hold back three parts. Requests are counted in `stats`, so a test can prove what
 * the player used.
 */
function startLowLatencyOrigin() {
  const uploads = new Map();
  const tracks = new Map();
  const waiters = new Set();
  let mpd = '';
  let partTarget = 0;
  const stats = { blockingReloads: 0, partsServed: 0, dashSegmentsStreamedEarly: 0, playlistsServed: 0 };

  const changed = () => waiters.forEach((w) => w());

  /** Resolves when `ready()` holds, or after the limit (then the caller answers with what there is). */
  function waitFor(ready, limitMs = BLOCK_LIMIT_MS) {
    if (ready()) {
      return Promise.resolve(true);
    }
    return new Promise((resolve) => {
      const check = () => {
        if (ready()) {
          finish(true);
        }
      };
      const timer = setTimeout(() => finish(false), limitMs);
      function finish(ok) {
        clearTimeout(timer);
        waiters.delete(check);
        resolve(ok);
      }
      waiters.add(check);
    });
  }

  function track(id) {
    if (!tracks.has(id)) {
      tracks.set(id, new Track(id));
    }
    return tracks.get(id);
  }

  function ingest(req, res, name) {
    const upload = new Upload();
    uploads.set(name, upload);
    const segment = name.match(/^chunk-stream(\d+)-(\d+)\.m4s$/);
    let cutter = null;
    // The encoder may start a segment before it has finished the track's init segment: cut chunks once it has.
    const cut = (bytes) => {
      const t = track(segment[1]);
      if (!cutter && t.init) {
        const s = t.segment(Number(segment[2]));
        cutter = new ChunkCutter(t.init, (chunk) => {
          s.parts.push(chunk);
          changed();
        });
        cutter.push(upload.bytes());
      } else if (cutter && bytes) {
        cutter.push(bytes);
      }
    };
    if (segment) {
      track(segment[1]).segment(Number(segment[2])).upload = upload;
    }
    req.on('data', (bytes) => {
      upload.append(bytes);
      if (segment) {
        cut(bytes);
      }
    });
    req.on('end', () => {
      upload.finish();
      if (name.endsWith('.mpd')) {
        mpd = upload.bytes().toString('utf8');
      }
      const init = name.match(/^init-stream(\d+)\.m4s$/);
      if (init) {
        track(init[1]).init = readInit(upload.bytes());
      }
      if (segment) {
        cut(null);
        track(segment[1]).segment(Number(segment[2])).done = true;
      }
      changed();
      res.writeHead(200).end();
    });
  }

  /** Streams an upload: what is there now, then every piece as the encoder sends it, until it is complete. */
  function stream(res, upload, type) {
    res.writeHead(200, { ...CORS, 'Content-Type': type, 'Cache-Control': 'no-store' });
    let sent = 0;
    const pump = () => {
      while (sent < upload.chunks.length) {
        res.write(upload.chunks[sent++]);
      }
      if (upload.done) {
        upload.waiters.delete(pump);
        res.end();
      }
    };
    upload.waiters.add(pump);
    res.on('close', () => upload.waiters.delete(pump));
    pump();
  }

  async function dash(res, name) {
    if (name === 'manifest.mpd') {
      await waitFor(() => mpd !== '');
      res.writeHead(200, { ...CORS, 'Content-Type': 'application/dash+xml', 'Cache-Control': 'no-store' }).end(mpd);
      return;
    }
    // Asked for before the encoder started it (availabilityTimeOffset): wait for its first bytes.
    const existed = uploads.has(name) && uploads.get(name).done;
    if (!(await waitFor(() => uploads.has(name)))) {
      res.writeHead(404, CORS).end();
      return;
    }
    if (!existed && name.startsWith('chunk-')) {
      stats.dashSegmentsStreamedEarly += 1;
    }
    stream(res, uploads.get(name), 'video/mp4');
  }

  function multivariant() {
    const reps = representations(mpd);
    const audio = reps.filter((r) => r.contentType === 'audio');
    const lines = ['#EXTM3U', '#EXT-X-VERSION:9', '#EXT-X-INDEPENDENT-SEGMENTS'];
    audio.forEach((a, i) => lines.push(`#EXT-X-MEDIA:TYPE=AUDIO,GROUP-ID="audio",NAME="audio ${a.id}",`
      + `DEFAULT=${i === 0 ? 'YES' : 'NO'},AUTOSELECT=YES,CHANNELS="1",URI="${a.id}/index.m3u8"`));
    for (const v of reps.filter((r) => r.contentType === 'video')) {
      const codecs = [v.codecs, ...audio.slice(0, 1).map((a) => a.codecs)].join(',');
      lines.push(`#EXT-X-STREAM-INF:BANDWIDTH=${v.bandwidth + (audio[0] ? audio[0].bandwidth : 0)},`
        + `RESOLUTION=${v.width}x${v.height},CODECS="${codecs}"${audio.length ? ',AUDIO="audio"' : ''}`);
      lines.push(`${v.id}/index.m3u8`);
    }
    return lines.join('\n') + '\n';
  }

  /** The longest chunk of any complete segment, in seconds, fixed once a playlist has announced it. */
  function partTargetDuration() {
    if (!partTarget) {
      for (const t of tracks.values()) {
        for (const s of t.segments.values()) {
          if (s.done) {
            s.parts.forEach((p) => { partTarget = Math.max(partTarget, Math.ceil(p.duration * 1000) / 1000); });
          }
        }
      }
    }
    return partTarget;
  }

  function mediaPlaylist(t) {
    const partTarget = partTargetDuration();
    const numbers = t.numbers().filter((n) => t.segments.get(n).parts.length > 0);
    const finished = numbers.filter((n) => t.segments.get(n).done);
    const open = numbers.filter((n) => !t.segments.get(n).done);
    const duration = (s) => s.parts.reduce((sum, p) => sum + p.duration, 0);
    const target = Math.max(1, ...finished.map((n) => Math.ceil(duration(t.segments.get(n)) - 0.001)));
    const lines = ['#EXTM3U', '#EXT-X-VERSION:9', `#EXT-X-TARGETDURATION:${target}`,
      `#EXT-X-PART-INF:PART-TARGET=${partTarget.toFixed(3)}`,
      `#EXT-X-SERVER-CONTROL:CAN-BLOCK-RELOAD=YES,PART-HOLD-BACK=${(3 * partTarget).toFixed(3)}`,
      `#EXT-X-MEDIA-SEQUENCE:${numbers[0]}`, '#EXT-X-MAP:URI="init.mp4"'];
    const withParts = new Set([...finished.slice(-2), ...open]);
    for (const n of numbers) {
      const s = t.segments.get(n);
      if (s.parts[0] && s.parts[0].wallClock) {
        lines.push(`#EXT-X-PROGRAM-DATE-TIME:${new Date(s.parts[0].wallClock).toISOString()}`);
      }
      if (withParts.has(n)) {
        s.parts.forEach((p, i) => lines.push(`#EXT-X-PART:DURATION=${p.duration.toFixed(3)},`
          + `URI="part-${n}.${i}.m4s"${p.independent ? ',INDEPENDENT=YES' : ''}`));
      }
      if (s.done) {
        lines.push(`#EXTINF:${duration(s).toFixed(3)},`, `seg-${n}.m4s`);
      }
    }
    const last = t.last();
    const hint = complete(t, last.msn) ? `part-${last.msn + 1}.0.m4s` : `part-${last.msn}.${last.parts}.m4s`;
    lines.push(`#EXT-X-PRELOAD-HINT:TYPE=PART,URI="${hint}"`);
    for (const other of tracks.values()) {
      const report = other !== t && other.init && other.last();
      if (report) {
        const lastPart = report.done ? null : report.parts - 1;
        lines.push(`#EXT-X-RENDITION-REPORT:URI="../${other.id}/index.m3u8",LAST-MSN=${report.msn}`
          + (lastPart === null || lastPart < 0 ? '' : `,LAST-PART=${lastPart}`));
      }
    }
    return lines.join('\n') + '\n';
  }

  /**
   * Whether segment msn has all its media: the encoder has finished it, or its chunks already add up to the MPD's
   * segment duration (the upload ends a moment after its last chunk, and a preload hint must not name a part that
   * will never come).
   */
  function complete(t, msn) {
    const s = t.segments.get(msn);
    const nominal = Number((mpd.match(/maxSegmentDuration="PT([\d.]+)S"/) || [0, Infinity])[1]);
    return Boolean(s && (s.done || s.parts.reduce((sum, p) => sum + p.duration, 0) >= nominal - 0.01));
  }

  /** Whether segment msn has part `part` (or, without a part, is complete), as a blocking reload asks. */
  function has(t, msn, part) {
    const s = t.segments.get(msn);
    const newer = t.numbers().some((n) => n > msn && t.segments.get(n).parts.length > 0);
    if (part === undefined) {
      return newer || Boolean(s && s.done);
    }
    return newer || Boolean(s && (s.parts.length > part || s.done));
  }

  async function hls(res, path, query) {
    if (path === 'master.m3u8') {
      await waitFor(() => mpd !== '' && [...tracks.values()].every((t) => t.init && t.last()));
      const body = multivariant();
      stats.playlistsServed += 1;
      res.writeHead(200, { ...CORS, 'Content-Type': 'application/vnd.apple.mpegurl', 'Cache-Control': 'no-store' })
        .end(body);
      return;
    }
    const [id, file] = path.split('/');
    const t = tracks.get(id);
    if (!t || !t.init) {
      res.writeHead(404, CORS).end();
      return;
    }
    if (file === 'index.m3u8') {
      const msn = query.get('_HLS_msn');
      if (msn !== null) {
        stats.blockingReloads += 1;
        const part = query.get('_HLS_part') === null ? undefined : Number(query.get('_HLS_part'));
        const last = t.last();
        if (last && Number(msn) > last.msn + 2) {
          res.writeHead(400, CORS).end('_HLS_msn is too far ahead');
          return;
        }
        await waitFor(() => has(t, Number(msn), part));
      }
      const body = mediaPlaylist(t);
      stats.playlistsServed += 1;
      res.writeHead(200, { ...CORS, 'Content-Type': 'application/vnd.apple.mpegurl', 'Cache-Control': 'no-store' })
        .end(body);
      return;
    }
    if (file === 'init.mp4') {
      stream(res, uploads.get(`init-stream${id}.m4s`), 'video/mp4');
      return;
    }
    const part = file.match(/^part-(\d+)\.(\d+)\.m4s$/);
    if (part) {
      const [msn, index] = [Number(part[1]), Number(part[2])];
      const available = () => {
        const s = t.segments.get(msn);
        return Boolean(s && (s.parts.length > index || s.done));
      };
      // A preload hint names the next part before it exists: hold the request until it does.
      await waitFor(available);
      const s = t.segments.get(msn);
      if (!s || !s.parts[index]) {
        res.writeHead(404, CORS).end();
        return;
      }
      stats.partsServed += 1;
      res.writeHead(200, { ...CORS, 'Content-Type': 'video/mp4', 'Cache-Control': 'no-store' }).end(s.parts[index].bytes);
      return;
    }
    const segment = file.match(/^seg-(\d+)\.m4s$/);
    const s = segment && t.segments.get(Number(segment[1]));
    if (!s || !s.upload) {
      res.writeHead(404, CORS).end();
      return;
    }
    stream(res, s.upload, 'video/mp4');
  }

  const server = http.createServer((req, res) => {
    const url = new URL(req.url, 'http://127.0.0.1');
    const path = url.pathname;
    if (req.method === 'OPTIONS') {
      res.writeHead(204, CORS).end();
      return;
    }
    if (path.startsWith('/ingest/')) {
      if (req.method === 'PUT' || req.method === 'POST') {
        ingest(req, res, path.slice('/ingest/'.length));
      } else {
        uploads.delete(path.slice('/ingest/'.length));
        req.resume();
        res.writeHead(204).end();
      }
      return;
    }
    if (path === '/time') {
      res.writeHead(200, { ...CORS, 'Content-Type': 'text/plain', 'Cache-Control': 'no-store' })
        .end(new Date().toISOString());
      return;
    }
    const handled = path.startsWith('/dash/') ? dash(res, path.slice('/dash/'.length))
      : path.startsWith('/hls/') ? hls(res, path.slice('/hls/'.length), url.searchParams)
        : Promise.resolve(res.writeHead(404, CORS).end());
    handled.catch((e) => {
      if (!res.headersSent) {
        res.writeHead(500, CORS);
      }
      res.end(String(e && e.stack));
    });
  });

  return listenOnLoopback(server, (origin) => ({
    ingest: `${origin}/ingest/manifest.mpd`,
    clock: `${origin}/time`,
    hls: `${origin}/hls/master.m3u8`,
    dash: `${origin}/dash/manifest.mpd`,
    stats,
    /** How many complete segments every track has: the stream is playable once this is 2 or more. */
    completeSegments: () => Math.min(...[...tracks.values()].map((t) => t.numbers()
      .filter((n) => t.segments.get(n).done).length), tracks.size ? Infinity : 0),
  }));
}

module.exports = { startLowLatencyOrigin, representations };
