package software.amazon.awssdk.regions;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.util.ArrayList;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.regions.regionmetadata.UsEast1;

/** The project's GeneratedRegionMetadataProvider gives each Region the SDK's own metadata, loading only that. */
class RegionMetadataOnDemandTest {
    private final RegionMetadataProvider provider = new GeneratedRegionMetadataProvider();

    @Test
    void everyRegionMetadataClassTheSdkShipsIsFoundByItsRegion() throws Exception {
        List<String> classes = sdkRegionMetadataClasses();
        assertTrue(classes.size() > 40, "the SDK's regionmetadata classes: " + classes);
        for (String name : classes) {
            RegionMetadata shipped =
                    (RegionMetadata) Class.forName(name).getConstructor().newInstance();
            RegionMetadata found = provider.regionMetadata(Region.of(shipped.id()));
            assertNotNull(found, shipped.id() + " got no metadata");
            assertEquals(shipped.getClass(), found.getClass(), shipped.id());
        }
    }

    @Test
    void everyRegionTheSdkNamesHasItsOwnMetadata() {
        for (Region region : Region.regions()) {
            assertEquals(region.id(), provider.regionMetadata(region).id());
        }
        assertEquals(UsEast1.class, RegionMetadata.of(Region.US_EAST_1).getClass());
    }

    @Test
    void aRegionWithoutAMetadataClassGetsNone() {
        assertNull(provider.regionMetadata(Region.of("xx-nowhere-1")));
        assertNull(provider.regionMetadata(Region.of("US-EAST-1")));
    }

    /** The classes in the SDK jar's regionmetadata package, read from the jar itself. */
    private static List<String> sdkRegionMetadataClasses() throws Exception {
        File sdkJar = new File(UsEast1.class
                .getProtectionDomain()
                .getCodeSource()
                .getLocation()
                .toURI());
        List<String> names = new ArrayList<>();
        try (JarFile jar = new JarFile(sdkJar)) {
            jar.stream()
                    .map(JarEntry::getName)
                    .filter(n -> n.startsWith("software/amazon/awssdk/regions/regionmetadata/") && n.endsWith(".class"))
                    .forEach(n -> names.add(n.replace('/', '.').substring(0, n.length() - ".class".length())));
        }
        return names;
    }
}
