#!/usr/bin/env bash
# Builds everything a stack needs into one folder to upload to S3:
#   <out>/live-streaming-on-aws.yaml   the template, with CODEBUCKET and CODEVERSION filled in
#   <out>/live-streaming-on-aws.jar    the custom-resource Lambda
#   <out>/console/...                  the demo console, laid out as the DemoConsole resource copies it
#   <out>/test-source.mp4              the stack's own test clip, which the default MP4_FILE input loops
#   <out>/THIRD-PARTY-NOTICES.txt      the bundled libraries (Java and npm) with their versions and licences
# and renders deployment/architecture.png and .svg (render-architecture.sh) when Graphviz is installed.
#
# Usage: deployment/build-s3-dist.sh [--out DIR] BUCKET VERSION
#
# Environment (mostly for tests and CI, to reuse what is already built):
#   DIST_DIR=DIR               same as --out (default: deployment/dist)
#   SKIP_JAR_BUILD=1 JAR=PATH  use this jar instead of running Maven
#   SKIP_CONSOLE_BUILD=1 CONSOLE_DIST=DIR
#                              use this built console (a folder with index.html) instead of running npm
#   CONSOLE_DIR=DIR            the console sources (default: console)
#   SKIP_CLIP_BUILD=1 CLIP=PATH
#                              use this MP4 as the test source instead of encoding it with ffmpeg
#   DIAGRAM_OUT=FILE           where to render the architecture picture (default: deployment/architecture.png;
#                              the SVG goes beside it)
set -euo pipefail

usage() {
    cat >&2 <<'EOF'
usage: deployment/build-s3-dist.sh [--out DIR] BUCKET VERSION

  BUCKET   the base name of your code buckets: the stack reads its code from BUCKET-<region>
           (e.g. my-live-streaming-code, with a bucket my-live-streaming-code-us-east-1)
  VERSION  the release folder, e.g. v1.0.0 (letters, digits, '.', '_', '-'; no slashes)
  --out    where to write the files (default: deployment/dist, or $DIST_DIR)
EOF
}

die() {
    echo "build-s3-dist: $*" >&2
    exit 1
}

need() {
    command -v "$1" >/dev/null 2>&1 || die "'$1' is not installed or not on PATH; $2"
}

script_dir="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$script_dir/.." && pwd)"
out="${DIST_DIR:-$script_dir/dist}"

args=()
while [[ $# -gt 0 ]]; do
    case "$1" in
        --out)
            [[ $# -ge 2 ]] || { usage; die "--out needs a directory"; }
            out="$2"
            shift 2
            ;;
        --)
            shift
            args+=("$@")
            break
            ;;
        -h | --help)
            usage
            exit 0
            ;;
        -*)
            usage
            die "unknown option $1"
            ;;
        *)
            args+=("$1")
            shift
            ;;
    esac
