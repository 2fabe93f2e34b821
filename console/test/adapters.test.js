'use strict';
// The page's scripts in Node, without a browser: the link to the MediaLive console refuses anything but a region and
// a channel id, and the dash.js adapter turns what dash.js reports (errors by code, the DVR window, a refused
// autoplay) into the console's events, here against a stand-in for dash.js's MediaPlayer that reports what the
// test tells it to.
const { test } = require('node:test');
const assert = require('node:assert/strict');
const fs = require('node:fs');
const path = require('node:path');
const vm = require('node:vm');

const JS = path.join(__dirname, '..', 'assets', 'js');

/** A window with the given globals in which the page's scripts `files` (under assets/js) have run. */
function pageWith(globals, ...files) {
  const window = { ...globals };
  window.window = window;
  const context = vm.createContext(window);
  for (const file of files) {
    vm.runInContext(fs.readFileSync(path.join(JS, file), 'utf8'), context, { filename: file });
  }
  return window;
}

/** A stand-in for dash.js 5's MediaPlayer: it records handlers and answers the getters the adapter reads. */
function fakeDashjs(answers) {
  const handlers = {};
  const player = {
    updateSettings() {},
    addResponseInterceptor() {},
    on(event, handler) { (handlers[event] = handlers[event] || []).push(handler); },
    initialize() {},
    getVersion: () => '5.2.1',
    isDynamic: () => true,
    getDvrWindow: () => answers.dvr,
    time: () => answers.time,
    getCurrentLiveLatency: () => answers.wallClockLatency,
    timeAsUTC: () => NaN,
    getAverageThroughput: () => NaN,
    getCurrentRepresentationForType: () => null,
    getRepresentationsByType: () => [],
    destroy() {},
  };
  const events = { STREAM_INITIALIZED: 'streamInitialized', QUALITY_CHANGE_RENDERED: 'qualityChangeRendered',
    FRAGMENT_LOADING_COMPLETED: 'fragmentLoadingCompleted', PLAYBACK_ENDED: 'playbackEnded',
    PLAYBACK_NOT_ALLOWED: 'playbackNotAllowed', ERROR: 'error' };
  const MediaPlayer = () => ({ create: () => player });
  MediaPlayer.events = events;
  return {
    dashjs: { MediaPlayer, Debug: { LOG_LEVEL_DEBUG: 5, LOG_LEVEL_WARNING: 2 } },
    emit: (event, payload) => (handlers[events[event]] || []).forEach((h) => h(payload)),
  };
}

/** The DASH adapter playing against the stand-in; every event it raises is recorded in `seen`. */
function dashAdapter(answers = {}) {
  const fake = fakeDashjs(answers);
  const window = pageWith({ dashjs: fake.dashjs, MediaSource: function MediaSource() {} },
    'live-console.js', 'players/dashjs.js');
  const seen = [];
  const record = (name) => (payload) => seen.push({ name, payload });
  const adapter = window.LiveConsole.players.find('dash');
  const player = adapter.create({
    url: 'https://example.com/out/v1/index.mpd', video: {}, format: 'dash', debug: false,
    play() {}, warning() {}, behindSeekableEnd: () => NaN,
    events: { error: record('error'), warning: record('warning'), autoplayBlocked: record('autoplayBlocked'),
      advanced: record('advanced'), renditionsChanged() {}, renditionChanged() {}, ended: record('ended') },
  });
  return { player, seen, emit: fake.emit };
}

const segmentFailure = (code) => ({ error: { code, message: 'segment is not available', data: {
  request: { type: 'MediaSegment', url: 'https://example.com/out/v1/video_42.mp4' },
  response: { status: 503 } } } });

test('the MediaLive console link is made for a region and a channel id of digits', () => {
  const { LiveConsole } = pageWith({}, 'live-console.js');
  assert.equal(LiveConsole.channelConsoleUrl('1234567', 'us-east-1'),
    'https://us-east-1.console.aws.amazon.com/medialive/home?region=us-east-1#/channels/1234567');
  assert.equal(LiveConsole.channelConsoleUrl('42', 'us-gov-west-1'),
    'https://console.amazonaws-us-gov.com/medialive/home?region=us-gov-west-1#/channels/42');
  assert.equal(LiveConsole.channelConsoleUrl('42', 'cn-north-1'),
    'https://console.amazonaws.cn/medialive/home?region=cn-north-1#/channels/42');
});

test('the MediaLive console link refuses anything that is not a region and a channel id', () => {
  const { LiveConsole } = pageWith({}, 'live-console.js');
  const refused = [
    ['1234567', 'evil.example.com/x'], ['1234567', 'us-east-1.evil.example.com#'], ['1234567', 'US-EAST-1'],
    ['1234567', 'us-east-1 '], ['1234567', 'javascript:alert(1)//'], ['1234567', ''],
    ['1234567#/x', 'us-east-1'], ['abc', 'us-east-1'], ['-1', 'us-east-1'], ['', 'us-east-1'],
    [undefined, undefined],
  ];
  for (const [channelId, region] of refused) {
    assert.equal(LiveConsole.channelConsoleUrl(channelId, region), '', `${channelId} in ${region}`);
  }
});

test('a DASH segment that fails to load is a warning, and playback goes on', () => {
  for (const code of [17, 26, 27, 28]) {
    const { seen, emit } = dashAdapter();
    emit('ERROR', segmentFailure(code));
    emit('ERROR', segmentFailure(code));
    assert.deepEqual(seen.map((e) => e.name), ['warning', 'warning'], `code ${code}`);
    assert.equal(seen[0].payload.url, 'https://example.com/out/v1/video_42.mp4');
    assert.equal(seen[0].payload.status, 503);
    assert.match(seen[0].payload.message, /^Could not load the segment: HTTP 503 from /);
  }
});

test('a DASH manifest that fails to load is an error', () => {
  const { seen, emit } = dashAdapter();
  emit('ERROR', { error: { code: 25, message: 'manifest is not available', data: {
    request: { type: 'MPD', url: 'https://example.com/out/v1/index.mpd' }, response: { status: 404 } } } });
  assert.deepEqual(seen.map((e) => e.name), ['error']);
  assert.equal(seen[0].payload.what, 'manifest');
  assert.equal(seen[0].payload.status, 404);
});

test('a refused DASH autoplay is reported as such, not as an error', () => {
  const { seen, emit } = dashAdapter();
  emit('PLAYBACK_NOT_ALLOWED', {});
  assert.deepEqual(seen.map((e) => e.name), ['autoplayBlocked']);
});

test('DASH "behind live edge" is measured from the end of the DVR window, not its start', () => {
  const { player } = dashAdapter({ dvr: { start: 1000, end: 1060, size: 60 }, time: 1052, wallClockLatency: 9.5 });
  assert.equal(player.diagnostics().latency, 8);
});
