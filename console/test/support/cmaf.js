'use strict';
// Just enough ISO BMFF reading for a low-latency origin: the timescale and kind of a CMAF track (init segment), and
// for each CMAF chunk (prft? moof mdat) its media time, duration and the wall-clock time the encoder stamped on it.

/** Top-level boxes of `buffer` from `offset`, as {type, start, end}; stops at the first incomplete box. */
function boxes(buffer, offset = 0, end = buffer.length) {
  const found = [];
  let at = offset;
  while (at + 8 <= end) {
    let size = buffer.readUInt32BE(at);
    const type = buffer.toString('latin1', at + 4, at + 8);
    let header = 8;
    if (size === 1) {
      if (at + 16 > end) {
        break;
      }
      size = Number(buffer.readBigUInt64BE(at + 8));
      header = 16;
    }
    if (size < header || at + size > end) {
      break;
    }
    found.push({ type, start: at, end: at + size, body: at + header });
    at += size;
  }
  return found;
}

function child(buffer, parent, path) {
  let current = parent;
  for (const type of path) {
    current = boxes(buffer, current.body, current.end).find((b) => b.type === type);
    if (!current) {
      return null;
    }
  }
  return current;
}

/** {timescale, kind: 'video'|'audio', defaultDuration} of the one track of a CMAF init segment. */
function readInit(buffer) {
  const moov = boxes(buffer).find((b) => b.type === 'moov');
  if (!moov) {
    throw new Error('init segment without moov');
  }
  const mdhd = child(buffer, moov, ['trak', 'mdia', 'mdhd']);
  const hdlr = child(buffer, moov, ['trak', 'mdia', 'hdlr']);
  const trex = child(buffer, moov, ['mvex', 'trex']);
  const version = buffer.readUInt8(mdhd.body);
  const timescale = buffer.readUInt32BE(mdhd.body + (version === 1 ? 20 : 12));
  const handler = buffer.toString('latin1', hdlr.body + 8, hdlr.body + 12);
  return {
    timescale,
    kind: handler === 'vide' ? 'video' : handler === 'soun' ? 'audio' : handler,
    defaultDuration: trex ? buffer.readUInt32BE(trex.body + 12) : 0,
  };
}

/**
 * Media time (in timescale units), summed sample durations, and whether the first sample is a sync sample (so the
 * chunk can be decoded on its own), of a moof's one track fragment.
 */
function readMoof(buffer, moof, defaultDuration) {
  const traf = child(buffer, moof, ['traf']);
  const tfhd = child(buffer, traf, ['tfhd']);
  const tfdt = child(buffer, traf, ['tfdt']);
  const trun = child(buffer, traf, ['trun']);
  const tfhdFlags = buffer.readUInt32BE(tfhd.body) & 0xffffff;
  let at = tfhd.body + 8;
  if (tfhdFlags & 0x01) at += 8;
  if (tfhdFlags & 0x02) at += 4;
  const sampleDuration = tfhdFlags & 0x08 ? buffer.readUInt32BE(at) : defaultDuration;
  if (tfhdFlags & 0x08) at += 4;
  if (tfhdFlags & 0x10) at += 4;
  const defaultFlags = tfhdFlags & 0x20 ? buffer.readUInt32BE(at) : 0;
  const decodeTime = buffer.readUInt8(tfdt.body) === 1 ? Number(buffer.readBigUInt64BE(tfdt.body + 4))
    : buffer.readUInt32BE(tfdt.body + 4);
  const trunFlags = buffer.readUInt32BE(trun.body) & 0xffffff;
  const count = buffer.readUInt32BE(trun.body + 4);
  let position = trun.body + 8;
  if (trunFlags & 0x01) position += 4;
  let firstFlags = trunFlags & 0x04 ? buffer.readUInt32BE(position) : null;
  if (trunFlags & 0x04) position += 4;
  let duration = 0;
  for (let i = 0; i < count; i++) {
    if (trunFlags & 0x100) {
      duration += buffer.readUInt32BE(position);
      position += 4;
    } else {
      duration += sampleDuration;
    }
    if (trunFlags & 0x200) position += 4;
    if (trunFlags & 0x400) {
      if (i === 0 && firstFlags === null) {
        firstFlags = buffer.readUInt32BE(position);
      }
      position += 4;
    }
    if (trunFlags & 0x800) position += 4;
  }
  // sample_is_non_sync_sample is bit 16 of the sample flags.
  const independent = ((firstFlags === null ? defaultFlags : firstFlags) & 0x10000) === 0;
  return { decodeTime, duration, independent };
}

/** The wall-clock time (ms since 1970) a producer reference time box carries. */
function readPrft(buffer, prft) {
  const seconds = buffer.readUInt32BE(prft.body + 8);
  const fraction = buffer.readUInt32BE(prft.body + 12);
  return (seconds - 2208988800) * 1000 + Math.round((fraction / 2 ** 32) * 1000);
}

/**
 * Cuts a segment that arrives in pieces into its CMAF chunks: each chunk ends with an mdat and starts after the
 * previous one (so it carries the styp and prft boxes before its moof). `onChunk({bytes, start, duration, independent,
 * wallClock})` is called as soon as a chunk is complete; start and duration are in seconds.
 */
class ChunkCutter {
  constructor(track, onChunk) {
    this.track = track;
    this.onChunk = onChunk;
    this.buffer = Buffer.alloc(0);
    this.parsed = 0;
    this.chunkStart = 0;
    this.pending = {};
  }

  push(bytes) {
    this.buffer = Buffer.concat([this.buffer, bytes]);
    for (const box of boxes(this.buffer, this.parsed)) {
      this.parsed = box.end;
      if (box.type === 'prft') {
        this.pending.wallClock = readPrft(this.buffer, box);
      } else if (box.type === 'moof') {
        Object.assign(this.pending, readMoof(this.buffer, box, this.track.defaultDuration));
      } else if (box.type === 'mdat') {
        this.onChunk({
          bytes: this.buffer.subarray(this.chunkStart, box.end),
          start: this.pending.decodeTime / this.track.timescale,
          duration: this.pending.duration / this.track.timescale,
          independent: this.pending.independent,
          wallClock: this.pending.wallClock,
        });
        this.chunkStart = box.end;
        this.pending = {};
      }
    }
  }
}

module.exports = { boxes, readInit, readMoof, readPrft, ChunkCutter };
