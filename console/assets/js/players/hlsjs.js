/*
 * HLS and CMAF (fMP4 HLS) through hls.js, on Media Source Extensions or, where a browser only has it (Safari on
 * iOS 17.1+), ManagedMediaSource; hls.js picks whichever the browser offers. Registered before the native
 * player, so the page reads renditions, buffer and latency the same way in every browser that can.
 */
(function (LiveConsole) {
  'use strict';

  var ERRORS = {
    manifestLoadError: 'playlist',
    manifestLoadTimeOut: 'playlist',
    levelLoadError: 'rendition playlist',
    levelLoadTimeOut: 'rendition playlist',
    audioTrackLoadError: 'audio playlist',
    audioTrackLoadTimeOut: 'audio playlist',
    fragLoadError: 'segment',
    fragLoadTimeOut: 'segment',
    keyLoadError: 'decryption key',
    keyLoadTimeOut: 'decryption key'
  };

  function mediaSourceKind() {
    return window.ManagedMediaSource ? 'ManagedMediaSource' : 'MediaSource';
  }

  function describe(data) {
    var url = data.url || (data.context && data.context.url) || (data.frag && data.frag.url) || '';
    var what = ERRORS[data.details];
    if (what && /TimeOut$/.test(data.details)) {
      return { what: what, url: url, status: null, message: 'Loading the ' + what + ' timed out: ' + url };
    }
    if (what) {
      var status = data.response && typeof data.response.code === 'number' ? data.response.code : 0;
      return { what: what, url: url, status: status, message: LiveConsole.describeFailure(what, url, status) };
    }
    if (data.details === 'manifestParsingError') {
      return { what: 'playlist', url: url, status: null, message: 'The playlist is not valid HLS: ' + url };
    }
    if (data.type === 'mediaError') {
      return { what: 'decode', url: url, status: null,
        message: 'The browser could not decode the stream (' + data.details + ')' };
    }
    return { what: 'other', url: url, status: null, message: 'Playback failed: ' + data.type + ' / ' + data.details };
  }

  function create(ctx) {
    var Hls = window.Hls;
    var video = ctx.video;
    var hls = new Hls(LiveConsole.lowLatency().hlsConfig({ backBufferLength: 30, debug: ctx.debug }));
    var live = null;
    var segmentDuration = null;
    var codecs = {};
    var lastEnd = {};
    var recoveredMedia = false;

    hls.on(Hls.Events.MANIFEST_PARSED, function () {
      ctx.events.renditionsChanged();
      ctx.play();
    });
    hls.on(Hls.Events.LEVEL_LOADED, function (event, data) {
      var details = data.details;
      live = details.live;
      segmentDuration = segmentDuration || details.averagetargetduration || details.targetduration;
      if (lastEnd[data.level] !== details.endSN) {
        lastEnd[data.level] = details.endSN;
        ctx.events.advanced();
      }
    });
    hls.on(Hls.Events.FRAG_LOADED, function (event, data) {
      if (data.frag && data.frag.type === 'main') {
        segmentDuration = data.frag.duration;
        ctx.events.advanced('segment');
      }
    });
    hls.on(Hls.Events.BUFFER_CODECS, function (event, data) {
      // Separate tracks name one codec each; a muxed track (audio and video in one fMP4) names both.
      var muxed = LiveConsole.splitCodecs(data.audiovideo && (data.audiovideo.codec || data.audiovideo.levelCodec));
      codecs.video = (data.video && (data.video.codec || data.video.levelCodec)) || muxed.video || codecs.video;
      codecs.audio = (data.audio && (data.audio.codec || data.audio.levelCodec)) || muxed.audio || codecs.audio;
    });
    hls.on(Hls.Events.LEVEL_SWITCHED, ctx.events.renditionChanged);
    hls.on(Hls.Events.ERROR, function (event, data) {
      if (!data.fatal) {
        ctx.warning('hls.js: ' + data.details);
        return;
      }
      if (data.type === Hls.ErrorTypes.MEDIA_ERROR && !recoveredMedia) {
        recoveredMedia = true;
        ctx.warning('hls.js: recovering from ' + data.details);
        hls.recoverMediaError();
        return;
      }
      ctx.events.error(describe(data));
    });
    hls.loadSource(ctx.url);
    hls.attachMedia(video);

    function level() {
      return (hls.levels || [])[hls.currentLevel] || null;
    }

    return {
      name: 'hls.js ' + Hls.version + ' (' + mediaSourceKind() + ')',
      kind: 'hls',
      engine: hls,
      renditions: function () {
        return (hls.levels || []).map(function (l, index) {
          // An HLS variant's BANDWIDTH covers everything it plays (video and its audio); the playlist does not
          // say how much of it is video.
          return { index: index, width: l.width, height: l.height, videoBitrate: null, totalBitrate: l.bitrate };
        });
      },
      current: function () { return hls.currentLevel; },
      pin: function (index) { hls.currentLevel = index; },
      diagnostics: function () {
        var now = level();
        var date = hls.playingDate;
        return {
          live: live,
          latency: hls.latency,
          frameTime: date && !isNaN(date.getTime()) ? date.getTime() : null,
          bandwidth: hls.bandwidthEstimate || null,
          segmentDuration: segmentDuration,
          videoCodec: codecs.video || (now && now.videoCodec) || null,
          audioCodec: codecs.audio || (now && now.audioCodec) || null,
          audioBitrate: null
        };
      },
      recover: function () {
        var edge = hls.liveSyncPosition;
        if (typeof edge === 'number' && isFinite(edge) && edge > video.currentTime) {
          video.currentTime = edge;
        }
        hls.startLoad();
      },
      destroy: function () { hls.destroy(); }
    };
  }

  LiveConsole.players.register({
    id: 'hls.js',
    formats: ['hls', 'cmaf'],
    supported: function () { return !!(window.Hls && window.Hls.isSupported()); },
    unsupportedReason: function () {
      return 'this browser has no Media Source Extensions (nor ManagedMediaSource), which hls.js needs';
    },
    create: create
  });
}(window.LiveConsole));
