/*
 * Low-latency playback for the demo console. A stack with Packager v2 serves low-latency HLS (partial segments,
 * blocking playlist reloads, preload hints) and low-latency DASH; this module holds the player settings that keep
 * playback close to the live edge, and shows what the player is doing about it: the mode the stream plays in, the
 * latency the player aims at, and how far the picture is behind the wall clock. Standard streams play as before:
 * hls.js only uses parts when a playlist has them, and catching up only ever moves playback towards the target.
 */
(function () {
  'use strict';

  var ROWS = [
    ['low-latency', 'Low latency'],
    ['target-latency', 'Target latency'],
    ['wallclock-latency', 'Behind wall clock']
  ];
  var watched = null;
  var timer = null;
  var lastJump = 0;
  /** At most one jump to the live sync point in this many milliseconds, so a struggling player is not seeked around. */
  var JUMP_INTERVAL_MS = 5000;
  /** A seek further back than this (s) that the console did not make is the viewer's: it is not undone. */
  var SEEK_BACK_SECONDS = 1;
  var viewer = null;

  /**
   * Watches a video element for the viewer's own seeks: one back into the DVR window holds the jumps to live off until
   * the viewer seeks forward again (to the live edge, or anywhere ahead of where they were).
   */
  function followViewer(media) {
    if (viewer && viewer.media === media) {
      return viewer;
    }
    if (viewer) {
      viewer.media.removeEventListener('timeupdate', viewer.onTime);
      viewer.media.removeEventListener('seeking', viewer.onSeeking);
    }
    var state = { media: media, position: media.currentTime, behindOnPurpose: false, ours: NaN };
    state.onTime = function () {
      if (!media.seeking) {
        state.position = media.currentTime;
      }
    };
    state.onSeeking = function () {
      var target = media.currentTime;
      if (Math.abs(target - state.ours) < 0.5) {
        state.ours = NaN;
      } else if (target < state.position - SEEK_BACK_SECONDS) {
        state.behindOnPurpose = true;
      } else if (target > state.position) {
        state.behindOnPurpose = false;
      }
      state.position = target;
    };
    media.addEventListener('timeupdate', state.onTime);
    media.addEventListener('seeking', state.onSeeking);
    viewer = state;
    return state;
  }

  /**
   * hls.js: low-latency mode loads parts and uses blocking playlist reloads and preload hints when the playlist
   * offers them (EXT-X-PART-INF, EXT-X-SERVER-CONTROL), and aims at the playlist's PART-HOLD-BACK. Up to 1.5x
   * playback lets a player that fell behind (a stall, a slow start) catch up with that target again.
   */
  function hlsConfig(base) {
    var config = {};
    Object.keys(base || {}).forEach(function (key) { config[key] = base[key]; });
    config.lowLatencyMode = true;
    config.maxLiveSyncPlaybackRate = 1.5;
    return config;
  }

  /**
   * dash.js: it detects low-latency DASH (chunked CMAF, availabilityTimeOffset) itself and then plays at the
   * ServiceDescription's target latency; catch-up is switched on for every live DASH stream, so one with short
   * segments but no chunking (MediaPackage v2's) also returns to its delay after a stall. Smooth Streaming times
   * are not wall-clock times, so it gets nothing.
   */
  function dashSettings(smooth) {
    return smooth ? {} : { streaming: { liveCatchup: { enabled: true } } };
  }

  function seconds(value) {
    return typeof value === 'number' && isFinite(value) && value >= 0 ? value.toFixed(2) + ' s' : '–';
  }

  function rows() {
    var anchor = document.getElementById('latency');
    if (!anchor) {
      return null;
    }
    var shown = {};
    var after = anchor;
    ROWS.forEach(function (row) {
      var dd = document.getElementById(row[0]);
      if (!dd) {
        var dt = document.createElement('dt');
        dt.textContent = row[1];
        dd = document.createElement('dd');
        dd.id = row[0];
        dd.textContent = '–';
        after.after(dt, dd);
      }
      after = dd;
      shown[row[0]] = dd;
    });
    return shown;
  }

  /**
   * hls.js speeds playback up only while it is less than one target duration behind its target latency; further
   * behind (after a stall, or a slow start) it would stay there. For a low-latency playlist the console then jumps to
   * hls.js's live sync point, after which catching up keeps it there; but not when the viewer went back into the DVR
   * window on purpose.
   */
  function keepNearLive(hls, details) {
    var media = hls.media;
    var behind = hls.latency - hls.targetLatency;
    if (!media || followViewer(media).behindOnPurpose || media.paused || !details.live || !(hls.targetLatency > 0)
      || hls.liveSyncPosition === null || !(behind > details.targetduration)
      || Date.now() - lastJump < JUMP_INTERVAL_MS) {
      return false;
    }
    lastJump = Date.now();
    viewer.ours = hls.liveSyncPosition;
    media.currentTime = hls.liveSyncPosition;
    return true;
  }

  /** What an hls.js player reports about the playlist it plays and how far behind the wall clock it is. */
  function hlsState(hls) {
    var details = hls.latestLevelDetails;
    var date = hls.playingDate;
    var state = {
      mode: 'standard',
      text: 'off (standard HLS)',
      target: hls.targetLatency,
      wallclock: date ? (Date.now() - date.getTime()) / 1000 : NaN
    };
    if (details && details.partTarget > 0) {
      state.jumped = keepNearLive(hls, details);
      state.mode = 'll-hls';
      state.text = 'LL-HLS · parts of ' + details.partTarget.toFixed(2) + ' s · '
        + (details.canBlockReload ? 'blocking playlist reload' : 'no blocking reload')
        + (details.partHoldBack ? ' · part hold-back ' + details.partHoldBack.toFixed(2) + ' s' : '');
    }
    return state;
  }

  /** What a dash.js player reports: its low-latency mode and target delay, and its wall-clock latency. */
  function dashState(dash) {
    var state = { mode: 'standard', text: 'off (standard DASH)', target: NaN, wallclock: NaN };
    try {
      state.target = dash.getTargetLiveDelay();
      state.wallclock = dash.getCurrentLiveLatency();
      if (dash.getLowLatencyModeEnabled()) {
        state.mode = 'll-dash';
        state.text = 'LL-DASH · chunked CMAF segments · catch-up';
      } else if (dash.isDynamic()) {
        state.mode = 'live-dash';
        state.text = 'live DASH · catch-up to ' + seconds(state.target);
      }
    } catch (notReady) {
      // dash.js throws until the stream is initialised.
    }
    return state;
  }

  function update() {
    var shown = rows();
    if (!shown) {
      return;
    }
    var state = { mode: '', text: '–', target: NaN, wallclock: NaN };
    if (watched && watched.kind === 'hls' && watched.engine) {
      state = hlsState(watched.engine);
    } else if (watched && watched.kind === 'dash' && watched.engine) {
      state = dashState(watched.engine);
    } else if (watched) {
      state.text = 'off (' + watched.kind.toUpperCase() + ')';
    }
    shown['low-latency'].textContent = state.text;
    shown['low-latency'].dataset.mode = state.mode;
    if (state.jumped) {
      shown['low-latency'].dataset.jumps = String(Number(shown['low-latency'].dataset.jumps || 0) + 1);
    }
    shown['target-latency'].textContent = seconds(state.target);
    shown['target-latency'].dataset.seconds = isFinite(state.target) && state.target > 0 ? state.target.toFixed(2) : '';
    shown['wallclock-latency'].textContent = seconds(state.wallclock);
    shown['wallclock-latency'].dataset.seconds = isFinite(state.wallclock) && state.wallclock > 0
      ? state.wallclock.toFixed(2) : '';
  }

  /**
   * Follows the player the console made (an object with {@code kind} 'hls', 'dash' or 'mss' and {@code engine}, the
   * hls.js or dash.js instance), or nothing when given null.
   */
  function watch(player) {
    watched = player || null;
    if (!timer) {
      timer = setInterval(update, 500);
    }
    update();
  }

  window.LowLatency = { hlsConfig: hlsConfig, dashSettings: dashSettings, watch: watch };
})();
