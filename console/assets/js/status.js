/*
 * The playback state the console shows, derived from what the video element and the player report, one sample at
 * a time, with no clock of its own (the caller passes `now`), so the same rules run in the page and in unit tests.
 *
 * States: loading (nothing played yet), playing, buffering (waiting for data, briefly), stalled (a live stream
 * stopped arriving: the playlist/manifest stopped advancing or the playhead stood still for `stallSeconds`),
 * paused (by the viewer, or autoplay was refused), ended, error.
 */
(function (root, factory) {
  'use strict';
  if (typeof module === 'object' && module.exports) {
    module.exports = factory();
  } else {
    root.LiveConsole = root.LiveConsole || {};
    root.LiveConsole.createStatusTracker = factory().createStatusTracker;
  }
}(typeof self !== 'undefined' ? self : this, function () {
  'use strict';

  /** A live stream counts as stopped after max(minimum, 3 segment durations) without news. */
  var MIN_STALL_SECONDS = 6;
  var SEGMENTS_BEFORE_STALL = 3;
  /** The playhead may stand still this long (ms) before the state says buffering. */
  var BUFFERING_AFTER_MS = 1000;

  /**
   * @param {{stallSeconds?: number}} options a fixed stall threshold (seconds), e.g. from ?stallSeconds=
   */
  function createStatusTracker(options) {
    var fixedThreshold = options && options.stallSeconds > 0 ? options.stallSeconds : 0;
    var lastTime = null;
    var lastMove = null;
    var lastAdvance = null;
    var lastEdge = null;
    var previous = 'loading';
    var stallCount = 0;
    var started = false;

    function thresholdMs(segmentSeconds) {
      if (fixedThreshold) {
        return fixedThreshold * 1000;
      }
      var bySegments = segmentSeconds > 0 ? SEGMENTS_BEFORE_STALL * segmentSeconds : 0;
      return Math.max(MIN_STALL_SECONDS, bySegments) * 1000;
    }

    /** The player saw the live stream move on: a new playlist/manifest version or a new segment. */
    function advanced(now) {
      lastAdvance = now;
    }

    /**
     * @param {object} s one sample: now (ms), error, ended, paused, playing (a 'playing' event has fired),
     *   currentTime, readyState, seeking, live (true, false or null when unknown), seekableEnd (s or NaN),
     *   segmentSeconds
     * @returns {{state: string, stalled: string|null, stallCount: number, thresholdSeconds: number}}
     *   stalled says why ('source' when the stream stopped advancing, 'playhead' when the picture stands still)
     */
    function update(s) {
      var now = s.now;
      if (s.playing) {
        started = true;
      }
      if (lastTime === null || Math.abs(s.currentTime - lastTime) > 0.01 || s.paused || s.seeking) {
        lastMove = now;
      }
      lastTime = s.currentTime;
      if (isFinite(s.seekableEnd) && (lastEdge === null || s.seekableEnd > lastEdge + 0.01)) {
        if (lastEdge !== null) {
          lastAdvance = now;
        }
        lastEdge = s.seekableEnd;
      }
      if (lastAdvance === null) {
        lastAdvance = now;
      }
      var limit = thresholdMs(s.segmentSeconds);
      var stalled = null;
      var state;
      if (s.error) {
        state = 'error';
      } else if (s.ended) {
        state = 'ended';
      } else if (!started) {
        state = s.paused && s.autoplayRefused ? 'paused' : 'loading';
      } else if (s.paused) {
        state = 'paused';
      } else if (s.live && now - lastAdvance > limit) {
        state = 'stalled';
        stalled = 'source';
      } else if (s.live && now - lastMove > limit) {
        state = 'stalled';
        stalled = 'playhead';
      } else if (now - lastMove > BUFFERING_AFTER_MS) {
        state = 'buffering';
      } else {
        state = 'playing';
      }
      if (previous === 'playing' && (state === 'buffering' || state === 'stalled')) {
        stallCount += 1;
      }
      previous = state;
      return { state: state, stalled: stalled, stallCount: stallCount, thresholdSeconds: limit / 1000,
        sinceAdvanceSeconds: (now - lastAdvance) / 1000 };
    }

    return { update: update, advanced: advanced };
  }

  return { createStatusTracker: createStatusTracker };
}));
