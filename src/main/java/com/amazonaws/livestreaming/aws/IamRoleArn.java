package com.amazonaws.livestreaming.aws;

import java.util.regex.Pattern;

/**
 * The one rule for an IAM role ARN that a property may name, so every resource accepts and refuses the same
 * strings: any partition ({@code aws}, {@code aws-cn}, {@code aws-us-gov}, ...), a 12-digit account, an optional
 * path and a role name of IAM's characters ({@code [A-Za-z0-9+=,.@_-]}, 1 to 64 of them). IAM checks the rest
 * when the role is used; this only stops a value that can never be a role ARN before anything is created.
 */
public final class IamRoleArn {
    /** What an error message shows as the expected form. */
    public static final String FORM = "arn:aws:iam::<account>:role/<name>";

    private static final Pattern PATTERN =
            Pattern.compile("arn:aws(?:-[a-z]+)*:iam::\\d{12}:role/(?:[\\x21-\\x7E]*/)?[\\w+=,.@-]{1,64}");

    private IamRoleArn() {}

    /** Whether {@code value} has the form of an IAM role ARN. */
    public static boolean isValid(String value) {
        return value != null && PATTERN.matcher(value).matches();
    }

    /** The pattern, for callers that validate through {@code Properties.matching}. */
    public static Pattern pattern() {
        return PATTERN;
    }
}
