package com.amazonaws.livestreaming.cfn;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Maps {@code Custom::<Kind>} to its manager. Managers are built on first use, so a cold start for one kind does
 * not build the clients of the others.
 */
public final class Registry {
    private final Map<String, Supplier<ResourceManager>> factories;
    private final Map<String, ResourceManager> built = new java.util.concurrent.ConcurrentHashMap<>();

    public Registry(Map<String, Supplier<ResourceManager>> factories) {
        this.factories = new LinkedHashMap<>(Objects.requireNonNull(factories, "factories"));
    }

    public Optional<ResourceManager> find(String kind) {
        Supplier<ResourceManager> factory = factories.get(kind);
        return factory == null ? Optional.empty() : Optional.of(built.computeIfAbsent(kind, k -> factory.get()));
    }

    public Set<String> kinds() {
        return factories.keySet();
    }
}
