/*
 * Demo console: plays the stack's HLS, DASH, MSS and CMAF endpoints and shows what the player is doing.
 * hls.js plays HLS and CMAF through Media Source Extensions (so Firefox and Chromium behave alike);
 * dash.js plays DASH and, with its MSS module, Smooth Streaming. URLs come from assets/js/config.js (written by
 * the stack) and from query parameters, which win, so the page also works against any stream locally.
 */
(function () {
  'use strict';

  var FORMATS = ['hls', 'dash', 'mss', 'cmaf', 'hlsAds', 'dashAds'];
  var LABELS = { hls: 'HLS', dash: 'DASH', mss: 'MSS', cmaf: 'CMAF', hlsAds: 'HLS with ads', dashAds: 'DASH with ads' };
  // The ad-inserted (MediaTailor) sources exist only when the stack inserts ads, so they are listed only then.
  var AD_SOURCES = ['hlsAds', 'dashAds'];
  var PLAYS_AS = { hls: 'hls', cmaf: 'hls', hlsAds: 'hls', dash: 'dash', dashAds: 'dash', mss: 'mss' };
  var SETTINGS = ['hls', 'dash', 'mss', 'cmaf', 'hlsAds', 'dashAds', 'endpoint1', 'endpoint2', 'inputType', 'source',
    'debug'];

  var $ = function (id) { return document.getElementById(id); };
  var video = $('video');
  var config = readConfig(window.LIVE_STREAMING_CONFIG || {}, new URLSearchParams(window.location.search));
  var player = null;
  var pinned = -1;
  var shownRenditions = '';
  // Low-latency settings and display (assets/js/low-latency.js); the page plays without them if that file is missing.
  var lowLatency = window.LowLatency || {
    hlsConfig: function (base) { return base; }, dashSettings: function () { return {}; }, watch: function () {}
  };

  /** The stack's config with every non-empty query parameter laid over it. */
  function readConfig(base, query) {
    var merged = {};
    SETTINGS.forEach(function (key) {
      var fromQuery = query.get(key);
      merged[key] = fromQuery ? fromQuery.trim() : String(base[key] || '').trim();
    });
    return merged;
  }

  // ---------------------------------------------------------------- players

  /** HLS and CMAF (fMP4 HLS) through hls.js; never the browser's native HLS. */
  function hlsPlayer(url, events) {
    if (!window.Hls || !window.Hls.isSupported()) {
      throw new Error('This browser has no Media Source Extensions, which hls.js needs to play HLS.');
    }
    var Hls = window.Hls;
    var hls = new Hls(lowLatency.hlsConfig({ backBufferLength: 30, debug: config.debug === '1' }));
    var recoveredMedia = false;
    hls.on(Hls.Events.MANIFEST_PARSED, function () {
      events.renditionsChanged();
      var play = video.play();
      if (play && play.catch) {
        play.catch(function () { /* autoplay refused: the user presses play; not an error */ });
      }
    });
    hls.on(Hls.Events.LEVEL_SWITCHED, events.renditionChanged);
    hls.on(Hls.Events.ERROR, function (event, data) {
      if (!data.fatal) {
        events.warning('hls.js: ' + data.details);
        return;
      }
      if (data.type === Hls.ErrorTypes.MEDIA_ERROR && !recoveredMedia) {
        recoveredMedia = true;
        events.warning('hls.js: recovering from ' + data.details);
        hls.recoverMediaError();
        return;
      }
      events.error(describeHlsError(data));
    });
    hls.loadSource(url);
    hls.attachMedia(video);
    return {
      name: 'hls.js ' + Hls.version,
      kind: 'hls',
      engine: hls,
      renditions: function () {
        return (hls.levels || []).map(function (level, index) {
          return { index: index, width: level.width, height: level.height, bitrate: level.bitrate };
        });
      },
      current: function () { return hls.currentLevel; },
      pin: function (index) { hls.currentLevel = index; },
      latency: function () { return hls.latency; },
      destroy: function () { hls.destroy(); }
    };
  }

  function describeHlsError(data) {
    var code = data.response && data.response.code ? ' (HTTP ' + data.response.code + ')' : '';
    var where = data.url || (data.context && data.context.url) || '';
    var words = {
      manifestLoadError: 'Could not load the playlist' + code,
      manifestLoadTimeOut: 'Loading the playlist timed out',
      manifestParsingError: 'The playlist is not valid HLS',
      levelLoadError: 'Could not load a rendition playlist' + code,
      levelLoadTimeOut: 'Loading a rendition playlist timed out',
      fragLoadError: 'Could not load a segment' + code,
      fragLoadTimeOut: 'Loading a segment timed out',
      bufferAppendError: 'The browser could not decode the stream',
      manifestIncompatibleCodecsError: 'The browser cannot play any rendition\'s codecs'
    }[data.details] || ('Playback failed: ' + data.type + ' / ' + data.details);
    return { code: data.details, message: words + (where ? ': ' + where : '') };
  }

  /** DASH, and Smooth Streaming through dash.js's MSS module (dash.js picks the parser from the manifest). */
  function dashPlayer(url, events, smooth) {
    var dashjs = window.dashjs;
    if (!dashjs || !dashjs.MediaPlayer) {
      throw new Error('dash.js did not load.');
    }
    if (smooth && typeof dashjs.MssHandler !== 'function') {
      throw new Error('The dash.js MSS module did not load, so Smooth Streaming cannot play.');
    }
    var E = dashjs.MediaPlayer.events;
    var dash = dashjs.MediaPlayer().create();
    // Smooth Streaming timelines are not tied to the wall clock (dash.js anchors them at 1970), so a clock
    // sync would only add a request to dash.js's default time server; DASH keeps it (the MPD's UTCTiming wins).
    dash.updateSettings({
      debug: { logLevel: config.debug === '1' ? dashjs.Debug.LOG_LEVEL_DEBUG : dashjs.Debug.LOG_LEVEL_WARNING },
      streaming: { utcSynchronization: { enabled: !smooth } }
    });
    dash.updateSettings(lowLatency.dashSettings(smooth));
    dash.on(E.STREAM_INITIALIZED, events.renditionsChanged);
    dash.on(E.QUALITY_CHANGE_RENDERED, events.renditionChanged);
    dash.on(E.ERROR, function (e) {
      var error = e.error || {};
      events.error({
        code: String(error.code || 'error'),
        message: 'dash.js: ' + (error.message || 'playback failed') + (error.code ? ' (code ' + error.code + ')' : '')
      });
    });
    // dash.js starts playback itself (autoplay); a play() from here would come before it listens for 'play',
    // and it only starts refreshing a live manifest once it has seen playback start.
    dash.initialize(video, url, true);

    function representations() {
      try {
        return dash.getRepresentationsByType('video') || [];
      } catch (notReady) {
        return [];
      }
    }

    return {
      name: 'dash.js ' + dash.getVersion() + (smooth ? ' + MSS' : ''),
      kind: smooth ? 'mss' : 'dash',
      engine: dash,
      renditions: function () {
        return representations().map(function (r, index) {
          return { index: index, width: r.width, height: r.height, bitrate: r.bandwidth };
        });
      },
      current: function () {
        var now;
        try {
          now = dash.getCurrentRepresentationForType('video');
        } catch (notReady) {
          return -1;
        }
        return now ? representations().findIndex(function (r) { return r.id === now.id; }) : -1;
      },
      pin: function (index) {
        dash.updateSettings({ streaming: { abr: { autoSwitchBitrate: { video: index < 0 } } } });
        if (index >= 0) {
          dash.setRepresentationForTypeByIndex('video', index, true);
        }
      },
      // dash.js measures DASH latency against the wall clock; Smooth Streaming times are not wall-clock times,
      // so for MSS the distance to the end of the seekable (live) window says how far behind the edge we are.
      latency: function () { return smooth ? behindSeekableEnd() : dash.getCurrentLiveLatency(); },
      destroy: function () { dash.destroy(); }
    };
  }

  // ---------------------------------------------------------------- page

  function load(format) {
    if (player) {
      lowLatency.watch(null);
      player.destroy();
      player = null;
    }
    pinned = -1;
    shownRenditions = '';
    clearError();
    $('renditions').textContent = '';
    $('source').value = format;
    var url = config[format];
    if (!url) {
      $('player-name').textContent = '–';
      showError({ code: 'no-url', message: 'No ' + LABELS[format] + ' URL is configured; add ?' + format + '=<url> to the address.' });
      return;
    }
    var events = {
      renditionsChanged: function () { render(); },
      renditionChanged: function () { render(); },
      warning: function (text) { if (window.console) { console.warn(text); } },
      error: showError
    };
    try {
      player = PLAYS_AS[format] === 'hls' ? hlsPlayer(url, events) : dashPlayer(url, events, PLAYS_AS[format] === 'mss');
      $('player-name').textContent = player.name;
    } catch (e) {
      showError({ code: 'unsupported', message: e.message });
    }
    lowLatency.watch(player);
    var query = new URLSearchParams(window.location.search);
    query.set('source', format);
    window.history.replaceState(null, '', '?' + query.toString());
  }

  function showError(error) {
    var box = $('error');
    box.textContent = error.message;
    box.dataset.code = error.code;
    box.hidden = false;
  }

  function clearError() {
    var box = $('error');
    box.textContent = '';
    delete box.dataset.code;
    box.hidden = true;
  }

  function describeRendition(r) {
    var size = r.width && r.height ? r.width + '×' + r.height : 'audio/unknown size';
    return size + ' · ' + (r.bitrate ? Math.round(r.bitrate / 1000) + ' kbit/s' : '? kbit/s');
  }

  function render() {
    var list = player ? player.renditions() : [];
    var current = player ? player.current() : -1;
    var signature = JSON.stringify(list);
    var ol = $('renditions');
    if (signature !== shownRenditions) {
      shownRenditions = signature;
      ol.textContent = '';
      list.forEach(function (r) {
        var li = document.createElement('li');
        li.dataset.index = r.index;
        li.dataset.width = r.width || 0;
        li.dataset.height = r.height || 0;
        li.dataset.bitrate = r.bitrate || 0;
        var label = document.createElement('span');
        label.textContent = describeRendition(r);
        var pin = document.createElement('button');
        pin.type = 'button';
        pin.textContent = 'Pin';
        pin.title = 'Play only this rendition';
        pin.addEventListener('click', function () { choose(r.index); });
        li.append(label, pin);
        ol.append(li);
      });
    }
    Array.prototype.forEach.call(ol.children, function (li) {
      var index = Number(li.dataset.index);
      li.classList.toggle('current', index === current);
      li.classList.toggle('pinned', index === pinned);
    });
    $('auto').setAttribute('aria-pressed', String(pinned < 0));

    var box = $('current-rendition');
    var now = list[current];
    var width = now && now.width ? now.width : video.videoWidth;
    var height = now && now.height ? now.height : video.videoHeight;
    box.dataset.index = current;
    box.dataset.width = width || 0;
    box.dataset.height = height || 0;
    box.dataset.bitrate = now && now.bitrate ? now.bitrate : 0;
    box.textContent = width ? describeRendition({ width: width, height: height, bitrate: now && now.bitrate }) : '–';
  }

  function choose(index) {
    if (!player) {
      return;
    }
    pinned = index;
    player.pin(index);
    render();
  }

  function behindSeekableEnd() {
    var ranges = video.seekable;
    return ranges.length ? ranges.end(ranges.length - 1) - video.currentTime : NaN;
  }

  function bufferAhead() {
    var ranges = video.buffered;
    for (var i = 0; i < ranges.length; i++) {
      if (ranges.start(i) <= video.currentTime + 0.1 && video.currentTime <= ranges.end(i)) {
        return ranges.end(i) - video.currentTime;
      }
    }
    return 0;
  }

  function seconds(value) {
    return typeof value === 'number' && isFinite(value) && value >= 0 ? value.toFixed(1) + ' s' : '–';
  }

  function tick() {
    var state = video.error ? 'error' : video.paused ? 'paused' : video.readyState < 3 ? 'buffering' : 'playing';
    $('state').textContent = state;
    $('position').textContent = seconds(video.currentTime);
    $('position').dataset.seconds = video.currentTime.toFixed(2);
    var buffer = bufferAhead();
    $('buffer').textContent = seconds(buffer);
    $('buffer').dataset.seconds = buffer.toFixed(2);
    var latency = player ? player.latency() : NaN;
    $('latency').textContent = seconds(latency);
    $('latency').dataset.seconds = typeof latency === 'number' && isFinite(latency) ? latency.toFixed(2) : '';
    var quality = video.getVideoPlaybackQuality ? video.getVideoPlaybackQuality() : null;
    $('dropped').textContent = quality ? quality.droppedVideoFrames + ' of ' + quality.totalVideoFrames : '–';
    $('dropped').dataset.frames = quality ? quality.droppedVideoFrames : '';
    if (player) {
      render();
    }
  }

  function copyButton(text) {
    var button = document.createElement('button');
    button.type = 'button';
    button.textContent = 'Copy';
    button.dataset.copy = text;
    button.addEventListener('click', function () {
      var done = function () {
        button.textContent = 'Copied';
        setTimeout(function () { button.textContent = 'Copy'; }, 1500);
      };
      if (navigator.clipboard && window.isSecureContext) {
        navigator.clipboard.writeText(text).then(done, function () { legacyCopy(text); done(); });
      } else {
        legacyCopy(text);
        done();
      }
    });
    return button;
  }

  function legacyCopy(text) {
    var area = document.createElement('textarea');
    area.value = text;
    document.body.append(area);
    area.select();
    document.execCommand('copy');
    area.remove();
  }

  function urlItem(label, url, name) {
    var li = document.createElement('li');
    li.dataset.name = name;
    var title = document.createElement('strong');
    title.textContent = label;
    var code = document.createElement('code');
    code.textContent = url;
    li.append(title, code, copyButton(url));
    return li;
  }

  function showUrls() {
    var playback = $('playback-urls');
    FORMATS.forEach(function (format) {
      var option = $('source').querySelector('option[value="' + format + '"]');
      option.disabled = !config[format];
      option.hidden = !config[format] && AD_SOURCES.indexOf(format) >= 0;
      if (config[format]) {
        playback.append(urlItem(LABELS[format], config[format], format));
      }
    });
    var pushInput = /PUSH$/.test(config.inputType) || (!config.inputType && (config.endpoint1 || config.endpoint2));
    var encoder = $('encoder-urls');
    [['Primary', config.endpoint1, 'endpoint1'], ['Secondary', config.endpoint2, 'endpoint2']].forEach(function (e) {
      if (e[1]) {
        encoder.append(urlItem(e[0], e[1], e[2]));
      }
    });
    $('input-type').textContent = config.inputType ? '(' + config.inputType + ')' : '';
    $('encoder').hidden = !pushInput || !encoder.children.length;
  }

  showUrls();
  $('source').addEventListener('change', function () { load($('source').value); });
  $('auto').addEventListener('click', function () { choose(-1); });
  setInterval(tick, 500);
  var first = FORMATS.indexOf(config.source) >= 0 ? config.source
    : FORMATS.filter(function (f) { return config[f]; })[0] || 'hls';
  load(first);
})();
