package io.rapport.deploy.kubernetes;

import java.nio.file.Path;

/** Where things are: this module's folder (deploy/kubernetes), the repository root and the build directory. */
final class Project {

    private Project() {
    }

    /** deploy/kubernetes: the Kustomize base and overlays. */
    static Path deployDir() {
        return Path.of(System.getProperty("rapport.deploy.dir", System.getProperty("user.dir"))).toAbsolutePath();
    }

    /** The repository root, which holds the services' sources and their configuration. */
    static Path repoDir() {
        String dir = System.getProperty("rapport.repo.dir");
        return (dir != null ? Path.of(dir) : deployDir().resolve("../..")).toAbsolutePath().normalize();
    }

    /** target/ of this module, for generated files. */
    static Path buildDir() {
        return Path.of(System.getProperty("rapport.build.dir", deployDir().resolve("target").toString()));
    }
}
