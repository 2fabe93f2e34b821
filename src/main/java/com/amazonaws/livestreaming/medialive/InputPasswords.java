package com.amazonaws.livestreaming.medialive;

import com.amazonaws.livestreaming.cfn.Properties;
import java.util.Optional;

/**
 * The pull-source passwords from the template. They travel only from here into SSM Parameter Store: this record's
 * {@code toString} masks them, they are never put in Data, and MediaLive receives only the parameter names.
 *
 * @param primary   the primary source's password, when given
 * @param secondary the secondary source's password, when given (and the input has a secondary source)
 */
record InputPasswords(Optional<String> primary, Optional<String> secondary) {
    public static final InputPasswords NONE = new InputPasswords(Optional.empty(), Optional.empty());

    /** The passwords of the pull sources {@code settings} has; none for other input types. */
    public static InputPasswords from(Properties properties, InputSettings settings) {
        Optional<String> primary = Optional.empty();
        Optional<String> secondary = Optional.empty();
        for (InputSettings.PullSource source : settings.pullSources()) {
            if (source.hasPassword()) {
                Optional<String> value = properties.optional(source.pipeline().property("Pass"));
                if (source.pipeline() == Pipeline.PRIMARY) {
                    primary = value;
                } else {
                    secondary = value;
                }
            }
        }
        return new InputPasswords(primary, secondary);
    }

    public Optional<String> of(Pipeline pipeline) {
        return pipeline == Pipeline.PRIMARY ? primary : secondary;
    }

    @Override
    public String toString() {
        return "InputPasswords[primary=" + primary.map(p -> "****").orElse("none") + ", secondary="
                + secondary.map(p -> "****").orElse("none") + "]";
    }
}
