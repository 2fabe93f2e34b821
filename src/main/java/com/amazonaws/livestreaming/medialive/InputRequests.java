package com.amazonaws.livestreaming.medialive;

import com.amazonaws.livestreaming.cfn.Ownership;
import com.amazonaws.livestreaming.cfn.Request;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.medialive.model.CreateInputRequest;
import software.amazon.awssdk.services.medialive.model.CreateInputSecurityGroupRequest;
import software.amazon.awssdk.services.medialive.model.InputDestinationRequest;
import software.amazon.awssdk.services.medialive.model.InputSourceRequest;
import software.amazon.awssdk.services.medialive.model.InputType;
import software.amazon.awssdk.services.medialive.model.InputWhitelistRuleCidr;
import software.amazon.awssdk.services.medialive.model.MediaConnectFlowRequest;
import software.amazon.awssdk.services.medialive.model.SrtCallerDecryptionRequest;
import software.amazon.awssdk.services.medialive.model.SrtCallerSourceRequest;
import software.amazon.awssdk.services.medialive.model.SrtSettingsRequest;
import software.amazon.awssdk.services.medialive.model.UpdateInputRequest;
import software.amazon.awssdk.services.medialive.model.UpdateInputSecurityGroupRequest;

/**
 * Turns {@link InputSettings} into MediaLive requests, in one place, so Create and Update send the same shapes.
 * The number of sources, flows or destinations is what makes MediaLive's input STANDARD or SINGLE_PIPELINE
 * (CreateInput has no class field); an RTP push input always gets two endpoints.
 */
final class InputRequests {
    /** Kept well inside what the MediaLive console shows and what RTMP stream names comfortably carry. */
    static final int MAX_NAME = 128;

    private InputRequests() {}

    /** {@code <StackName>-<LogicalResourceId>}, cut to {@link #MAX_NAME}. */
    public static String name(Request request) {
        String name = request.stackName() + "-" + request.logicalResourceId();
        return name.length() > MAX_NAME ? name.substring(0, MAX_NAME) : name;
    }

    public static CreateInputSecurityGroupRequest securityGroup(CidrList cidrs, Request request) {
        return CreateInputSecurityGroupRequest.builder()
                .whitelistRules(whitelist(cidrs))
                .tags(Ownership.tags(request))
                .build();
    }

    /**
     * New rules for a group, sent with the group's current tags: the ownership tags are how a later Delete finds a
     * group its input no longer names, and an update must not be the thing that loses them.
     */
    public static UpdateInputSecurityGroupRequest securityGroupRules(
            String groupId, CidrList cidrs, Map<String, String> currentTags) {
        UpdateInputSecurityGroupRequest.Builder update = UpdateInputSecurityGroupRequest.builder()
                .inputSecurityGroupId(groupId)
                .whitelistRules(whitelist(cidrs));
        if (currentTags != null && !currentTags.isEmpty()) {
            update.tags(currentTags);
        }
        return update.build();
    }

    /**
     * The CreateInput request. The CloudFormation RequestId doubles as MediaLive's idempotency token, so the
     * SDK's own retries of this call cannot make a second input either.
     */
    public static CreateInputRequest createInput(
            InputSettings settings, Request request, Optional<String> securityGroupId) {
        CreateInputRequest.Builder b = CreateInputRequest.builder()
                .name(name(request))
                .type(settings.type())
                .requestId(request.requestId())
                .tags(Ownership.tags(request));
        securityGroupId.ifPresent(id -> b.inputSecurityGroups(List.of(id)));
        if (settings.type() == InputType.RTMP_PUSH) {
            b.destinations(
                    settings.isStandard()
                            ? List.of(destination(request, Pipeline.PRIMARY), destination(request, Pipeline.SECONDARY))
                            : List.of(destination(request, Pipeline.PRIMARY)));
        }
        if (InputSettings.PULL.contains(settings.type())) {
            b.sources(sources(settings, request));
        }
        if (settings.type() == InputType.MEDIACONNECT) {
            b.mediaConnectFlows(flows(settings)).roleArn(settings.roleArn().orElseThrow());
        }
        if (settings.type() == InputType.SRT_CALLER) {
            b.srtSettings(srt(settings));
        }
        return b.build();
    }

    /** The UpdateInput request for the parts MediaLive changes in place: sources, flows and role, SRT callers. */
    public static UpdateInputRequest updateInput(String inputId, InputSettings settings, Request request) {
        UpdateInputRequest.Builder b = UpdateInputRequest.builder().inputId(inputId);
        if (InputSettings.PULL.contains(settings.type())) {
            b.sources(sources(settings, request));
        }
        if (settings.type() == InputType.MEDIACONNECT) {
            b.mediaConnectFlows(flows(settings)).roleArn(settings.roleArn().orElseThrow());
        }
        if (settings.type() == InputType.SRT_CALLER) {
            b.srtSettings(srt(settings));
        }
        return b.build();
    }

    /** RTMP push stream names are {@code application/instance}; MediaLive needs the slash. */
    static String streamName(Request request, Pipeline pipeline) {
        return name(request) + "/" + pipeline.label();
    }

    private static InputDestinationRequest destination(Request request, Pipeline pipeline) {
        return InputDestinationRequest.builder()
                .streamName(streamName(request, pipeline))
                .build();
    }

    private static List<InputWhitelistRuleCidr> whitelist(CidrList cidrs) {
        return cidrs.blocks().stream()
                .map(c -> InputWhitelistRuleCidr.builder().cidr(c).build())
                .toList();
    }

    private static List<InputSourceRequest> sources(InputSettings settings, Request request) {
        return settings.pullSources().stream()
                .map(s -> {
                    InputSourceRequest.Builder b = InputSourceRequest.builder().url(s.url());
                    s.username().ifPresent(b::username);
                    if (s.hasPassword()) {
                        b.passwordParam(PasswordStore.name(request, s.pipeline()));
                    }
                    return b.build();
                })
                .toList();
    }

    private static List<MediaConnectFlowRequest> flows(InputSettings settings) {
        return settings.flowArns().stream()
                .map(a -> MediaConnectFlowRequest.builder().flowArn(a).build())
                .toList();
    }

    private static SrtSettingsRequest srt(InputSettings settings) {
        return SrtSettingsRequest.builder()
                .srtCallerSources(settings.srtSources().stream()
                        .map(s -> {
                            SrtCallerSourceRequest.Builder b = SrtCallerSourceRequest.builder()
                                    .srtListenerAddress(s.host())
                                    .srtListenerPort(String.valueOf(s.port()));
                            s.streamId().ifPresent(b::streamId);
                            settings.decryption()
                                    .ifPresent(d -> b.decryption(SrtCallerDecryptionRequest.builder()
                                            .passphraseSecretArn(d.passphraseSecretArn())
                                            .algorithm(d.algorithm())
                                            .build()));
                            return b.build();
                        })
                        .toList())
                .build();
    }
}
