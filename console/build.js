#!/usr/bin/env node
// Assembles the deployable console in dist/: the page, everything under assets/ and exactly the player builds it
// loads, copied from node_modules (installed by `npm ci`), so nothing is fetched from a CDN at run time.
'use strict';
const fs = require('node:fs');
const path = require('node:path');

const here = __dirname;
const dist = path.join(here, 'dist');

/** Every file under assets/ (the page's own CSS and scripts, player adapters included), relative to here. */
function ownAssets(folder = 'assets') {
  return fs.readdirSync(path.join(here, folder), { withFileTypes: true })
    .sort((a, b) => a.name.localeCompare(b.name))
    .flatMap((entry) => {
      const relative = `${folder}/${entry.name}`;
      return entry.isDirectory() ? ownAssets(relative) : [[relative, relative]];
    });
}

/** [source in this folder, destination in dist] */
const FILES = [
  ['index.html', 'index.html'],
  ...ownAssets(),
  ['node_modules/hls.js/dist/hls.min.js', 'assets/lib/hls.min.js'],
  ['node_modules/hls.js/LICENSE', 'assets/lib/hls.js-LICENSE.txt'],
  ['node_modules/dashjs/dist/modern/umd/dash.mediaplayer.min.js', 'assets/lib/dash.mediaplayer.min.js'],
  ['node_modules/dashjs/dist/modern/umd/dash.mss.min.js', 'assets/lib/dash.mss.min.js'],
  ['node_modules/dashjs/LICENSE.md', 'assets/lib/dash.js-LICENSE.txt'],
];

function build() {
  const missing = FILES.map(([from]) => from).filter((from) => !fs.existsSync(path.join(here, from)));
  if (missing.length) {
    throw new Error(`missing ${missing.join(', ')}; run "npm ci" in console/ first`);
  }
  fs.rmSync(dist, { recursive: true, force: true });
  for (const [from, to] of FILES) {
    const target = path.join(dist, to);
    fs.mkdirSync(path.dirname(target), { recursive: true });
    fs.copyFileSync(path.join(here, from), target);
  }
  return FILES.map(([, to]) => to);
}

module.exports = { build, FILES };

if (require.main === module) {
  const written = build();
  console.log(`console: wrote ${written.length} files to ${path.relative(process.cwd(), dist) || '.'}`);
}
