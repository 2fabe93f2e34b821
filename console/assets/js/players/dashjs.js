/*
 * DASH, and Microsoft Smooth Streaming through dash.js's MSS module (dash.js turns the Smooth manifest into DASH
 * internally). Every response dash.js receives passes a response interceptor, so a failure names the URL and the
 * HTTP status whatever dash.js's error carries, and a changed manifest counts as the live stream advancing.
 */
(function (LiveConsole) {
  'use strict';

  var MANIFEST = 'MPD';
  var SEGMENT_TYPES = ['MediaSegment', 'InitializationSegment', 'IndexSegment', 'BitstreamSwitchingSegment'];
  // dash.js error codes for a segment that failed to load (fragment loader, sidx, content, initialization): dash.js
  // carries on with the next segment and retries, so they are warnings, not the end of playback.
  var SEGMENT_ERRORS = [17, 26, 27, 28];

  function requestType(response) {
    var request = response && response.request;
    var custom = request && request.customData && request.customData.request;
    return (custom && custom.type) || '';
  }

  function create(ctx, smooth) {
    var dashjs = window.dashjs;
    var video = ctx.video;
    var E = dashjs.MediaPlayer.events;
    var dash = dashjs.MediaPlayer().create();
    var what = smooth ? 'Smooth Streaming manifest' : 'manifest';
    var lastManifest = null;
    var lastFailure = null;
    var segmentDuration = null;
    var failed = false;

    // Smooth Streaming timelines are not tied to the wall clock (dash.js anchors them at 1970), so a clock sync
    // would only add a request to dash.js's default time server; DASH keeps it (the MPD's UTCTiming wins).
    dash.updateSettings({
      debug: { logLevel: ctx.debug ? dashjs.Debug.LOG_LEVEL_DEBUG : dashjs.Debug.LOG_LEVEL_WARNING },
      streaming: { utcSynchronization: { enabled: !smooth } }
    });
    dash.updateSettings(LiveConsole.lowLatency().dashSettings(smooth));
    dash.addResponseInterceptor(function (response) {
      var type = requestType(response);
      var status = response.status || 0;
      if (status < 200 || status > 299) {
        lastFailure = { type: type, url: (response.request && response.request.url) || response.url || '', status: status };
      } else if (type === MANIFEST) {
        // An origin may restamp publishTime on every request; only a changed timeline is news.
        var body = typeof response.data === 'string' ? response.data.replace(/publishTime="[^"]*"/, '') : '';
        if (body && body !== lastManifest) {
          lastManifest = body;
          ctx.events.advanced();
        }
      }
      return Promise.resolve(response);
    });
    dash.on(E.STREAM_INITIALIZED, ctx.events.renditionsChanged);
    dash.on(E.QUALITY_CHANGE_RENDERED, ctx.events.renditionChanged);
    dash.on(E.FRAGMENT_LOADING_COMPLETED, function (e) {
      var request = e.request || {};
      if (request.mediaType === 'video' && request.type === 'MediaSegment' && !e.error) {
        segmentDuration = request.duration || segmentDuration;
        ctx.events.advanced('segment');
      }
    });
    dash.on(E.PLAYBACK_ENDED, ctx.events.ended);
    // dash.js starts playback itself, and says so when the browser refuses to start it without a click.
    dash.on(E.PLAYBACK_NOT_ALLOWED, function () { ctx.events.autoplayBlocked(); });
    dash.on(E.ERROR, function (e) {
      var error = e.error || {};
      if (failed) {
        return;
      }
      if (SEGMENT_ERRORS.indexOf(error.code) >= 0) {
        ctx.events.warning(describe(error));
        return;
      }
      failed = true;
      ctx.events.error(describe(error));
    });
    // dash.js starts playback itself (autoplay); a play() from here would come before it listens for 'play',
    // and it only starts refreshing a live manifest once it has seen playback start.
    dash.initialize(video, ctx.url, true);

    function describe(error) {
      var data = error.data || {};
      var request = data.request || {};
      var response = data.response || {};
      var failure = lastFailure;
      var type = request.type || (failure && failure.type) || '';
      var url = request.url || (response.request && response.request.url) || (failure && failure.url) || '';
      var status = typeof response.status === 'number' ? response.status : failure ? failure.status : 0;
      var loading = error.code === 11 || error.code === 25 || type === MANIFEST
        || SEGMENT_TYPES.indexOf(type) >= 0 || SEGMENT_ERRORS.indexOf(error.code) >= 0;
      if (loading) {
        var thing = type === MANIFEST || error.code === 11 || error.code === 25 ? what : 'segment';
        if (!url && error.code === 11) {
          url = ctx.url;
        }
        return { what: thing === what ? 'manifest' : 'segment', url: url, status: status,
          message: LiveConsole.describeFailure(thing, url, status) };
      }
      return { what: 'other', url: url, status: null,
        message: 'dash.js: ' + (error.message || 'playback failed') + (error.code ? ' (code ' + error.code + ')' : '') };
    }

    function representations(type) {
      try {
        return dash.getRepresentationsByType(type) || [];
      } catch (notReady) {
        return [];
      }
    }

    function currentRepresentation(type) {
      try {
        return dash.getCurrentRepresentationForType(type);
      } catch (notReady) {
        return null;
      }
    }

    function codecOf(representation) {
      if (!representation) {
        return null;
      }
      var codec = representation.codecs || (representation.mediaInfo && representation.mediaInfo.codec) || '';
      var quoted = /codecs="([^"]+)"/.exec(codec);
      return (quoted ? quoted[1] : codec) || null;
    }

    function safely(read) {
      try {
        var value = read();
        return typeof value === 'number' && isFinite(value) ? value : null;
      } catch (notReady) {
        return null;
      }
    }

    /**
     * How far the playhead is behind the live edge: the end of the DVR window (where segments are available up to
     * now), not its start, in the same media time as dash.js's playhead.
     */
    function behindLiveEdge() {
      return safely(function () {
        var dvr = dash.getDvrWindow();
        // The window is measured a moment before the playhead: a playhead a little past its end is at the edge.
        return dvr.end > dvr.start ? Math.max(0, dvr.end - dash.time()) : null;
      });
    }

    return {
      name: 'dash.js ' + dash.getVersion() + (smooth ? ' + MSS' : ''),
      kind: smooth ? 'mss' : 'dash',
      engine: dash,
      renditions: function () {
        var audio = currentRepresentation('audio');
        var audioBitrate = audio && audio.bandwidth ? audio.bandwidth : 0;
        return representations('video').map(function (r, index) {
          // A DASH Representation's (and a Smooth QualityLevel's) bandwidth is its own track's: video only.
          return { index: index, width: r.width, height: r.height, videoBitrate: r.bandwidth || null,
            totalBitrate: r.bandwidth ? r.bandwidth + audioBitrate : null };
        });
      },
      current: function () {
        var now = currentRepresentation('video');
        return now ? representations('video').findIndex(function (r) { return r.id === now.id; }) : -1;
      },
      pin: function (index) {
        dash.updateSettings({ streaming: { abr: { autoSwitchBitrate: { video: index < 0 } } } });
        if (index >= 0) {
          dash.setRepresentationForTypeByIndex('video', index, true);
        }
      },
      diagnostics: function () {
        var live = safely(function () { return dash.isDynamic() ? 1 : 0; });
        var audio = currentRepresentation('audio');
        var throughput = safely(function () { return dash.getAverageThroughput('video'); });
        var utc = smooth ? null : safely(function () { return dash.timeAsUTC(); });
        return {
          live: live === null ? null : live === 1,
          // dash.js measures DASH latency against the wall clock; Smooth Streaming times are not wall-clock
          // times, so for MSS the distance to the end of the seekable (live) window says how far behind we are.
          latency: smooth ? ctx.behindSeekableEnd() : behindLiveEdge(),
          frameTime: utc && utc > 1e9 ? utc * 1000 : null,
          bandwidth: throughput ? throughput * 1000 : null,
          segmentDuration: segmentDuration,
          videoCodec: codecOf(currentRepresentation('video')),
          audioCodec: codecOf(audio),
          audioBitrate: audio && audio.bandwidth ? audio.bandwidth : null
        };
      },
      recover: function () {
        try {
          dash.seekToOriginalLive();
        } catch (notLive) {
          /* nothing to seek to */
        }
      },
      destroy: function () { dash.destroy(); }
    };
  }

  /** What dash.js 5 itself accepts: MediaSource, or ManagedMediaSource (Safari on iOS 17.1+). */
  function mediaSource() {
    return 'MediaSource' in window || 'ManagedMediaSource' in window || 'WebKitMediaSource' in window;
  }

  LiveConsole.players.register({
    id: 'dash.js',
    formats: ['dash'],
    supported: function () { return !!(window.dashjs && window.dashjs.MediaPlayer) && mediaSource(); },
    unsupportedReason: function () {
      return window.dashjs ? 'this browser has no Media Source Extensions, which DASH playback (dash.js) needs; '
        + 'pick HLS or CMAF instead' : 'dash.js did not load';
    },
    create: function (ctx) { return create(ctx, false); }
  });

  LiveConsole.players.register({
    id: 'dash.js + MSS',
    formats: ['mss'],
    supported: function () {
      return !!(window.dashjs && window.dashjs.MediaPlayer && typeof window.dashjs.MssHandler === 'function')
        && mediaSource();
    },
    unsupportedReason: function () {
      return !window.dashjs || typeof window.dashjs.MssHandler !== 'function'
        ? 'the dash.js MSS module did not load, so Smooth Streaming cannot play'
        : 'this browser has no Media Source Extensions, which Smooth Streaming playback (dash.js) needs; '
          + 'pick HLS or CMAF instead';
    },
    create: function (ctx) { return create(ctx, true); }
  });
}(window.LiveConsole));
