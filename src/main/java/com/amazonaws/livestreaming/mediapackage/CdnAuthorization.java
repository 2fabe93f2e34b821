package com.amazonaws.livestreaming.mediapackage;

import com.amazonaws.livestreaming.aws.IamRoleArn;
import com.amazonaws.livestreaming.cfn.InvalidPropertyException;
import com.amazonaws.livestreaming.cfn.Properties;
import java.util.Optional;
import java.util.regex.Pattern;
import software.amazon.awssdk.services.mediapackage.model.Authorization;

/**
 * MediaPackage CDN authorization of one origin endpoint: with it, MediaPackage serves only requests whose
 * {@code X-MediaPackage-CDNIdentifier} header matches the {@code MediaPackageCDNIdentifier} of the secret (its
 * current or previous version), which MediaPackage reads through the role; without the header a viewer who found
 * the origin URL gets 403, so playback has to go through the CDN that sends it.
 *
 * <p>Both properties, or neither: {@code CdnIdentifierSecret} (the secret's ARN) and {@code SecretsRoleArn} (the
 * role MediaPackage assumes to read it). Only ARNs are handled here, never the identifier itself.
 */
record CdnAuthorization(String secretArn, String roleArn) {
    static final String CDN_IDENTIFIER_SECRET = "CdnIdentifierSecret";
    static final String SECRETS_ROLE_ARN = "SecretsRoleArn";

    private static final Pattern SECRET =
            Pattern.compile("arn:aws[a-z-]*:secretsmanager:[a-z]{2}(?:-[a-z]+)+-\\d+:\\d{12}:secret:[\\w/+=.@-]+");

    /**
     * What an update sends to turn authorization off. Leaving the block out of an UpdateOriginEndpoint keeps the
     * endpoint's current authorization (an update changes only what it names), so "off" is said explicitly, as
     * empty values; the manager then checks that MediaPackage's answer has no authorization left.
     */
    static final Authorization REMOVED =
            Authorization.builder().cdnIdentifierSecret("").secretsRoleArn("").build();

    static Optional<CdnAuthorization> from(Properties properties) {
        Optional<String> secret = properties.optional(CDN_IDENTIFIER_SECRET);
        Optional<String> role = properties.optional(SECRETS_ROLE_ARN);
        if (secret.isEmpty() && role.isEmpty()) {
            return Optional.empty();
        }
        if (secret.isEmpty() || role.isEmpty()) {
            String missing = secret.isEmpty() ? CDN_IDENTIFIER_SECRET : SECRETS_ROLE_ARN;
            String given = secret.isEmpty() ? SECRETS_ROLE_ARN : CDN_IDENTIFIER_SECRET;
            throw new InvalidPropertyException(
                    missing,
                    missing + " is required when " + given + " is set: CDN "
                            + "authorization needs the secret's ARN and the role MediaPackage reads it with");
        }
        return Optional.of(new CdnAuthorization(
                properties.matching(
                        CDN_IDENTIFIER_SECRET,
                        SECRET,
                        "it must be the ARN of a Secrets Manager secret "
                                + "(arn:aws:secretsmanager:<region>:<account>:secret:<name>) in the endpoint's Region"),
                properties.matching(
                        SECRETS_ROLE_ARN,
                        IamRoleArn.pattern(),
                        "it must be an IAM role ARN (" + IamRoleArn.FORM + ") that MediaPackage may assume")));
    }

    /** Whether MediaPackage reports authorization on an endpoint (a block with a secret in it). */
    static boolean isOn(Authorization reported) {
        return reported != null
                && reported.cdnIdentifierSecret() != null
                && !reported.cdnIdentifierSecret().isBlank();
    }

    Authorization toSdk() {
        return Authorization.builder()
                .cdnIdentifierSecret(secretArn)
                .secretsRoleArn(roleArn)
                .build();
    }
}
