package software.amazon.awssdk.regions;

import java.util.Locale;
import java.util.Optional;

/**
 * How the project's metadata providers find one of the SDK's generated metadata classes by name instead of
 * instantiating all of them: the SDK names each after its Region or service in PascalCase.
 */
final class MetadataClasses {
    private MetadataClasses() {}

    /** {@code us-isob-east-1} becomes {@code UsIsobEast1}, {@code api.mediatailor} {@code ApiMediatailor}. */
    static String pascalCase(String id) {
        StringBuilder name = new StringBuilder();
        for (String part : id.split("[^A-Za-z0-9]+")) {
            if (!part.isEmpty()) {
                name.append(part.substring(0, 1).toUpperCase(Locale.ROOT)).append(part.substring(1));
            }
        }
        return name.toString();
    }

    /** An instance of the class {@code className} if it exists and is a {@code type}; empty otherwise. */
    static <T> Optional<T> instantiate(String className, Class<T> type) {
        try {
            Object metadata = Class.forName(className).getConstructor().newInstance();
            return type.isInstance(metadata) ? Optional.of(type.cast(metadata)) : Optional.empty();
        } catch (ReflectiveOperationException | LinkageError notThere) {
            return Optional.empty();
        }
    }
}
