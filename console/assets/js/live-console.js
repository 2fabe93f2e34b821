/*
 * The console's extension points, loaded before the player adapters and the page:
 *
 * - LiveConsole.players.register(adapter): a player adapter plays some formats. The page picks, for a source, the
 *   first registered adapter whose `formats` include the source's format and whose `supported()` is true, and
 *   calls `create(context)`. context = {url, video, format, debug, events, play(), warning(text),
 *   behindSeekableEnd()}: play() starts playback and notes a refused autoplay; events =
 *   { error({what, url, status, message}), warning({...}), autoplayBlocked(), advanced(), renditionsChanged(),
 *   renditionChanged(), ended() }:
 *   `error` is fatal (what: 'manifest' | 'playlist' | 'rendition playlist' | 'segment' | 'decode' | 'unsupported';
 *   status: the HTTP status, 0 when no response came); `warning` (the same shape) is a failure the player
 *   survives and retries, such as a segment that failed to load; `autoplayBlocked()` says the browser refused to
 *   start playback without a click; `advanced(what)` says the live stream moved on (a new playlist or manifest
 *   version, or with what = 'segment' a new segment), which is what stall detection listens to.
 *   The adapter returns {name, renditions(), current(), pin(index), diagnostics(), recover(), destroy()}:
 *   renditions() -> [{index, width, height, videoBitrate, totalBitrate}] (bits/s; null when the stream does not
 *   say), diagnostics() -> {live, latency, frameTime, bandwidth, segmentDuration, videoCodec, audioCodec,
 *   audioBitrate} (seconds, ms since 1970, bits/s; null when unknown); recover() nudges playback back to the live
 *   edge after a stall. An adapter built on hls.js or dash.js also says `kind` ('hls', 'dash', 'mss') and gives its
 *   `engine`, which the low-latency display reads.
 * - LiveConsole.sources(config): the streams the source selector offers: HLS, DASH, MSS and CMAF from the stack's
 *   config, the ad-inserted HLS and DASH when the stack has them, then any extra {id, label, format, url} entries
 *   of config.sources.
 */
(function (root) {
  'use strict';

  var LiveConsole = root.LiveConsole = root.LiveConsole || {};
  var adapters = [];

  LiveConsole.players = {
    register: function (adapter) {
      adapters.push(adapter);
    },
    /** The first adapter that plays `format` in this browser, or null. */
    find: function (format) {
      for (var i = 0; i < adapters.length; i++) {
        if (adapters[i].formats.indexOf(format) >= 0 && adapters[i].supported()) {
          return adapters[i];
        }
      }
      return null;
    },
    /** Why no adapter plays `format` here, in the adapters' own words. */
    whyNot: function (format) {
      var reasons = adapters.filter(function (a) {
        return a.formats.indexOf(format) >= 0 && a.unsupportedReason;
      }).map(function (a) { return a.unsupportedReason(); });
      return reasons.length ? 'This browser cannot play this stream: ' + reasons.join('; and ') + '.'
        : 'No player in this console plays ' + format + '.';
    }
  };

  // The ad-inserted (MediaTailor) sources exist only when the stack inserts ads: `optional` ones are offered only
  // when the config has their URL.
  var BUILT_IN = [
    { id: 'hls', label: 'HLS', format: 'hls' },
    { id: 'dash', label: 'DASH', format: 'dash' },
    { id: 'mss', label: 'MSS', menuLabel: 'MSS (Smooth Streaming)', format: 'mss' },
    { id: 'cmaf', label: 'CMAF', format: 'cmaf' },
    { id: 'hlsAds', label: 'HLS with ads', menuLabel: 'HLS with ads (MediaTailor)', format: 'hls', optional: true },
    { id: 'dashAds', label: 'DASH with ads', menuLabel: 'DASH with ads (MediaTailor)', format: 'dash', optional: true }
  ];

  LiveConsole.sources = function (config) {
    var list = BUILT_IN.map(function (s) {
      return { id: s.id, label: s.label, menuLabel: s.menuLabel, format: s.format, optional: !!s.optional,
        url: config[s.id] || '' };
    });
    (Array.isArray(config.sources) ? config.sources : []).forEach(function (extra) {
      if (extra && extra.id && extra.format && extra.url) {
        list.push({ id: String(extra.id), label: String(extra.label || extra.id), format: String(extra.format),
          url: String(extra.url) });
      }
    });
    return list;
  };

  /**
   * The low-latency module (assets/js/low-latency.js: player settings that keep playback near the live edge, and
   * their display), or one that changes nothing when that file is missing.
   */
  LiveConsole.lowLatency = function () {
    return root.LowLatency || {
      hlsConfig: function (base) { return base; }, dashSettings: function () { return {}; }, watch: function () {}
    };
  };

  /** "HTTP 404 from <url>" or "no response from <url> (...)": the same words for every player. */
  LiveConsole.describeFailure = function (what, url, status) {
    var where = url ? ' ' + url : '';
    if (status > 0) {
      return 'Could not load the ' + what + ': HTTP ' + status + ' from' + where;
    }
    return 'Could not load the ' + what + ': no response from' + where
      + ' (connection refused, the host is unreachable, or the server sent no CORS headers)';
  };

  /** {video, audio} from a codecs list such as "mp4a.40.2,avc1.42C00D" (an HLS CODECS attribute, a muxed track). */
  LiveConsole.splitCodecs = function (list) {
    var codecs = String(list || '').split(',').map(function (c) { return c.trim(); });
    return {
      video: codecs.filter(function (c) { return /^(avc|hvc|hev|dvh|av01|vp0?[89])/i.test(c); })[0] || null,
      audio: codecs.filter(function (c) { return /^(mp4a|ac-3|ec-3|opus|flac|mp3)/i.test(c); })[0] || null
    };
  };

  /** A region name such as us-east-1, us-gov-west-1 or cn-north-1, and a MediaLive channel id (digits only). */
  var REGION = /^[a-z]{2}(-[a-z]+)+-\d{1,2}$/;
  var CHANNEL_ID = /^\d{1,20}$/;

  /**
   * The MediaLive console page of a channel, in the console of the region's partition; '' unless the region looks
   * like a region and the channel id is digits, so nothing else can end up in the link's host or path.
   */
  LiveConsole.channelConsoleUrl = function (channelId, region) {
    if (!CHANNEL_ID.test(String(channelId || '')) || !REGION.test(String(region || ''))) {
      return '';
    }
    var host = /^cn-/.test(region) ? 'console.amazonaws.cn'
      : /^us-gov-/.test(region) ? 'console.amazonaws-us-gov.com' : region + '.console.aws.amazon.com';
    return 'https://' + host + '/medialive/home?region=' + encodeURIComponent(region) + '#/channels/'
      + encodeURIComponent(channelId);
  };
}(window));
