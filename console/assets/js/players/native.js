/*
 * HLS and CMAF in the browser's own player (the <video> element's src), for browsers without Media Source
 * Extensions that play HLS themselves (Safari on iPhone before iOS 17.1). Registered after hls.js: it is the
 * fallback, never a reason to refuse a stream the browser can play. The browser does not say which rendition it
 * fetches or why a load failed, so this reads the multivariant playlist once for the renditions and codecs, and
 * asks the server itself for the HTTP status when the video element reports an error.
 */
(function (LiveConsole) {
  'use strict';

  var HLS_TYPE = 'application/vnd.apple.mpegurl';

  function attribute(line, name) {
    var match = new RegExp('(?:^|[:,])' + name + '=("[^"]*"|[^,]*)').exec(line);
    return match ? match[1].replace(/^"|"$/g, '') : '';
  }

  function resolve(base, relative) {
    try {
      return new URL(relative, base).toString();
    } catch (bad) {
      return relative;
    }
  }

  /** The variants of a multivariant playlist, or [] for a media playlist. */
  function variants(text, base) {
    var lines = text.split(/\r?\n/);
    var list = [];
    for (var i = 0; i < lines.length; i++) {
      if (lines[i].indexOf('#EXT-X-STREAM-INF:') === 0) {
        var size = attribute(lines[i], 'RESOLUTION').split('x');
        var next = (lines[i + 1] || '').trim();
        list.push({ index: list.length, width: Number(size[0]) || 0, height: Number(size[1]) || 0,
          videoBitrate: null, totalBitrate: Number(attribute(lines[i], 'BANDWIDTH')) || null,
          codecs: attribute(lines[i], 'CODECS'), url: next && next.charAt(0) !== '#' ? resolve(base, next) : '' });
      }
    }
    return list;
  }

  function create(ctx) {
    var video = ctx.video;
    var list = [];
    var segmentDuration = null;
    var destroyed = false;
    var reloaded = false;

    /** A failure {what, url, status} of one playlist, or null when it loads; status 0 when no response came. */
    function check(what, url) {
      return fetch(url, { cache: 'no-store' }).then(function (response) {
        return response.ok ? response.text().then(function (text) { return { text: text }; })
          : { failure: { what: what, url: url, status: response.status } };
      }, function () {
        return { failure: { what: what, url: url, status: 0 } };
      });
    }

    /**
     * What the video element cannot say: which playlist failed and with which HTTP status. The multivariant playlist
     * first, then every rendition playlist it lists (the browser does not say which one it was reading).
     */
    function diagnose() {
      return check('playlist', ctx.url).then(function (top) {
        if (top.failure) {
          return top.failure;
        }
        var renditions = variants(top.text, ctx.url).filter(function (v) { return v.url; });
        return Promise.all(renditions.map(function (v) { return check('rendition playlist', v.url); }))
          .then(function (results) {
            var failed = results.filter(function (r) { return r.failure; })[0];
            return failed ? failed.failure : null;
          });
      });
    }

    function onError() {
      var mediaError = video.error;
      diagnose().then(function (failure) {
        if (destroyed) {
          return;
        }
        if (failure) {
          ctx.events.error({ what: failure.what, url: failure.url, status: failure.status,
            message: LiveConsole.describeFailure(failure.what, failure.url, failure.status) });
        } else if (!reloaded) {
          // Every playlist is there: load it once more before giving up, as hls.js recovers once from a media error
          // (a live segment can fail to parse when it is caught mid-way).
          reloaded = true;
          ctx.warning('native HLS: reloading after media error ' + (mediaError ? mediaError.code : '?'));
          video.src = ctx.url;
          ctx.play();
        } else {
          ctx.events.error({ what: 'decode', url: ctx.url, status: null, message: 'The browser could not play '
            + ctx.url + (mediaError ? ' (media error ' + mediaError.code + (mediaError.message ? ': '
            + mediaError.message : '') + ')' : '') });
        }
      });
    }

    video.addEventListener('error', onError);
    video.src = ctx.url;
    ctx.play();

    // The browser does not tell when the playlist moves on, so the page reads the (first) media playlist itself,
    // once a target duration, as the browser does: a changed playlist is the live stream advancing.
    var mediaUrl = null;
    var lastPlaylist = null;
    var live = null;
    var poll = null;

    function readMediaPlaylist() {
      if (destroyed || !mediaUrl) {
        return;
      }
      fetch(mediaUrl, { cache: 'no-store' }).then(function (r) { return r.ok ? r.text() : ''; }).then(function (text) {
        if (destroyed || !text) {
          return;
        }
        var target = /#EXT-X-TARGETDURATION:(\d+(?:\.\d+)?)/.exec(text);
        segmentDuration = target ? Number(target[1]) : segmentDuration;
        live = !/#EXT-X-ENDLIST/.test(text) && !/#EXT-X-PLAYLIST-TYPE:VOD/.test(text);
        if (text !== lastPlaylist) {
          lastPlaylist = text;
          ctx.events.advanced();
        }
      }).catch(function () { /* the next poll tries again */ }).then(function () {
        if (!destroyed) {
          poll = setTimeout(readMediaPlaylist, 1000 * Math.max(1, segmentDuration || 2));
        }
      });
    }

    fetch(ctx.url, { cache: 'no-store' }).then(function (response) {
      return response.ok ? response.text() : '';
    }).then(function (text) {
      if (destroyed) {
        return;
      }
      list = variants(text, ctx.url);
      ctx.events.renditionsChanged();
      mediaUrl = list.length ? list[0].url : ctx.url;
      readMediaPlaylist();
    }).catch(function () {
      /* the video element reports what matters; the details stay unknown */
    });

    function current() {
      for (var i = 0; i < list.length; i++) {
        if (list[i].height && list[i].height === video.videoHeight && list[i].width === video.videoWidth) {
          return i;
        }
      }
      return -1;
    }

    return {
      name: 'the browser\'s own HLS player',
      kind: 'native HLS',
      canPin: false,
      renditions: function () { return list.map(function (r) { return r; }); },
      current: current,
      pin: function () { /* the browser chooses renditions itself */ },
      diagnostics: function () {
        var now = list[current()] || list[0];
        var codecs = LiveConsole.splitCodecs(now && now.codecs);
        var start = typeof video.getStartDate === 'function' ? video.getStartDate() : null;
        var startMs = start && !isNaN(start.getTime()) ? start.getTime() : NaN;
        return {
          live: live !== null ? live : video.duration === Infinity ? true : null,
          latency: ctx.behindSeekableEnd(),
          frameTime: isFinite(startMs) ? startMs + video.currentTime * 1000 : null,
          bandwidth: null,
          segmentDuration: segmentDuration,
          videoCodec: codecs.video,
          audioCodec: codecs.audio,
          audioBitrate: null
        };
      },
      recover: function () {
        var ranges = video.seekable;
        if (ranges.length) {
          video.currentTime = Math.max(ranges.start(0), ranges.end(ranges.length - 1) - 3 * (segmentDuration || 2));
        }
        ctx.play();
      },
      destroy: function () {
        destroyed = true;
        clearTimeout(poll);
        video.removeEventListener('error', onError);
        video.removeAttribute('src');
        video.load();
      }
    };
  }

  LiveConsole.players.register({
    id: 'native',
    formats: ['hls', 'cmaf'],
    supported: function () { return !!document.createElement('video').canPlayType(HLS_TYPE); },
    unsupportedReason: function () { return 'it cannot play HLS itself either'; },
    create: create
  });
}(window.LiveConsole));
