#!/usr/bin/env bash
# Renders deployment/architecture.dot (Graphviz) into the README's picture: a PNG at 144 dpi, twice the pixels it
# is shown with at the README's width (about 900 px), so text stays sharp on high-density screens, and an SVG
# beside it. ArchitecturePictureTest checks that the committed files match the .dot and stay legible.
#
# Usage: deployment/render-architecture.sh [OUT.png]   (default: deployment/architecture.png; the SVG is OUT.svg)
set -euo pipefail
script_dir="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
out="${1:-$script_dir/architecture.png}"
command -v dot >/dev/null 2>&1 || { echo "render-architecture: Graphviz (dot) is not installed" >&2; exit 1; }
dot -Tpng -Gdpi=144 "$script_dir/architecture.dot" -o "$out"
dot -Tsvg "$script_dir/architecture.dot" -o "${out%.png}.svg"
