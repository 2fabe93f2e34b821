package com.amazonaws.livestreaming.medialive;

import com.amazonaws.livestreaming.cfn.Invocation;
import com.amazonaws.livestreaming.cfn.Request;
import java.util.Map;
import java.util.function.Supplier;
import software.amazon.awssdk.services.ssm.SsmClient;
import software.amazon.awssdk.services.ssm.model.ParameterNotFoundException;
import software.amazon.awssdk.services.ssm.model.ParameterType;

/**
 * Keeps pull-source passwords in SSM Parameter Store, where MediaLive reads them by name ({@code passwordParam}).
 * The names are derived from the stack and logical id, so a Delete (or a rollback) can find them without having
 * stored anything; values are SecureStrings and never appear in a log line.
 */
final class PasswordStore {
    private final Supplier<SsmClient> ssm;

    public PasswordStore(Supplier<SsmClient> ssm) {
        this.ssm = ssm;
    }

    /** {@code /<StackName>/medialive/<LogicalResourceId>/primary} (or {@code /secondary}). */
    public static String name(Request request, Pipeline pipeline) {
        return "/" + request.stackName() + "/medialive/" + request.logicalResourceId() + "/" + pipeline.label();
    }

    /** Writes (or rotates) the password; overwriting makes a repeated Create and a replacement safe. */
    public void put(Request request, Pipeline pipeline, String password, Invocation invocation) {
        String name = name(request, pipeline);
        ssm.get()
                .putParameter(b -> b.name(name)
                        .value(password)
                        .type(ParameterType.SECURE_STRING)
                        .overwrite(true)
                        .description("Password MediaLive uses to pull the " + pipeline.label() + " source of input "
                                + request.stackName() + "-" + request.logicalResourceId()));
        invocation.log().info("stored source password", Map.of("parameter", name));
    }

    /** Deletes the parameter; one that is already gone is fine. */
    public void delete(String name, Invocation invocation) {
        try {
            ssm.get().deleteParameter(b -> b.name(name));
            invocation.log().info("deleted source password", Map.of("parameter", name));
        } catch (ParameterNotFoundException gone) {
            invocation.log().info("source password already gone", Map.of("parameter", name));
        }
    }
}
