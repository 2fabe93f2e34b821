#!/usr/bin/env bash
# Makes the Python virtual environment the tests take cfn-lint and botocore from (see testing/PythonTools):
# $LIVE_STREAMING_VENV, or .venv in the repository (git-ignored), with the versions .ci/python-requirements.txt
# pins. Needs python3 with its venv module (Debian: python3 python3-venv). Safe to run again: a venv that already
# has the pinned versions is kept as it is.
#
# The packages come from the package index pip is configured with (PyPI by default). Where no index serves them
# (a build machine without PyPI), the venv is layered (--system-site-packages) on the python3 that makes it, and
# only if that python3 already has exactly the pinned versions; otherwise the script fails and says so.
set -euo pipefail
cd "$(dirname "$0")/.."
requirements="$PWD/.ci/python-requirements.txt"
venv="${LIVE_STREAMING_VENV:-$PWD/.venv}"
python="${PYTHON:-python3}"

# Exit 0 when the interpreter $1 has every pinned version installed (and cfn-lint's entry point importable).
has_pins() {
    "$1" - "$requirements" <<'PY'
import sys
from importlib import metadata
wrong = []
for line in open(sys.argv[1]):
    line = line.split("#")[0].strip()
    if not line:
        continue
    name, version = line.split("==")
    try:
        found = metadata.version(name)
    except metadata.PackageNotFoundError:
        found = None
    if found != version:
        wrong.append(f"{name} {found or 'missing'} (pinned {version})")
try:
    import cfnlint.runner  # noqa: F401
except Exception as e:
    wrong.append(f"cfnlint.runner not importable: {e}")
if wrong:
    print("  " + "; ".join(wrong), file=sys.stderr)
    sys.exit(1)
PY
}

# pip writes bin/cfn-lint when it installs cfn-lint; a layered venv gets the same launcher written here.
write_cfn_lint_launcher() {
    cat >"$venv/bin/cfn-lint" <<LAUNCHER
#!$venv/bin/python
import sys
from cfnlint.runner import main
sys.exit(main())
LAUNCHER
    chmod +x "$venv/bin/cfn-lint"
}

if [ -x "$venv/bin/python" ] && [ -x "$venv/bin/cfn-lint" ] && has_pins "$venv/bin/python" 2>/dev/null; then
    echo "python-venv: $venv already has the pinned cfn-lint and botocore"
    exit 0
fi

command -v "$python" >/dev/null 2>&1 || { echo "python-venv: $python is not installed (Debian: apt-get install python3 python3-venv)" >&2; exit 1; }
echo "python-venv: making $venv with $("$python" --version 2>&1) ($(command -v "$python"))"
rm -rf "$venv"
if ! "$python" -m venv "$venv"; then
    echo "python-venv: '$python -m venv' failed; on Debian install python3-venv" >&2
    exit 1
fi
if "$venv/bin/python" -m pip install --quiet --disable-pip-version-check --retries 1 --timeout 60 \
        -r "$requirements"; then
    has_pins "$venv/bin/python"
    echo "python-venv: installed $(grep -v '^#' "$requirements" | tr '\n' ' ')"
    exit 0
fi

echo "python-venv: pip could not install the pinned packages (is a package index reachable?);" \
     "trying $python's own packages" >&2
if ! has_pins "$python"; then
    rm -rf "$venv"
    echo "python-venv: $python does not have the pinned versions either; make a package index with them" \
         "reachable (pip's index-url / find-links) and run .ci/python-venv.sh again" >&2
    exit 1
fi
rm -rf "$venv"
"$python" -m venv --system-site-packages --without-pip "$venv"
write_cfn_lint_launcher
has_pins "$venv/bin/python"
echo "python-venv: layered $venv on $(command -v "$python"), which has the pinned versions"
