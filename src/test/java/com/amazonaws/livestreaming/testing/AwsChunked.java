package com.amazonaws.livestreaming.testing;

import java.nio.charset.StandardCharsets;

/** The payload of a request the SDK may have framed as {@code aws-chunked} (with a checksum trailer), as S3 reads it. */
public final class AwsChunked {
    private AwsChunked() {}

    /**
     * @param body            the request body as received
     * @param contentEncoding the request's Content-Encoding header, or null
     */
    public static String payload(String body, String contentEncoding) {
        if (body == null || contentEncoding == null || !contentEncoding.contains("aws-chunked")) {
            return body;
        }
        StringBuilder out = new StringBuilder();
        byte[] bytes = body.getBytes(StandardCharsets.ISO_8859_1);
        int at = 0;
        while (true) {
            int lineEnd = body.indexOf("\r\n", at);
            int size =
                    Integer.parseInt(body.substring(at, lineEnd).split(";")[0].trim(), 16);
            if (size == 0) {
                return out.toString();
            }
            out.append(new String(bytes, lineEnd + 2, size, StandardCharsets.UTF_8));
            at = lineEnd + 2 + size + 2;
        }
    }
}
