/*
 * Demo console: plays the stack's streams and says what the player is doing, in words a live viewer understands.
 * The sources come from assets/js/config.js (written by the stack) and from query parameters, which win, so the
 * page also works against any stream locally. Players are adapters (assets/js/players/); the state and stall
 * rules live in assets/js/status.js.
 */
(function () {
  'use strict';

  var LiveConsole = window.LiveConsole;
  var SETTINGS = ['hls', 'dash', 'mss', 'cmaf', 'hlsAds', 'dashAds', 'endpoint1', 'endpoint2', 'inputType',
    'source', 'debug', 'stallSeconds'];
  // Which channel the console links to comes from the stack's config only: a link in the page must not be
  // something anyone can put into the address.
  var CONFIG_ONLY = ['channelId', 'region'];
  var RECOVER_EVERY_MS = 5000;
  /** How often a manifest that is not there (yet) is asked for again. */
  var RETRY_MS = 10000;

  var $ = function (id) { return document.getElementById(id); };
  var video = $('video');
  var config = readConfig(window.LIVE_STREAMING_CONFIG || {}, new URLSearchParams(window.location.search));
  var sources = LiveConsole.sources(config);
  var session = null;
  // Low-latency settings and display (assets/js/low-latency.js); the page plays without them if that file is missing.
  var lowLatency = LiveConsole.lowLatency();

  /** The stack's config with every non-empty query parameter laid over it, except the channel's id and region. */
  function readConfig(base, query) {
    var merged = { sources: base.sources };
    SETTINGS.forEach(function (key) {
      var fromQuery = query.get(key);
      merged[key] = fromQuery ? fromQuery.trim() : String(base[key] || '').trim();
    });
    CONFIG_ONLY.forEach(function (key) {
      merged[key] = String(base[key] || '').trim();
    });
    return merged;
  }

  // ---------------------------------------------------------------- one source playing

  /**
   * Everything that belongs to the source now playing; a new source starts a new session, and so does each new try
   * of a manifest that was not there (`retry`: the error it answered and how many tries came before).
   */
  function newSession(source, retry) {
    return {
      source: source,
      player: null,
      tracker: LiveConsole.createStatusTracker({ stallSeconds: Number(config.stallSeconds) || 0 }),
      pinned: -1,
      shownRenditions: '',
      error: null,
      // The previous try's error stays on screen until this try loads or fails in turn.
      pendingError: retry ? retry.error : null,
      tries: retry ? retry.tries : 0,
      retryTimer: null,
      warning: null,
      lastSegment: 0,
      streamEnded: false,
      played: false,
      autoplayRefused: false,
      lastRecovery: 0
    };
  }

  function load(id, retry) {
    if (session) {
      clearTimeout(session.retryTimer);
    }
    if (session && session.player) {
      lowLatency.watch(null);
      session.player.destroy();
    }
    var source = sources.filter(function (s) { return s.id === id; })[0] || sources[0];
    var mine = session = newSession(source, retry);
    if (!retry) {
      clearError();
      showNotice(null);
    }
    showWarning(null);
    $('renditions').textContent = '';
    $('source').value = source.id;
    showManifestUrl(source.url);
    var query = new URLSearchParams(window.location.search);
    query.set('source', source.id);
    window.history.replaceState(null, '', '?' + query.toString());
    if (!source.url) {
      $('player-name').textContent = '–';
      fail({ what: 'config', url: '', status: null, message: 'No ' + source.label + ' URL is configured; add ?'
        + source.id + '=<url> to the address.' });
      return;
    }
    var adapter = LiveConsole.players.find(source.format);
    if (!adapter) {
      $('player-name').textContent = '–';
      fail({ what: 'unsupported', url: source.url, status: null, message: LiveConsole.players.whyNot(source.format) });
      return;
    }
    var current = function (f) {
      return function () {
        if (session === mine) {
          f.apply(null, arguments);
        }
      };
    };
    try {
      mine.player = adapter.create({
        url: source.url,
        format: source.format,
        video: video,
        debug: config.debug === '1',
        play: current(play),
        warning: function (text) { if (window.console) { console.warn(text); } },
        behindSeekableEnd: behindSeekableEnd,
        events: {
          error: current(fail),
          warning: current(warn),
          autoplayBlocked: current(autoplayBlocked),
          advanced: current(function (what) {
            mine.tracker.advanced(Date.now());
            if (what === 'segment') {
              mine.lastSegment = Date.now();
            }
            loaded();
          }),
          renditionsChanged: current(render),
          renditionChanged: current(render),
          ended: current(function () { mine.streamEnded = true; })
        }
      });
      $('player-name').textContent = mine.player.name;
      lowLatency.watch(mine.player);
    } catch (e) {
      fail({ what: 'unsupported', url: source.url, status: null, message: e.message });
    }
  }

  function play() {
    var started = video.play();
    if (started && started.catch) {
      started.catch(function (e) {
        // NotAllowedError: the browser wants a click first. Anything else (an AbortError when a new source
        // replaces this one) is not the viewer's business.
        if (e && e.name === 'NotAllowedError') {
          autoplayBlocked();
        } else if (window.console) {
          console.warn('play(): ' + (e && e.name));
        }
      });
    }
  }

  function autoplayBlocked() {
    if (session) {
      session.autoplayRefused = true;
    }
  }

  /**
   * A manifest that answers 404, 5xx or nothing: on AWS, the channel is not running yet or was stopped (MediaPackage
   * has nothing to serve), so the console says so and asks again every RETRY_MS until it loads.
   */
  function worthRetrying(error) {
    var status = error.status;
    return ['manifest', 'playlist', 'rendition playlist'].indexOf(error.what) >= 0 && typeof status === 'number'
      && (status === 0 || status === 404 || status >= 500);
  }

  function fail(error) {
    if (session.error) {
      return;
    }
    var mine = session;
    mine.error = error;
    mine.pendingError = null;
    showError(error);
    showWarning(null);
    showNotice(null);
    if (worthRetrying(error)) {
      mine.retryTimer = setTimeout(function () {
        if (session === mine) {
          load(mine.source.id, { error: error, tries: mine.tries + 1 });
        }
      }, RETRY_MS);
    }
  }

  /** This try loaded: an error the previous try left on screen goes. */
  function loaded() {
    if (session && session.pendingError) {
      session.pendingError = null;
      if (!session.error) {
        clearError();
        showNotice(null);
      }
    }
  }

  function showError(error) {
    var box = $('error');
    box.textContent = error.message;
    box.dataset.what = error.what;
    box.dataset.url = error.url || '';
    box.dataset.status = error.status === null || error.status === undefined ? '' : String(error.status);
    box.hidden = false;
  }

  /** A failure the player survives (a segment that did not load): shown until playback moves on again. */
  function warn(warning) {
    session.warning = { since: Date.now(), at: video.currentTime };
    showWarning(warning);
  }

  function showWarning(warning) {
    var box = $('warning');
    box.textContent = warning ? warning.message + '. The player carries on and tries again.' : '';
    box.dataset.url = warning ? warning.url || '' : '';
    box.dataset.status = warning && typeof warning.status === 'number' ? String(warning.status) : '';
    box.hidden = !warning;
  }

  function clearError() {
    var box = $('error');
    box.textContent = '';
    ['what', 'url', 'status'].forEach(function (key) { delete box.dataset[key]; });
    box.hidden = true;
  }

  // ---------------------------------------------------------------- what the page shows

  function kbps(bits) {
    return Math.round(bits / 1000).toLocaleString('en-US');
  }

  function describeBitrates(r) {
    if (!r.videoBitrate && !r.totalBitrate) {
      return 'bitrate not declared';
    }
    var parts = [];
    if (r.videoBitrate) {
      parts.push('video ' + kbps(r.videoBitrate));
    }
    if (r.totalBitrate) {
      parts.push('total ' + kbps(r.totalBitrate));
    }
    return parts.join(' · ') + ' kbit/s';
  }

  /** Size and bitrates; a rendition the manifest gives no size is measured from the picture when it plays. */
  function describeRendition(r, playing) {
    var width = r.width || (playing ? video.videoWidth : 0);
    var height = r.height || (playing ? video.videoHeight : 0);
    return (width && height ? width + '×' + height : 'size not declared') + ' · ' + describeBitrates(r);
  }

  function render() {
    if (!session || !session.player) {
      return;
    }
    var player = session.player;
    var list = player.renditions();
    var current = player.current();
    var signature = JSON.stringify(list);
    var ol = $('renditions');
    if (signature !== session.shownRenditions) {
      session.shownRenditions = signature;
      ol.textContent = '';
      list.forEach(function (r) {
        var li = document.createElement('li');
        li.dataset.index = r.index;
        li.dataset.width = r.width || 0;
        li.dataset.height = r.height || 0;
        li.dataset.videoBitrate = r.videoBitrate || '';
        li.dataset.totalBitrate = r.totalBitrate || '';
        var label = document.createElement('span');
        label.textContent = describeRendition(r);
        li.append(label);
        if (player.canPin !== false) {
          var pin = document.createElement('button');
          pin.type = 'button';
          pin.textContent = 'Pin';
          pin.title = 'Play only this rendition';
          pin.addEventListener('click', function () { choose(r.index); });
          li.append(pin);
        }
        ol.append(li);
      });
    }
    Array.prototype.forEach.call(ol.children, function (li) {
      var index = Number(li.dataset.index);
      li.classList.toggle('current', index === current);
      li.classList.toggle('pinned', index === session.pinned);
      if (index === current && !Number(li.dataset.height) && list[index]) {
        li.firstChild.textContent = describeRendition(list[index], true);
      }
    });
    $('auto').setAttribute('aria-pressed', String(session.pinned < 0));
    $('auto').hidden = player.canPin === false;

    var box = $('current-rendition');
    var now = list[current];
    var width = now && now.width ? now.width : video.videoWidth;
    var height = now && now.height ? now.height : video.videoHeight;
    box.dataset.index = current;
    box.dataset.width = width || 0;
    box.dataset.height = height || 0;
    box.dataset.videoBitrate = now && now.videoBitrate ? now.videoBitrate : '';
    box.dataset.totalBitrate = now && now.totalBitrate ? now.totalBitrate : '';
    box.textContent = width ? describeRendition({ width: width, height: height,
      videoBitrate: now && now.videoBitrate, totalBitrate: now && now.totalBitrate }, true) : '–';
  }

  function choose(index) {
    if (!session || !session.player) {
      return;
    }
    session.pinned = index;
    session.player.pin(index);
    render();
  }

  function behindSeekableEnd() {
    var ranges = video.seekable;
    return ranges.length ? ranges.end(ranges.length - 1) - video.currentTime : NaN;
  }

  function seekableEnd() {
    var ranges = video.seekable;
    return ranges.length ? ranges.end(ranges.length - 1) : NaN;
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

  function known(value) {
    return typeof value === 'number' && isFinite(value);
  }

  function seconds(value, digits) {
    return known(value) && value >= 0 ? value.toFixed(digits === undefined ? 1 : digits) + ' s' : '–';
  }

  function show(id, text, data) {
    var element = $(id);
    element.textContent = text;
    Object.keys(data || {}).forEach(function (key) {
      element.dataset[key] = data[key] === null || data[key] === undefined ? '' : String(data[key]);
    });
  }

  function showManifestUrl(url) {
    var box = $('manifest-url');
    box.textContent = '';
    box.dataset.url = url || '';
    if (url) {
      var code = document.createElement('code');
      code.textContent = url;
      box.append(code, copyButton(url));
    } else {
      box.textContent = '–';
    }
  }

  function showFrameTime(diagnostics, latency) {
    if (known(diagnostics.frameTime)) {
      var age = (Date.now() - diagnostics.frameTime) / 1000;
      show('frame-time', new Date(diagnostics.frameTime).toLocaleTimeString('en-GB', { hour12: false })
        + ' on your clock, ' + Math.max(0, age).toFixed(1) + ' s ago',
      { epochMs: Math.round(diagnostics.frameTime), kind: 'wall-clock' });
    } else {
      show('frame-time', known(latency) ? seconds(latency) + ' behind the live edge (the stream carries no '
        + 'wall-clock time)' : '–', { epochMs: '', kind: known(latency) ? 'latency' : '' });
    }
  }

  function showNotice(node) {
    var box = $('notice');
    box.textContent = '';
    if (node) {
      box.append(node);
    }
    box.hidden = !node;
    delete box.dataset.kind;
  }

  /** Shows the notice `build()` makes, unless the notice of that kind is already there (it may hold a button). */
  function noticeOnce(kind, build) {
    if ($('notice').dataset.kind !== kind) {
      showNotice(build());
      $('notice').dataset.kind = kind;
    }
  }

  /** "Open channel … in the MediaLive console" when the stack's config names a channel, else `otherwise`. */
  function channelLink(fragment, otherwise) {
    var link = LiveConsole.channelConsoleUrl(config.channelId, config.region);
    if (link) {
      var a = document.createElement('a');
      a.id = 'channel-link';
      a.href = link;
      a.target = '_blank';
      a.rel = 'noopener';
      a.textContent = 'Open channel ' + config.channelId + ' in the MediaLive console';
      fragment.append(a, '. ');
    } else {
      fragment.append(otherwise);
    }
  }

  /** "The stream stopped arriving" with a link to the channel when the stack said which one it is. */
  function stallNotice(status) {
    var fragment = document.createDocumentFragment();
    var why = status.stalled === 'source' ? 'nothing new for ' + Math.round(status.sinceAdvanceSeconds) + ' s'
      : 'the picture has stood still for over ' + Math.round(status.thresholdSeconds) + ' s';
    fragment.append('The stream stopped arriving (' + why + '): is the channel running and receiving input? ');
    channelLink(fragment, 'Check that the encoder is sending. ');
    fragment.append('Playback resumes by itself when segments flow again.');
    return fragment;
  }

  /** The manifest is not there: on AWS most likely a channel that is not running (yet); the console tries again. */
  function retryNotice() {
    var fragment = document.createDocumentFragment();
    fragment.append('The channel may not be running yet, or it was stopped: the origin has no stream to serve '
      + 'until MediaLive sends it one. ');
    channelLink(fragment, 'Check that the channel is running. ');
    fragment.append('Trying again every ' + RETRY_MS / 1000 + ' s' + (session.tries ? ' (' + session.tries
      + (session.tries === 1 ? ' try' : ' tries') + ' so far)' : '') + '.');
    return fragment;
  }

  /** The browser refused to start the video by itself: one click on this starts it. */
  function clickToPlayNotice() {
    var fragment = document.createDocumentFragment();
    var button = document.createElement('button');
    button.type = 'button';
    button.id = 'click-to-play';
    button.textContent = 'Click to play';
    button.addEventListener('click', function () {
      video.play().catch(function () { /* the State line still says paused */ });
    });
    fragment.append(button, ' The browser did not start the video by itself; it waits for a click.');
    return fragment;
  }

  function tick() {
    if (!session) {
      return;
    }
    var player = session.player;
    var diagnostics = player && !session.error ? player.diagnostics() : {};
    var ended = video.ended || (session.streamEnded && bufferAhead() < 0.1);
    var status = session.tracker.update({
      now: Date.now(),
      error: !!(session.error || session.pendingError),
      ended: ended,
      paused: video.paused,
      autoplayRefused: session.autoplayRefused,
      playing: session.played,
      currentTime: video.currentTime,
      seeking: video.seeking,
      live: diagnostics.live,
      seekableEnd: seekableEnd(),
      segmentSeconds: diagnostics.segmentDuration
    });
    show('state', status.state, { state: status.state, stalled: status.stalled });
    show('stalls', String(status.stallCount), { count: status.stallCount });

    if (status.state === 'stalled') {
      noticeOnce('stalled-' + status.stalled, function () { return stallNotice(status); });
      // The stream moves on again but the picture does not: help the player back to the live edge.
      if (status.stalled === 'playhead' && status.sinceAdvanceSeconds < status.thresholdSeconds
          && Date.now() - session.lastRecovery > RECOVER_EVERY_MS && player && player.recover) {
        session.lastRecovery = Date.now();
        player.recover();
      }
    } else if (status.state === 'ended') {
      noticeOnce('ended', function () {
        return document.createTextNode('The stream has ended: the origin marked it finished. A live channel '
          + 'that is stopped ends its stream this way; start it again and reload to watch.');
      });
    } else if (status.state === 'paused' && !session.played) {
      noticeOnce('click-to-play', clickToPlayNotice);
    } else if (status.state === 'error' && (session.retryTimer || session.pendingError)) {
      noticeOnce('retry-' + session.tries, retryNotice);
    } else if ($('notice').dataset.kind || !$('notice').hidden) {
      showNotice(null);
    }
    if (session.warning && session.lastSegment > session.warning.since
        && video.currentTime > session.warning.at + 1 && status.state === 'playing') {
      // Segments load again and the picture has moved on: the trouble is over.
      session.warning = null;
      showWarning(null);
    }
    $('notice').dataset.state = status.state;
    $('unmute-hint').hidden = !(session.played && video.muted && status.state === 'playing');

    var latency = diagnostics.latency;
    showFrameTime(diagnostics, latency);
    show('latency', seconds(latency), { seconds: known(latency) ? latency.toFixed(2) : '' });
    var buffer = bufferAhead();
    show('buffer', seconds(buffer), { seconds: buffer.toFixed(2) });
    var codecs = [];
    if (diagnostics.videoCodec) {
      codecs.push(diagnostics.videoCodec + ' (video)');
    }
    if (diagnostics.audioCodec) {
      codecs.push(diagnostics.audioCodec + ' (audio' + (diagnostics.audioBitrate ? ', '
        + kbps(diagnostics.audioBitrate) + ' kbit/s' : '') + ')');
    }
    show('codecs', codecs.length ? codecs.join(', ') : '–',
      { video: diagnostics.videoCodec, audio: diagnostics.audioCodec });
    show('segment-duration', seconds(diagnostics.segmentDuration, 2), { seconds: diagnostics.segmentDuration });
    show('bandwidth', known(diagnostics.bandwidth) ? (diagnostics.bandwidth / 1e6).toFixed(1) + ' Mbit/s' : '–',
      { bps: known(diagnostics.bandwidth) ? Math.round(diagnostics.bandwidth) : '' });
    var quality = video.getVideoPlaybackQuality ? video.getVideoPlaybackQuality() : null;
    show('dropped', quality ? quality.droppedVideoFrames + ' of ' + quality.totalVideoFrames : '–',
      { frames: quality ? quality.droppedVideoFrames : '' });
    if (player && !session.error) {
      render();
    }
  }

  // ---------------------------------------------------------------- URLs

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

  function showSources() {
    var select = $('source');
    var playback = $('playback-urls');
    sources.forEach(function (source) {
      var option = document.createElement('option');
      option.value = source.id;
      option.textContent = source.menuLabel || source.label;
      option.disabled = !source.url;
      // Sources that exist only with some stacks (ad insertion) are not offered at all without a URL.
      option.hidden = !source.url && !!source.optional;
      select.append(option);
      if (source.url) {
        playback.append(urlItem(source.label, source.url, source.id));
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

  showSources();
  video.addEventListener('playing', function () {
    if (session) {
      session.played = true;
      loaded();
    }
  });
  $('source').addEventListener('change', function () { load($('source').value); });
  $('auto').addEventListener('click', function () { choose(-1); });
  $('unmute').addEventListener('click', function () {
    video.muted = false;
    if (video.volume === 0) {
      video.volume = 1;
    }
    $('unmute-hint').hidden = true;
  });
  setInterval(tick, 500);
  var wanted = sources.filter(function (s) { return s.id === config.source; })[0];
  var first = wanted || sources.filter(function (s) { return s.url; })[0] || sources[0];
  load(first.id);
}());
