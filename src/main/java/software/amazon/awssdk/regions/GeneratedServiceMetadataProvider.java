package software.amazon.awssdk.regions;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Replaces the AWS SDK's class of the same name (the build leaves the SDK's own out of the jar), to keep a cold start
 * from loading the metadata of every AWS service. Building any client asks for its own service's metadata (its
 * legacy signing region), and the SDK's provider answers from a map that instantiates all of about 310 services'
 * metadata classes at once. This one loads only the class of the service asked for, found by the SDK's naming of
 * those classes ({@code medialive} is {@code MedialiveServiceMetadata}, {@code api.mediatailor} is
 * {@code ApiMediatailorServiceMetadata}); a service whose class it cannot find gets null, for which the SDK uses its
 * generic {@link DefaultServiceMetadata}, as it does for any service its map lacks. Endpoints and signing regions
 * of requests come from each service's endpoint rules either way.
 */
public final class GeneratedServiceMetadataProvider implements ServiceMetadataProvider {
    private static final String PACKAGE = "software.amazon.awssdk.regions.servicemetadata.";
    private static final Map<String, Optional<ServiceMetadata>> LOADED = new ConcurrentHashMap<>();

    @Override
    public ServiceMetadata serviceMetadata(String endpointPrefix) {
        return endpointPrefix == null
                ? null
                : LOADED.computeIfAbsent(endpointPrefix, GeneratedServiceMetadataProvider::load)
                        .orElse(null);
    }

    private static Optional<ServiceMetadata> load(String endpointPrefix) {
        return MetadataClasses.instantiate(PACKAGE + className(endpointPrefix), ServiceMetadata.class);
    }

    /** {@code access-analyzer} becomes {@code AccessAnalyzerServiceMetadata}. */
    static String className(String endpointPrefix) {
        return MetadataClasses.pascalCase(endpointPrefix) + "ServiceMetadata";
    }
}
