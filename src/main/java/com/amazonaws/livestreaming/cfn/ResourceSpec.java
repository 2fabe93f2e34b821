package com.amazonaws.livestreaming.cfn;

import java.util.Objects;
import java.util.Set;

/**
 * The contract between a manager and the template: which properties it reads and which attributes it can put in
 * Data. The template test checks every {@code !GetAtt} and every property against it, so a typo fails the build
 * instead of a user's stack.
 *
 * @param kind       the part after {@code Custom::}
 * @param properties every property the manager reads (ServiceToken and ServiceTimeout are implied)
 * @param attributes every key the manager may return in Data
 * @param apiCalls   every AWS API call the manager may make, as {@code Service:Operation} with the SDK's service
 *                   name and operation name (e.g. {@code MediaLive:CreateChannel}); the IAM test derives the
 *                   Lambda role's permissions from these, and each manager's wire tests check it calls no other
 */
public record ResourceSpec(String kind, Set<String> properties, Set<String> attributes, Set<String> apiCalls) {
    public ResourceSpec {
        Objects.requireNonNull(kind, "kind");
        properties = Set.copyOf(properties);
        attributes = Set.copyOf(attributes);
        apiCalls = Set.copyOf(apiCalls);
    }
}
