package com.amazonaws.livestreaming;

import com.amazonaws.livestreaming.aws.AwsClients;
import com.amazonaws.livestreaming.cfn.Registry;
import com.amazonaws.livestreaming.cfn.ResourceManager;
import com.amazonaws.livestreaming.console.DemoConsoleManager;
import com.amazonaws.livestreaming.medialive.ChannelManager;
import com.amazonaws.livestreaming.medialive.InputManager;
import com.amazonaws.livestreaming.mediapackage.MediaPackageChannelManager;
import com.amazonaws.livestreaming.mediapackage.MediaPackageEndpointManager;
import com.amazonaws.livestreaming.profile.EncodingProfiles;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

/** The resource kinds this Lambda serves, wired to clients built from the environment. */
public final class Managers {
    private Managers() {}

    public static Registry standard() {
        return standard(AwsClients.fromEnvironment());
    }

    /** Every kind, with the manager each is served by; clients are built only when a kind is first used. */
    public static Registry standard(AwsClients clients) {
        Map<String, Supplier<ResourceManager>> kinds = new LinkedHashMap<>();
        // Each resource kind registers here, one line each: kinds.put("Kind", () -> new KindManager(clients));
        kinds.put("MediaPackageChannel", () -> new MediaPackageChannelManager(clients));
        kinds.put("MediaPackageEndpoint", () -> new MediaPackageEndpointManager(clients));
        kinds.put("MediaLiveChannel", () -> new ChannelManager(clients, new EncodingProfiles(clients::s3)::load));
        kinds.put("MediaLiveInput", () -> new InputManager(clients));
        kinds.put("DemoConsole", () -> new DemoConsoleManager(clients));
        return new Registry(kinds);
    }
}
