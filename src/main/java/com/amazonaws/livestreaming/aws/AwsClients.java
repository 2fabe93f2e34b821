package com.amazonaws.livestreaming.aws;

import com.amazonaws.livestreaming.cfn.Arguments;
import com.amazonaws.livestreaming.cfn.ConfigurationException;
import java.lang.reflect.Method;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.ContainerCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.EnvironmentVariableCredentialsProvider;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.core.SdkClient;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.medialive.MediaLiveClient;
import software.amazon.awssdk.services.mediapackage.MediaPackageClient;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.ssm.SsmClient;

/**
 * The AWS clients, each built once per container on first use. Region, credentials provider and HTTP client are
 * set explicitly: the SDK's own discovery chains cost hundreds of milliseconds on a cold start. The URL-connection
 * client is the only HTTP client (no Netty, no Apache). {@code AWS_ENDPOINT_URL} points every client at another
 * endpoint (a local emulator, or WireMock in tests). Throttling (MediaLive's TooManyRequestsException, HTTP 429),
 * 5xx answers, broken connections and attempts that get no answer in time ({@link CallTiming}) are retried by the
 * SDK's standard strategy with backoff, with more attempts than its default. Every client can be
 * {@linkplain #loopback() routed} to an in-process endpoint for SnapStart priming.
 */
