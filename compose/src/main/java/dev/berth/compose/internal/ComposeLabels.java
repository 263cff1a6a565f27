package dev.berth.compose.internal;

/** The {@code com.docker.compose.*} labels, spelled as Docker Compose v2 ({@code pkg/api/labels.go}). */
public final class ComposeLabels {
    public static final String PROJECT = "com.docker.compose.project";
    public static final String SERVICE = "com.docker.compose.service";
    public static final String CONFIG_HASH = "com.docker.compose.config-hash";
    public static final String NUMBER = "com.docker.compose.container-number";
    public static final String VOLUME = "com.docker.compose.volume";
    public static final String NETWORK = "com.docker.compose.network";
    public static final String WORKING_DIR = "com.docker.compose.project.working_dir";
    public static final String CONFIG_FILES = "com.docker.compose.project.config_files";
    public static final String ENV_FILE = "com.docker.compose.project.environment_file";
    public static final String ONEOFF = "com.docker.compose.oneoff";
    public static final String SLUG = "com.docker.compose.slug";
    public static final String IMAGE = "com.docker.compose.image";
    public static final String DEPENDS_ON = "com.docker.compose.depends_on";
    public static final String VERSION = "com.docker.compose.version";
    public static final String REPLACE = "com.docker.compose.replace";
    /**
     * The version Berth writes in {@link #VERSION}: the Docker Compose release whose behaviour it reproduces. Compose
     * only records this label; it never compares it, so containers from either tool are treated alike.
     */
    public static final String COMPOSE_VERSION = "2.26.1";

    private ComposeLabels() {
    }
}
