package com.amazonaws.livestreaming.deployment;

import com.amazonaws.livestreaming.Managers;
import com.amazonaws.livestreaming.aws.AwsClients;
import com.amazonaws.livestreaming.cfn.Registry;
import com.amazonaws.livestreaming.cfn.ResourceManager;
import com.amazonaws.livestreaming.cfn.ResourceSpec;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;

/**
 * The real managers' specs, as the Lambda registers them. Managers build their clients lazily, so asking for a
 * spec makes no AWS call; the clients point nowhere to be sure of it.
 */
final class ManagerSpecs {
    private static final Registry REGISTRY = Managers.standard(new AwsClients(new AwsClients.Settings(
            Region.US_EAST_1,
            Optional.empty(),
            StaticCredentialsProvider.create(AwsBasicCredentials.create("AKIDEXAMPLE", "notARealSecretKey")),
            1,
            Duration.ofSeconds(1),
            List.of())));

    private ManagerSpecs() {}

    /** The spec of the manager serving {@code Custom::<kind>}; fails the test if no manager serves it. */
    static ResourceSpec of(String kind) {
        ResourceSpec spec = REGISTRY.find(kind)
                .map(ResourceManager::spec)
                .orElseThrow(() -> new AssertionError("no manager is registered for Custom::" + kind
                        + " in Managers.standard; registered kinds: " + REGISTRY.kinds()));
        if (!spec.kind().equals(kind)) {
            throw new AssertionError("the manager registered as " + kind + " says its kind is " + spec.kind());
        }
        return spec;
    }
}
