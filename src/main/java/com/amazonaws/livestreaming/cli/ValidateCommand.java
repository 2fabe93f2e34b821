package com.amazonaws.livestreaming.cli;

import com.amazonaws.livestreaming.profile.EncodingProfiles;
import com.amazonaws.livestreaming.profile.InvalidProfileException;
import com.amazonaws.livestreaming.profile.Packager;
import com.amazonaws.livestreaming.profile.ProfileProblem;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code validate FILE...}: checks profiles on a workstation exactly as the channel manager will, so a user finds
 * every problem, with its JSON path, before uploading the profile and waiting for a stack to roll back.
 */
final class ValidateCommand {
    private final PrintStream out;

    ValidateCommand(PrintStream out) {
        this.out = out;
    }

    /**
     * Prints {@code FILE: OK} or one {@code FILE: $.path: message} line per problem; 1 when any file has one.
     * {@code --packager v2} checks each profile also as rendered for MediaPackage v2 (CMAF ingest).
     */
    int run(List<String> args) {
        Packager packager = Packager.V1;
        List<String> files = new ArrayList<>(args);
        int option = files.indexOf("--packager");
        if (option >= 0) {
            if (option + 1 >= files.size() || !Packager.VALUES.contains(files.get(option + 1))) {
                throw new Main.UsageException("--packager needs one of " + String.join(", ", Packager.VALUES));
            }
            packager = Packager.of(files.remove(option + 1));
            files.remove(option);
        }
        if (files.isEmpty()) {
            throw new Main.UsageException("validate needs at least one profile file");
        }
        boolean allValid = true;
        for (String file : files) {
            allValid &= validate(file, packager);
        }
        return allValid ? 0 : 1;
    }

    private boolean validate(String file, Packager packager) {
        byte[] json;
        try {
            json = Files.readAllBytes(Path.of(file));
        } catch (IOException e) {
            out.println(file + ": cannot read: " + e.getMessage());
            return false;
        }
        try {
            EncodingProfiles.render(EncodingProfiles.read(file, json), packager);
            out.println(file + ": OK");
            return true;
        } catch (InvalidProfileException e) {
            for (ProfileProblem problem : e.problems()) {
                out.println(file + ": " + problem);
            }
            return false;
        }
    }
}
