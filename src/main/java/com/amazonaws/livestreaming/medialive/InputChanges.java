package com.amazonaws.livestreaming.medialive;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import software.amazon.awssdk.services.medialive.model.DescribeInputResponse;
import software.amazon.awssdk.services.medialive.model.InputType;
import software.amazon.awssdk.services.medialive.model.SrtCallerDecryption;
import software.amazon.awssdk.services.medialive.model.SrtCallerDecryptionRequest;
import software.amazon.awssdk.services.medialive.model.SrtCallerSource;
import software.amazon.awssdk.services.medialive.model.UpdateInputRequest;

/**
 * Decides an Update by comparing the input as MediaLive describes it with what the template now asks for, not
 * the old properties with the new: a rollback, or a change made outside CloudFormation, then still ends with the
 * input the template describes, and an update that changes nothing makes no call.
 */
final class InputChanges {
    private InputChanges() {}

    /**
     * MediaLive cannot change an input's type or class in place. An RTP push input always has two endpoints
     * whatever the channel class, so for it only the Data changes.
     */
    static boolean needReplacement(DescribeInputResponse current, InputSettings settings) {
        if (current.type() != settings.type()) {
            return true;
        }
        return settings.type() != InputType.RTP_PUSH
                && !settings.channelClass().toString().equals(current.inputClassAsString());
    }

    /** True when the input's sources, flows and role, or SRT callers are not yet what {@code wanted} asks for. */
    static boolean differ(DescribeInputResponse current, UpdateInputRequest wanted) {
        if (wanted.hasSources()) {
            return !current.sources().stream()
                    .map(s -> key(s.url(), s.username(), s.passwordParam()))
                    .toList()
                    .equals(wanted.sources().stream()
                            .map(s -> key(s.url(), s.username(), s.passwordParam()))
                            .toList());
        }
        if (wanted.hasMediaConnectFlows()) {
            return !Objects.equals(current.roleArn(), wanted.roleArn())
                    || !current.mediaConnectFlows().stream()
                            .map(f -> f.flowArn())
                            .toList()
                            .equals(wanted.mediaConnectFlows().stream()
                                    .map(f -> f.flowArn())
                                    .toList());
        }
        if (wanted.srtSettings() != null) {
            List<SrtCallerSource> have = current.srtSettings() == null
                    ? List.of()
                    : current.srtSettings().srtCallerSources();
            return !have.stream()
                    .map(s -> srtKey(s.srtListenerAddress(), s.srtListenerPort(), s.streamId(), s.decryption()))
                    .toList()
                    .equals(wanted.srtSettings().srtCallerSources().stream()
                            .map(s -> srtKey(s.srtListenerAddress(), s.srtListenerPort(), s.streamId(), s.decryption()))
                            .toList());
        }
        return false;
    }

    private static List<String> srtKey(String address, String port, String streamId, Object decryption) {
        String arn = null;
        String algorithm = null;
        if (decryption instanceof SrtCallerDecryption d) {
            arn = d.passphraseSecretArn();
            algorithm = d.algorithmAsString();
        } else if (decryption instanceof SrtCallerDecryptionRequest d) {
            arn = d.passphraseSecretArn();
            algorithm = d.algorithmAsString();
        }
        return key(address, port, streamId, arn, algorithm);
    }

    private static List<String> key(String... values) {
        List<String> out = new ArrayList<>();
        for (String v : values) {
            out.add(v == null ? "" : v);
        }
        return out;
    }
}
