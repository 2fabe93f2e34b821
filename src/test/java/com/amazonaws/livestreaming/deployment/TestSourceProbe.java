package com.amazonaws.livestreaming.deployment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * What {@code deployment/make-test-source.sh} promises about the clip, read back with ffprobe: the picture and
 * sound MediaLive is given, and the properties that make the channel's LOOP seamless (both tracks end together,
 * every GOP is closed and equally long, the file starts on a keyframe).
 */
final class TestSourceProbe {
    private static final double SECONDS = 1920 * 1001 / 30000.0;

    private TestSourceProbe() {}

    static void assertIsTheLoopableTestSource(Path clip) throws IOException, InterruptedException {
        JsonNode probe =
                new ObjectMapper().readTree(ffprobe("-show_streams", "-show_format", "-of", "json", clip.toString()));
        JsonNode streams = probe.get("streams");
        assertEquals(2, streams.size(), "exactly one video and one audio stream (no data, no SCTE-35): " + streams);

        JsonNode video = streams.get(0);
        assertEquals("video", video.get("codec_type").asText());
        assertEquals("h264", video.get("codec_name").asText());
        assertEquals("High", video.get("profile").asText());
        assertEquals(41, video.get("level").asInt());
        assertEquals(1920, video.get("width").asInt());
        assertEquals(1080, video.get("height").asInt());
        assertEquals("30000/1001", video.get("r_frame_rate").asText());
        assertEquals("yuv420p", video.get("pix_fmt").asText());
        assertEquals(1920, video.get("nb_frames").asInt());
        assertEquals(SECONDS, video.get("duration").asDouble(), 0.001);
        assertEquals(0.0, video.get("start_time").asDouble(), 0.0);

        JsonNode audio = streams.get(1);
        assertEquals("audio", audio.get("codec_type").asText());
        assertEquals("aac", audio.get("codec_name").asText());
        assertEquals("LC", audio.get("profile").asText());
        assertEquals(48000, audio.get("sample_rate").asInt());
        assertEquals(2, audio.get("channels").asInt());
        assertEquals(SECONDS, audio.get("duration").asDouble(), 0.001, "sound must end with the picture");
        assertEquals(0.0, audio.get("start_time").asDouble(), 0.0);

        long bitrate = probe.get("format").get("bit_rate").asLong();
        assertTrue(
                bitrate > 500_000 && bitrate < 10_000_000, "fits MediaLive's 10 Mb/s input class: " + bitrate + " b/s");

        // MP4 sync samples are IDR frames: one every 60 frames (2 s), the first at 0, so each loop starts clean.
        List<Double> keyframes = new ArrayList<>();
        for (String line : ffprobe(
                        "-select_streams",
                        "v",
                        "-show_entries",
                        "packet=pts_time,flags",
                        "-of",
                        "csv=p=0",
                        clip.toString())
                .split("\n")) {
            String[] fields = line.trim().split(",");
            if (fields.length == 2 && fields[1].startsWith("K")) {
                keyframes.add(Double.parseDouble(fields[0]));
            }
        }
        assertEquals(32, keyframes.size(), "32 GOPs of 60 frames: " + keyframes);
        for (int i = 0; i < keyframes.size(); i++) {
            assertEquals(i * 60 * 1001 / 30000.0, keyframes.get(i), 0.001, "keyframe " + i);
        }
        assertEquals(
                List.of("ftyp", "moov"),
                topLevelBoxes(clip).subList(0, 2),
                "the index comes first (faststart), so MediaLive can start reading at once");
    }

    /** The MP4's top-level box types in file order. */
    static List<String> topLevelBoxes(Path file) throws IOException {
        List<String> types = new ArrayList<>();
        try (var channel = Files.newByteChannel(file)) {
            long position = 0;
            ByteBuffer header = ByteBuffer.allocate(16);
            while (position < channel.size() && types.size() < 16) {
                header.clear();
                channel.position(position).read(header);
                header.flip();
                long size = Integer.toUnsignedLong(header.getInt(0));
                types.add(new String(header.array(), 4, 4, StandardCharsets.ISO_8859_1));
                if (size == 1) {
                    size = header.getLong(8);
                }
                if (size < 8) {
                    break;
                }
                position += size;
            }
        }
        return types;
    }

    private static String ffprobe(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("ffprobe", "-v", "error"));
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command)
                .redirectError(ProcessBuilder.Redirect.DISCARD)
                .start();
        String output;
        try (InputStream in = process.getInputStream()) {
            output = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        assertTrue(process.waitFor(1, TimeUnit.MINUTES), "ffprobe hung");
        assertEquals(0, process.exitValue(), "ffprobe failed on " + args[args.length - 1]);
        return output;
    }
}
