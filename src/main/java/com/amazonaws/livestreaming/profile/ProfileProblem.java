package com.amazonaws.livestreaming.profile;

/**
 * One thing wrong with a profile, located by its JSON path ({@code $.VideoDescriptions[2].Width}) so a user can
 * find it in the file they pasted from {@code aws medialive describe-channel}.
 */
public record ProfileProblem(String path, String message) {

    @Override
    public String toString() {
        return path + ": " + message;
    }
}
