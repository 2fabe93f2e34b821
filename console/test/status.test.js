'use strict';
// The console's state rules on a simulated clock: what the State line says for each thing a player can do.
const { test } = require('node:test');
const assert = require('node:assert/strict');
const { createStatusTracker } = require('../assets/js/status.js');

/** A live stream playing normally: the playhead and the live edge move on every half second. */
function playing(tracker, fromMs, untilMs, startTime = 10) {
  let last;
  for (let now = fromMs; now <= untilMs; now += 500) {
    const t = startTime + (now - fromMs) / 1000;
    tracker.advanced(now);
    last = tracker.update(sample({ now, currentTime: t, seekableEnd: t + 6 }));
  }
  return last;
}

function sample(overrides) {
  return { now: 0, error: false, ended: false, paused: false, autoplayRefused: false, playing: true,
    currentTime: 0, seeking: false, live: true, seekableEnd: NaN, segmentSeconds: 1, ...overrides };
}

test('nothing played yet is loading, and a refused autoplay is paused', () => {
  assert.equal(createStatusTracker().update(sample({ playing: false, paused: true })).state, 'loading');
  assert.equal(createStatusTracker().update(sample({ playing: false, paused: true, autoplayRefused: true })).state,
    'paused');
});

test('a moving playhead on an advancing live stream is playing', () => {
  assert.equal(playing(createStatusTracker(), 0, 5000).state, 'playing');
});

test('a playhead standing still for over a second is buffering, and counts as a stall', () => {
  const tracker = createStatusTracker();
  playing(tracker, 0, 3000);
  tracker.advanced(4500);
  const status = tracker.update(sample({ now: 4500, currentTime: 13, seekableEnd: 20 }));
  assert.equal(status.state, 'buffering');
  assert.equal(status.stallCount, 1);
});

test('a live stream with nothing new for the threshold is stalled by its source, even while the buffer plays', () => {
  const tracker = createStatusTracker();
  playing(tracker, 0, 5000);
  let status;
  for (let now = 5500; now <= 12000; now += 500) {
    const t = 20 + (now - 5000) / 1000;
    status = tracker.update(sample({ now, currentTime: t, seekableEnd: 21 }));
  }
  assert.equal(status.state, 'stalled');
  assert.equal(status.stalled, 'source');
  assert.equal(status.thresholdSeconds, 6, 'at least 6 s, or three segments');
});

test('the threshold is three segments when segments are long', () => {
  const status = createStatusTracker().update(sample({ now: 0, segmentSeconds: 6 }));
  assert.equal(status.thresholdSeconds, 18);
  assert.equal(createStatusTracker({ stallSeconds: 4 }).update(sample({ segmentSeconds: 6 })).thresholdSeconds, 4);
});

test('a picture standing still while the manifest still advances is stalled by the playhead', () => {
  const tracker = createStatusTracker();
  playing(tracker, 0, 5000);
  let status;
  for (let now = 5500; now <= 12500; now += 500) {
    tracker.advanced(now);
    status = tracker.update(sample({ now, currentTime: 20, seekableEnd: 26 + (now - 5000) / 1000 }));
  }
  assert.equal(status.state, 'stalled');
  assert.equal(status.stalled, 'playhead');
});

test('a stalled stream recovers by itself when segments flow and the picture moves again', () => {
  const tracker = createStatusTracker();
  playing(tracker, 0, 5000);
  for (let now = 5500; now <= 14000; now += 500) {
    tracker.update(sample({ now, currentTime: 15, seekableEnd: 21 }));
  }
  const recovered = playing(tracker, 14500, 17000, 15);
  assert.equal(recovered.state, 'playing');
  assert.equal(recovered.stallCount, 1, 'one stall: buffering then stalled is the same stop');
});

test('a growing seekable range counts as the stream advancing', () => {
  const tracker = createStatusTracker();
  let status;
  for (let now = 0; now <= 12000; now += 500) {
    status = tracker.update(sample({ now, currentTime: now / 1000, seekableEnd: 6 + now / 1000 }));
  }
  assert.equal(status.state, 'playing');
});

test('a stream that is not live never stalls: it plays out and ends', () => {
  const tracker = createStatusTracker();
  playing(tracker, 0, 2000);
  let status;
  for (let now = 2500; now <= 12000; now += 500) {
    status = tracker.update(sample({ now, live: false, currentTime: 14 + (now - 2000) / 1000, seekableEnd: 30 }));
  }
  assert.equal(status.state, 'playing');
  assert.equal(tracker.update(sample({ now: 12500, live: false, ended: true })).state, 'ended');
});

test('an error wins over everything, and a viewer pause is paused, not stalled', () => {
  const tracker = createStatusTracker();
  playing(tracker, 0, 2000);
  assert.equal(tracker.update(sample({ now: 30000, paused: true, currentTime: 12 })).state, 'paused');
  assert.equal(tracker.update(sample({ now: 30500, error: true, ended: true })).state, 'error');
});