public final class AwsClients {
    /** Everything that decides how a client talks to AWS. */
    public record Settings(
            Region region,
            Optional<URI> endpoint,
            AwsCredentialsProvider credentials,
            int maxAttempts,
            Duration apiCallTimeout,
            List<ExecutionInterceptor> interceptors,
            CallTiming timing) {

        public Settings {
            Objects.requireNonNull(region, "region");
            Objects.requireNonNull(endpoint, "endpoint");
            Objects.requireNonNull(credentials, "credentials");
            Arguments.atLeast(1, maxAttempts, "maxAttempts");
            Arguments.positive(apiCallTimeout, "apiCallTimeout");
            interceptors = List.copyOf(interceptors);
            Objects.requireNonNull(timing, "timing");
        }

        /** With the production {@link CallTiming}. */
        public Settings(
                Region region,
                Optional<URI> endpoint,
                AwsCredentialsProvider credentials,
                int maxAttempts,
                Duration apiCallTimeout,
                List<ExecutionInterceptor> interceptors) {
            this(region, endpoint, credentials, maxAttempts, apiCallTimeout, interceptors, CallTiming.PRODUCTION);
        }

        /**
         * From the standard variables: AWS_REGION (or AWS_DEFAULT_REGION), AWS_ENDPOINT_URL, and the credentials
         * Lambda gives: the key pair, or (with SnapStart, which has no key pair in the environment) the container
         * credentials endpoint. Only without either is the SDK's whole discovery chain used.
         */
        public static Settings fromEnvironment(Map<String, String> env) {
            String region = Optional.ofNullable(env.get("AWS_REGION"))
                    .filter(s -> !s.isBlank())
                    .or(() -> Optional.ofNullable(env.get("AWS_DEFAULT_REGION")).filter(s -> !s.isBlank()))
                    .orElseThrow(() -> new ConfigurationException("AWS_REGION is not set; set it (or"
                            + " AWS_DEFAULT_REGION) to the Region of the stack, e.g. AWS_REGION=us-east-1"));
            Optional<URI> endpoint = Optional.ofNullable(env.get("AWS_ENDPOINT_URL"))
                    .filter(s -> !s.isBlank())
                    .map(Settings::endpoint);
            AwsCredentialsProvider credentials = env.containsKey("AWS_ACCESS_KEY_ID")
                    ? EnvironmentVariableCredentialsProvider.create()
                    : env.containsKey("AWS_CONTAINER_CREDENTIALS_FULL_URI")
                            ? ContainerCredentialsProvider.builder().build()
                            : DefaultCredentialsProvider.builder().build();
            return new Settings(Region.of(region), endpoint, credentials, 8, Duration.ofSeconds(60), List.of());
        }

        private static URI endpoint(String url) {
            try {
                URI uri = new URI(url);
                if (("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) && uri.getHost() != null) {
                    return uri;
                }
            } catch (URISyntaxException e) {
                // reported below
            }
            throw new ConfigurationException("AWS_ENDPOINT_URL is '" + url + "'; it must be an http:// or https://"
                    + " URL with a host, e.g. http://127.0.0.1:4566");
        }
    }

    private final Settings settings;
    private final Loopback loopback = new Loopback();
    private final AwsCredentialsProvider credentials;
    private final Lazy<SdkHttpClient> http;
    private final Lazy<MediaLiveClient> mediaLive;
    private final Lazy<MediaPackageClient> mediaPackage;
    private final Lazy<SsmClient> ssm;
    private final Lazy<S3Client> s3;

    public AwsClients(Settings settings) {
        this.settings = settings;
        this.credentials = loopback.credentials(settings.credentials());
        this.http = new Lazy<>(() -> UrlConnectionHttpClient.builder()
                .connectionTimeout(Duration.ofSeconds(5))
                .socketTimeout(Duration.ofSeconds(30))
                .build());
        this.mediaLive = new Lazy<>(() -> configure(MediaLiveClient.builder()).build());
        this.mediaPackage =
                new Lazy<>(() -> configure(MediaPackageClient.builder()).build());
        this.ssm = new Lazy<>(() -> configure(SsmClient.builder()).build());
        this.s3 = new Lazy<>(() -> configure(S3Client.builder())
                .forcePathStyle(settings.endpoint().isPresent())
                .build());
    }

    public static AwsClients fromEnvironment() {
        return new AwsClients(Settings.fromEnvironment(System.getenv()));
    }

    public Settings settings() {
        return settings;
    }

    /** The switch that sends every call of these clients to an in-process endpoint (SnapStart priming). */
    public Loopback loopback() {
        return loopback;
    }

    /**
     * Builds (if not yet built) and returns every client, one per AWS service this function calls: whatever this
     * class offers, found by its accessors' return types, so a client added later is included without a list to
     * keep.
     */
    public List<SdkClient> all() {
        List<SdkClient> clients = new ArrayList<>();
        for (Method accessor : AwsClients.class.getMethods()) {
            if (accessor.getParameterCount() == 0 && SdkClient.class.isAssignableFrom(accessor.getReturnType())) {
                try {
                    clients.add((SdkClient) accessor.invoke(this));
                } catch (ReflectiveOperationException e) {
                    throw new IllegalStateException("cannot build the client of " + accessor.getName(), e);
                }
            }
        }
        return clients;
    }

    public MediaLiveClient mediaLive() {
        return mediaLive.get();
    }

    public MediaPackageClient mediaPackage() {
        return mediaPackage.get();
    }

    public SsmClient ssm() {
        return ssm.get();
    }

    public S3Client s3() {
        return s3.get();
    }

    private <
                    B extends
                            AwsClientBuilder<B, C>
                                    & software.amazon.awssdk.awscore.client.builder.AwsSyncClientBuilder<B, C>,
                    C>
            B configure(B builder) {
        List<ExecutionInterceptor> interceptors = new ArrayList<>(settings.interceptors());
        interceptors.add(0, new InvocationGuard()); // no call for an invocation that has already been answered
        interceptors.add(1, new CallTimeLimit(settings.apiCallTimeout())); // no call outlives the function
        interceptors.add(loopback.interceptor());
        interceptors.add(new CallNaming());
        ClientOverrideConfiguration.Builder override = ClientOverrideConfiguration.builder();
        if (settings.timing().timers() != null) {
            override.scheduledExecutorService(settings.timing().timers());
        }
        builder.region(settings.region())
                .credentialsProvider(credentials)
                .httpClient(http.get())
                .overrideConfiguration(override.retryStrategy(AwsRetryStrategy.standardRetryStrategy().toBuilder()
                                .maxAttempts(settings.maxAttempts())
                                .backoffStrategy(settings.timing().backoff())
                                .throttlingBackoffStrategy(settings.timing().throttlingBackoff())
                                // The circuit breaker stops retrying once 100 retries have failed, until 500 calls
                                // have succeeded: after one throttling storm (a long wait for a channel) a container
                                // would fail its next calls at the first throttle. Every retry here is already
                                // bounded by maxAttempts, the call timeout and the invocation's time budget.
                                .circuitBreakerEnabled(false)
                                .build())
                        .apiCallTimeout(settings.apiCallTimeout())
                        .apiCallAttemptTimeout(settings.timing().attemptTimeout())
                        .executionInterceptors(interceptors)
                        .build());
        settings.endpoint().ifPresent(builder::endpointOverride);
        return builder;
    }
}
