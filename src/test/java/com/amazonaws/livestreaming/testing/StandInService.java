package com.amazonaws.livestreaming.testing;

import java.util.List;

/** One AWS service behind {@link AwsStandIn}: it names the operation of a request, answers it, and lists what lives. */
interface StandInService {
    /** The operation this request is, as {@code Service:Operation} (the SDK's names), or null if not this service's. */
    String operation(StandInCall call);

    /** Applies the operation to the service's state and answers it. Called under the stand-in's lock. */
    StandInAnswer handle(String operation, StandInCall call);

    /** Everything that still exists (not deleted), one line each, e.g. {@code MediaLive channel 1234567 (RUNNING)}. */
    List<String> leftovers();
}
