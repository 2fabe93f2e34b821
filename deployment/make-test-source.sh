#!/usr/bin/env bash
# Makes the stack's own test source, the MP4 file the default MP4_FILE input pulls from the code bucket and the
# channel loops, so a stack launched with the defaults plays without any third-party stream:
#   1920x1080, 29.97 fps (30000/1001), H.264 High@4.1, closed 2-second GOPs; AAC-LC 48 kHz stereo;
#   a moving test pattern with the clip time burnt in, a 1 kHz tone with a higher beep every second; no SCTE-35.
#
# It lasts 1920 frames = 64.064 s: the shortest length near a minute at which video and audio end at the same
# instant (1920 x 1001/30000 s = 3003 AAC frames of 1024 samples at 48 kHz) and the GOPs divide it (32 x 60 frames),
# so every loop starts on a keyframe with no gap or overlap between picture and sound.
#
# Usage: deployment/make-test-source.sh OUT.mp4
# An OUT.mp4 this script already made with the same settings is kept (its comment tag records them), so
# repeated builds do not encode again. Takes about a minute on 2 cores (x264 preset superfast).
set -euo pipefail

die() {
    echo "make-test-source: $*" >&2
    exit 1
}

[[ $# -eq 1 ]] || die "usage: deployment/make-test-source.sh OUT.mp4"
out="$1"
for tool in ffmpeg ffprobe; do
    command -v "$tool" >/dev/null 2>&1 || die "'$tool' is not installed or not on PATH; install FFmpeg (e.g. apt-get install ffmpeg)"
done
filters="$(ffmpeg -hide_banner -filters 2>/dev/null || true)"
grep -q ' drawtext ' <<<"$filters" \
    || die "this ffmpeg has no drawtext filter (it needs libfreetype and fontconfig), which burns the clock in"

frames=1920
rate=30000/1001
seconds=64.064
clock="drawtext=font=Mono:fontsize=120:fontcolor=white:box=1:boxcolor=black@0.65:boxborderw=20"
clock+=":x=(w-tw)/2:y=h*0.62:text='%{pts\\:hms}'"
label="drawtext=font=Sans:fontsize=40:fontcolor=white:box=1:boxcolor=black@0.65:boxborderw=12"
label+=":x=(w-tw)/2:y=h*0.80:text='live-streaming-on-aws test source   1920x1080   29.97 fps   frame %{n} of ${frames}'"
args=(
    -f lavfi -i "testsrc2=size=1920x1080:rate=${rate}:duration=${seconds},${clock},${label}"
    -f lavfi -i "sine=frequency=1000:beep_factor=2:sample_rate=48000:duration=${seconds}"
    -map 0:v -map 1:a
    -c:v libx264 -preset superfast -profile:v high -level:v 4.1 -pix_fmt yuv420p
    -g 60 -keyint_min 60 -sc_threshold 0 -x264-params open-gop=0
    -crf 23 -maxrate 4M -bufsize 8M
    -c:a aac -b:a 128k -ar 48000 -ac 2
    -movflags +faststart
)
fingerprint="$(printf '%s\n' "${args[@]}" | sha256sum | cut -c1-16)"
tag="live-streaming-on-aws test source ${fingerprint}"

if [[ -f "$out" ]] && [[ "$(ffprobe -v error -show_entries format_tags=comment -of default=nw=1:nk=1 "$out" 2>/dev/null)" == "$tag" ]]; then
    echo "Test source $out is up to date"
    exit 0
fi

mkdir -p "$(dirname "$out")"
partial="$out.partial.mp4"
trap 'rm -f "$partial"' EXIT
echo "Encoding the test source $out (${frames} frames, 1920x1080, about a minute)..."
ffmpeg -hide_banner -loglevel error -nostdin -y "${args[@]}" -metadata comment="$tag" "$partial" \
    || die "ffmpeg could not encode the test source"
mv -f "$partial" "$out"
echo "Made $out ($(($(wc -c <"$out") / 1048576)) MiB)"
