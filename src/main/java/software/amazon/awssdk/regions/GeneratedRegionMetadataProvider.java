package software.amazon.awssdk.regions;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Replaces the AWS SDK's class of the same name (the build leaves the SDK's own out of the jar), to keep a cold start
 * from loading the metadata of every Region. Building a client asks for its own Region's metadata, and the SDK's
 * provider answers from a map that instantiates all of about 50 Regions' metadata classes at once. This one loads
 * only the class of the Region asked for, found by the SDK's naming of those classes ({@code us-east-1} is
 * {@code UsEast1}, {@code aws-iso-b-global} is {@code AwsIsoBGlobal}) and used only if it names that same Region; a
 * Region without one gets null, as from the SDK's map.
 */
public final class GeneratedRegionMetadataProvider implements RegionMetadataProvider {
    private static final String PACKAGE = "software.amazon.awssdk.regions.regionmetadata.";
    private static final Map<String, Optional<RegionMetadata>> LOADED = new ConcurrentHashMap<>();

    @Override
    public RegionMetadata regionMetadata(Region region) {
        return region == null
                ? null
                : LOADED.computeIfAbsent(region.id(), GeneratedRegionMetadataProvider::load)
                        .orElse(null);
    }

    private static Optional<RegionMetadata> load(String id) {
        return MetadataClasses.instantiate(PACKAGE + MetadataClasses.pascalCase(id), RegionMetadata.class)
                .filter(metadata -> id.equals(metadata.id()));
    }
}
