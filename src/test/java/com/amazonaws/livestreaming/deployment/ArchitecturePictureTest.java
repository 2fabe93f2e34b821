package com.amazonaws.livestreaming.deployment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The README's picture is rendered from {@code deployment/architecture.dot} and readable where the README shows it.
 * The committed SVG must carry the same boxes, arrows and words as a fresh render of the .dot (font metrics may
 * differ between machines, the graph may not), and the committed PNG must be that SVG's layout at 144 dpi.
 */
class ArchitecturePictureTest {
    private static final Path DIR = Path.of("deployment");
    private static final Path PNG = DIR.resolve("architecture.png");
    private static final Path SVG = DIR.resolve("architecture.svg");
    /** How wide GitHub and most README viewers show a picture, in CSS pixels. */
    private static final double README_WIDTH_PX = 900;

    private static final double SMALLEST_LEGIBLE_PX = 11;
    private static final Pattern SIZE = Pattern.compile("<svg width=\"([\\d.]+)pt\" height=\"([\\d.]+)pt\"");
    private static final Pattern FONT_SIZE = Pattern.compile("font-size=\"([\\d.]+)\"");
    private static final Pattern TEXT = Pattern.compile("<text[^>]*>([^<]*)</text>");
    private static final Pattern TITLE = Pattern.compile("<title>([^<]*)</title>");

    @TempDir
    Path tmp;

    @Test
    void committedSvgHasTheBoxesArrowsAndWordsOfTheDotFile() throws Exception {
        Path fresh = tmp.resolve("architecture.png");
        Process render = new ProcessBuilder(
                        "bash", DIR.resolve("render-architecture.sh").toString(), fresh.toString())
                .redirectErrorStream(true)
                .start();
        String output = new String(render.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(render.waitFor(2, TimeUnit.MINUTES), "dot did not finish");
        assertEquals(0, render.exitValue(), output);
        assertEquals("", output, "dot warned while rendering architecture.dot");
        String committed = Files.readString(SVG);
        String rendered = Files.readString(tmp.resolve("architecture.svg"));
        String stale = SVG + " and " + PNG + " are not rendered from the current architecture.dot;"
                + " run deployment/render-architecture.sh";

        assertEquals(all(TITLE, rendered), all(TITLE, committed), stale);
        assertEquals(all(TEXT, rendered), all(TEXT, committed), stale);
    }

    @Test
    void committedPngIsTheSvgLayoutAt144Dpi() throws IOException {
        BufferedImage png = ImageIO.read(PNG.toFile());
        double[] svg = sizeInPoints(Files.readString(SVG));

        assertEquals(svg[0] * 2, png.getWidth(), 3, "PNG width against the SVG's " + svg[0] + " pt");
        assertEquals(svg[1] * 2, png.getHeight(), 3, "PNG height against the SVG's " + svg[1] + " pt");
    }

    @Test
    void smallestTextIsLegibleAtTheReadmesWidth() throws IOException {
        String svg = Files.readString(SVG);
        double width = sizeInPoints(svg)[0];
        double smallest = all(FONT_SIZE, svg).stream()
                .mapToDouble(Double::parseDouble)
                .min()
                .orElseThrow();
        double shown = smallest * Math.min(1, README_WIDTH_PX / width);

        assertTrue(
                shown >= SMALLEST_LEGIBLE_PX,
                "the smallest text (" + smallest + " pt in a " + width
                        + " pt wide picture) shows at " + shown + " px when the picture is " + README_WIDTH_PX
                        + " px wide; make the graph narrower or the font larger");
    }

    private static double[] sizeInPoints(String svg) {
        Matcher size = SIZE.matcher(svg);
        assertTrue(size.find(), "no <svg width height> in " + SVG);
        return new double[] {Double.parseDouble(size.group(1)), Double.parseDouble(size.group(2))};
    }

    private static List<String> all(Pattern pattern, String text) {
        List<String> found = new ArrayList<>();
        Matcher matcher = pattern.matcher(text);
        while (matcher.find()) {
            found.add(matcher.group(1));
        }
        return found;
    }
}
