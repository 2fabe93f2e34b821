package software.amazon.awssdk.regions;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import com.amazonaws.livestreaming.aws.AwsClients;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.SdkClient;
import software.amazon.awssdk.regions.servicemetadata.MedialiveServiceMetadata;

/** The project's GeneratedServiceMetadataProvider gives each service the SDK's own metadata, loading only that. */
class ServiceMetadataOnDemandTest {
    @Test
    void everyClientOfTheFunctionGetsItsServicesOwnMetadata() throws Exception {
        AwsClients clients = new AwsClients(new AwsClients.Settings(
                Region.US_EAST_1,
                Optional.of(URI.create("http://127.0.0.1:9")),
                StaticCredentialsProvider.create(AwsBasicCredentials.create("AKIDEXAMPLE", "notARealSecretKey")),
                1,
                Duration.ofSeconds(1),
                List.of()));
        for (SdkClient client : clients.all()) {
            String prefix = null;
            for (Class<?> face : client.getClass().getInterfaces()) {
                if (SdkClient.class.isAssignableFrom(face)) {
                    prefix = (String) face.getField("SERVICE_METADATA_ID").get(null);
                }
            }
            ServiceMetadata metadata = ServiceMetadata.of(prefix);
            assertFalse(metadata instanceof DefaultServiceMetadata, prefix + " got the generic metadata");
            assertEquals(
                    GeneratedServiceMetadataProvider.className(prefix),
                    metadata.getClass().getSimpleName());
        }
    }

    @Test
    void theSdksNamingOfMetadataClassesIsFollowed() {
        assertInstanceOf(MedialiveServiceMetadata.class, ServiceMetadata.of("medialive"));
        assertEquals("ApiMediatailorServiceMetadata", GeneratedServiceMetadataProvider.className("api.mediatailor"));
        assertEquals("AccessAnalyzerServiceMetadata", GeneratedServiceMetadataProvider.className("access-analyzer"));
    }

    @Test
    void aServiceWithoutAMetadataClassGetsTheGenericOne() {
        assertInstanceOf(DefaultServiceMetadata.class, ServiceMetadata.of("no-such-service"));
    }
}