done
if [[ ${#args[@]} -ne 2 ]]; then
    usage
    die "expected BUCKET and VERSION, got ${#args[@]} argument(s)"
fi
bucket="${args[0]}"
version="${args[1]}"

# The stack appends -<region> (at most 15 characters, e.g. -ap-southeast-4) to BUCKET, and an S3 bucket name has
# at most 63 characters: 3 to 48 lowercase letters, digits, dots and hyphens, starting and ending with a letter or
# digit, with no '..', no '.-' or '-.' and not shaped like an IP address.
if [[ ! "$bucket" =~ ^[a-z0-9][a-z0-9.-]{1,46}[a-z0-9]$ ]] || [[ "$bucket" == *..* ]] \
    || [[ "$bucket" == *.-* ]] || [[ "$bucket" == *-.* ]] || [[ "$bucket" =~ ^[0-9]+\.[0-9]+\.[0-9]+\.[0-9]+$ ]] \
    || [[ "$bucket" == xn--* ]]; then
    die "BUCKET '$bucket' is not a valid bucket base name: use 3 to 48 lowercase letters, digits, '.' and '-', starting and ending with a letter or digit (the stack adds -<region>)"
fi
if [[ ! "$version" =~ ^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$ ]]; then
    die "VERSION '$version' is not valid: use letters, digits, '.', '_' and '-' (e.g. v1.0.0), no slashes"
fi

template_src="$script_dir/live-streaming-on-aws.yaml"
[[ -f "$template_src" ]] || die "template not found at $template_src"

# --- the Lambda jar -------------------------------------------------------------------------------------------
if [[ "${SKIP_JAR_BUILD:-}" == 1 ]]; then
    jar="${JAR:-}"
    [[ -n "$jar" ]] || die "SKIP_JAR_BUILD=1 needs JAR=path/to/live-streaming-on-aws.jar"
    [[ -f "$jar" ]] || die "JAR '$jar' does not exist"
else
    need java "install a JDK 17 or newer"
    need mvn "install Apache Maven 3.8 or newer"
    echo "Building the Lambda jar (mvn package, tests skipped)..."
    (cd "$root" && mvn -B -q -DskipTests package)
    jar="$root/target/live-streaming-on-aws.jar"
    [[ -f "$jar" ]] || die "Maven finished but $jar is missing"
fi

# The jar must hold the class the template's Handler names.
handler_class="$(sed -n 's/^ *Handler: *\([A-Za-z0-9_.$]*\)::.*/\1/p' "$template_src" | head -n 1)"
[[ -n "$handler_class" ]] || die "no Handler found in $template_src"
handler_entry="${handler_class//.//}.class"
if command -v jar >/dev/null 2>&1; then
    jar_listing="$(jar tf "$jar")"
elif command -v unzip >/dev/null 2>&1; then
    jar_listing="$(unzip -Z1 "$jar")"
else
    die "neither 'jar' (from a JDK) nor 'unzip' is installed; one is needed to check the jar"
fi
grep -qxF "$handler_entry" <<<"$jar_listing" || die "$jar does not contain $handler_entry, the template's Handler"

# --- the demo console -----------------------------------------------------------------------------------------
if [[ "${SKIP_CONSOLE_BUILD:-}" == 1 ]]; then
    console_dist="${CONSOLE_DIST:-}"
    [[ -n "$console_dist" ]] || die "SKIP_CONSOLE_BUILD=1 needs CONSOLE_DIST=path/to/built/console"
else
    console_dir="${CONSOLE_DIR:-$root/console}"
    [[ -f "$console_dir/package.json" ]] || die "the console sources are missing: no package.json in $console_dir"
    need npm "install Node.js 18 or newer with npm to build the demo console"
    if [[ ! -d "$console_dir/node_modules" ]]; then
        echo "Installing the console's dependencies (npm ci)..."
        npm ci --prefix "$console_dir" || die "npm ci failed in $console_dir"
    fi
    echo "Building the demo console (npm run build)..."
    npm --prefix "$console_dir" run build || die "the console build failed in $console_dir"
    console_dist="$console_dir/dist"
fi
[[ -f "$console_dist/index.html" ]] || die "the built console has no index.html in $console_dist"

# --- the distribution folder ----------------------------------------------------------------------------------
mkdir -p "$out"
out="$(cd "$out" && pwd)"

# --- the test source (kept in the folder between builds: the script re-encodes it only when its settings change)
clip_out="$out/test-source.mp4"
if [[ "${SKIP_CLIP_BUILD:-}" == 1 ]]; then
    clip="${CLIP:-}"
    [[ -n "$clip" ]] || die "SKIP_CLIP_BUILD=1 needs CLIP=path/to/test-source.mp4"
    [[ -f "$clip" ]] || die "CLIP '$clip' does not exist"
    [[ "$(cd "$(dirname "$clip")" && pwd)/$(basename "$clip")" == "$clip_out" ]] || cp "$clip" "$clip_out"
else
    "$script_dir/make-test-source.sh" "$clip_out" || die "could not make the test source $clip_out"
fi
if [[ "$bucket" == *.* ]]; then
    echo "Warning: BUCKET '$bucket' has a dot; MediaLive cannot read the test source from such a bucket, so the" \
        "default MP4_FILE input will not work (use a bucket name without dots, or give PriUrl/SecUrl)." >&2
fi
rm -rf "$out/console" "$out/live-streaming-on-aws.yaml" "$out/live-streaming-on-aws.jar" "$out/THIRD-PARTY-NOTICES.txt"
sed -e "s/CODEBUCKET/$bucket/g" -e "s/CODEVERSION/$version/g" "$template_src" >"$out/live-streaming-on-aws.yaml"
if grep -qE 'CODEBUCKET|CODEVERSION' "$out/live-streaming-on-aws.yaml"; then
    die "placeholders are left in $out/live-streaming-on-aws.yaml"
fi
cp "$jar" "$out/live-streaming-on-aws.jar"
cp "$root/THIRD-PARTY-NOTICES.txt" "$out/THIRD-PARTY-NOTICES.txt"
mkdir -p "$out/console"
cp -R "$console_dist/." "$out/console/"

# --- the architecture picture ---------------------------------------------------------------------------------
diagram_out="${DIAGRAM_OUT:-$script_dir/architecture.png}"
if command -v dot >/dev/null 2>&1; then
    bash "$script_dir/render-architecture.sh" "$diagram_out"
    echo "Rendered $diagram_out and ${diagram_out%.png}.svg"
else
    echo "Graphviz (dot) is not installed: skipped rendering $diagram_out"
fi

region="${AWS_REGION:-${AWS_DEFAULT_REGION:-<region>}}"
cat <<EOF

Built $out:
  live-streaming-on-aws.yaml  (template for s3://$bucket-<region>/live-streaming-on-aws/$version/)
  live-streaming-on-aws.jar
  console/  ($(find "$out/console" -type f | wc -l | tr -d ' ') files)
  test-source.mp4  (the default MP4_FILE input's clip)
  THIRD-PARTY-NOTICES.txt

Next, upload it to the code bucket of each region you deploy in (the template goes too, so the stack can also
be launched from its S3 URL in the CloudFormation console; it holds no secrets):
  aws s3 sync "$out/" "s3://$bucket-$region/live-streaming-on-aws/$version/" --delete

Then launch the stack from the template:
  $out/live-streaming-on-aws.yaml
e.g.
  aws cloudformation deploy --region $region --stack-name live-streaming \\
      --template-file "$out/live-streaming-on-aws.yaml" --capabilities CAPABILITY_IAM
EOF
