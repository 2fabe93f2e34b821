package com.amazonaws.livestreaming.houserules;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Types are package-private unless another package (or the runtime, by name) needs them. */
class PublicTypesTest {
    @TempDir
    Path repo;

    @Test
    void everyPublicMainTypeIsUsedByAnotherPackageOrNamedByTheRuntime() {
        assertEquals(
                List.of(),
                PublicTypes.unusedOutsideTheirPackage(Paths.get("")),
                "public types that no other package uses: make them package-private");
    }

    @Test
    void aPublicTypeUsedOnlyInItsOwnPackageIsReported() throws IOException {
        write("src/main/java/a/Lonely.java", "package a;\n\npublic final class Lonely {\n}\n");
        write("src/main/java/a/Neighbour.java", "package a;\n\nfinal class Neighbour {\n    Lonely lonely;\n}\n");
        write("pom.xml", "<project/>");

        assertEquals(List.of("a.Lonely"), PublicTypes.unusedOutsideTheirPackage(repo));
    }

    @Test
    void aPublicTypeImportedByATestOfAnotherPackageIsNotReported() throws IOException {
        write("src/main/java/a/Shared.java", "package a;\n\npublic record Shared(String name) {\n}\n");
        write(
                "src/test/java/b/UserTest.java",
                "package b;\n\nimport a.Shared;\n\nclass UserTest {\n    Shared s;\n}\n");
        write("pom.xml", "<project/>");

        assertEquals(List.of(), PublicTypes.unusedOutsideTheirPackage(repo));
    }

    @Test
    void aPublicTypeTheRuntimeLoadsByNameIsNotReported() throws IOException {
        write("src/main/java/a/Provider.java", "package a;\n\npublic final class Provider {\n}\n");
        write("src/main/resources/META-INF/services/x.Spi", "a.Provider\n");
        write("pom.xml", "<project/>");

        assertEquals(List.of(), PublicTypes.unusedOutsideTheirPackage(repo));
    }

    private void write(String path, String text) throws IOException {
        Path file = repo.resolve(path);
        Files.createDirectories(file.getParent());
        Files.writeString(file, text);
    }
}
