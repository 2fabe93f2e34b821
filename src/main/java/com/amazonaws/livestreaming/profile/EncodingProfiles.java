package com.amazonaws.livestreaming.profile;

import com.amazonaws.livestreaming.cfn.FailureReason;
import com.amazonaws.livestreaming.cfn.InvalidPropertyException;
import com.amazonaws.livestreaming.cfn.Redaction;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.medialive.model.EncoderSettings;
import software.amazon.awssdk.services.medialive.model.InputSpecification;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.GetObjectRequest;
import software.amazon.awssdk.services.s3.model.NoSuchBucketException;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.S3Exception;

/**
 * Finds the profile an {@code EncodingProfile} property names: one of the built-in ladders packaged in the jar,
 * or a user's own profile in S3 (so a team can tune settings pasted from {@code describe-channel} without
 * rebuilding anything). Every profile, built-in or not, is converted and checked the same way, so a broken one
 * fails the stack with a one-line reason before MediaLive is called.
 */
public final class EncodingProfiles {
    public static final List<String> BUILT_IN = List.of("1080p", "720p", "540p");
    /** The AWS calls loading may make, as ResourceSpec names them: for the manager that loads profiles. */
    public static final List<String> API_CALLS = List.of("S3:GetObject");

    private static final String PROPERTY = "EncodingProfile";
    private static final Pattern S3_URL = Pattern.compile("s3://([^/]+)/(.+)");
    private static final int MAX_REASON = 400;

    private final Supplier<S3Client> s3;

    /** @param s3 the client for {@code s3://} profiles; asked for only when such a profile is loaded */
    public EncodingProfiles(Supplier<S3Client> s3) {
        this.s3 = Objects.requireNonNull(s3, "s3");
    }

    public EncodingProfiles(S3Client s3) {
        this(() -> s3);
    }

    /**
     * @param ref {@code 1080p}, {@code 720p}, {@code 540p} or {@code s3://bucket/key.json}
     * @throws InvalidPropertyException naming EncodingProfile, for an unknown reference, a missing or unreadable
     *                                  object, or a profile with problems (the first ones listed with paths)
     */
    public EncodingProfile load(String ref) {
        if (ref != null && BUILT_IN.contains(ref)) {
            return orFail(ref, builtIn(ref));
        }
        Matcher s3Url = ref == null ? null : S3_URL.matcher(ref);
        if (s3Url != null && s3Url.matches()) {
            return orFail(ref, fromS3(ref, s3Url.group(1), s3Url.group(2)));
        }
        checkReference(ref);
        throw new IllegalStateException("checkReference accepted '" + ref + "'");
    }

    /**
     * Checks the form of an {@code EncodingProfile} value without reading anything: a built-in name or an
     * {@code s3://bucket/key} reference.
     *
     * @throws InvalidPropertyException naming EncodingProfile and the allowed values
     */
    public static void checkReference(String ref) {
        if (ref != null && (BUILT_IN.contains(ref) || S3_URL.matcher(ref).matches())) {
            return;
        }
        throw new InvalidPropertyException(
                PROPERTY,
                PROPERTY + " is '" + Redaction.shorten(ref, 96) + "'; allowed values: " + String.join(", ", BUILT_IN)
                        + ", or s3://bucket/key.json");
    }

    /**
     * Reads and checks a profile's JSON: conversion to the SDK model, then {@link ProfileValidator} against the
     * input specification the ladder calls for.
     *
     * @throws InvalidProfileException with every problem found
     */
    public static EncodingProfile read(String name, byte[] json) {
        EncoderSettings settings = ProfileJson.readEncoderSettings(ProfileJson.parse(json));
        InputSpecification input = InputSpecifications.forLadder(settings);
        List<ProfileProblem> problems = ProfileValidator.check(settings, input);
        if (!problems.isEmpty()) {
            throw new InvalidProfileException(problems);
        }
        return new EncodingProfile(name, settings, input);
    }

    /**
     * The profile as a channel sending to {@code packager} needs it: unchanged for v1, its ladder rendered as a
     * CMAF Ingest output group for v2 ({@link CmafIngestLadder}) and checked again in that form.
     *
     * @throws InvalidProfileException with every problem of the rendering
     */
    public static EncodingProfile render(EncodingProfile profile, Packager packager) {
        if (packager == Packager.V1) {
            return profile;
        }
        EncoderSettings rendered = CmafIngestLadder.render(profile.encoderSettings());
        List<ProfileProblem> problems = ProfileValidator.check(rendered, profile.inputSpecification(), packager);
        if (!problems.isEmpty()) {
            throw new InvalidProfileException(problems);
        }
        return new EncodingProfile(profile.name(), rendered, profile.inputSpecification());
    }

    /** As {@link #render}, failing the way a bad EncodingProfile property fails: one line naming it. */
    public static EncodingProfile renderFor(EncodingProfile profile, Packager packager) {
        try {
            return render(profile, packager);
        } catch (InvalidProfileException e) {
            throw new InvalidPropertyException(
                    PROPERTY, reason(profile.name() + " (Packager " + packager.value() + ")", e.problems()));
        }
    }

    private static EncodingProfile orFail(String ref, byte[] json) {
        try {
            return read(ref, json);
        } catch (InvalidProfileException e) {
            throw new InvalidPropertyException(PROPERTY, reason(ref, e.problems()));
        }
    }

    /** One line, under 400 characters: as many problems as fit, then how many more there are. */
    static String reason(String ref, List<ProfileProblem> problems) {
        String head = PROPERTY + " " + ref + " is not a valid profile: ";
        List<String> shown = new ArrayList<>();
        int length = head.length();
        for (ProfileProblem problem : problems) {
            String text = problem.toString().replaceAll("\\s+", " ");
            String more = " (and " + (problems.size() - shown.size() - 1) + " more)";
            if (length + text.length() + 2 + more.length() > MAX_REASON) {
                break;
            }
            shown.add(text);
            length += text.length() + 2;
        }
        if (shown.isEmpty()) {
            String first = problems.get(0).toString().replaceAll("\\s+", " ");
            shown.add(first.substring(0, Math.min(first.length(), MAX_REASON - head.length() - 40)) + "...");
        }
        String reason = head + String.join("; ", shown);
        return shown.size() < problems.size()
                ? reason + " (and " + (problems.size() - shown.size()) + " more)"
                : reason;
    }

    private static byte[] builtIn(String name) {
        String resource = "/encoding-profiles/medialive-" + name + ".json";
        try (InputStream in = EncodingProfiles.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("the jar lacks " + resource);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + resource, e);
        }
    }

    private byte[] fromS3(String url, String bucket, String key) {
        try {
            return s3.get()
                    .getObjectAsBytes(
                            GetObjectRequest.builder().bucket(bucket).key(key).build())
                    .asByteArray();
        } catch (NoSuchKeyException | NoSuchBucketException e) {
            throw new InvalidPropertyException(PROPERTY, PROPERTY + " " + url + " does not exist");
        } catch (S3Exception e) {
            String reason = e.statusCode() == 404
                    ? "does not exist"
                    : "cannot be read: " + FailureReason.of(e)
                            + (e.statusCode() == 403 ? " (the function's role needs s3:GetObject on it)" : "");
            throw new InvalidPropertyException(PROPERTY, PROPERTY + " " + url + " " + reason);
        } catch (SdkException e) {
            throw new InvalidPropertyException(
                    PROPERTY, PROPERTY + " " + url + " cannot be read: " + FailureReason.of(e));
        }
    }
}
