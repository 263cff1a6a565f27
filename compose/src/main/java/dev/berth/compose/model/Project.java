package dev.berth.compose.model;

import dev.berth.compose.internal.LoadResult;
import dev.berth.compose.internal.ProjectAccess;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A loaded Compose project: immutable, normalized, with the services of the active profiles. Render it with
 * {@link #toJson()} / {@link #toYaml()} to get what {@code docker compose config} prints.
 */
public final class Project {
    static {
        ProjectAccess.register(Project::new);
    }

    private final String name;
    private final Path workingDir;
    private final List<Path> configFiles;
    private final Map<String, String> environment;
    private final Map<String, Service> services;
    private final Map<String, Service> disabledServices;
    private final Map<String, Network> networks;
    private final Map<String, Volume> volumes;
    private final Map<String, FileObject> secrets;
    private final Map<String, FileObject> configs;
    private final Map<String, Object> extensions;
    private final List<String> warnings;
    private final LoadResult source;

    /** Assembled by the loader (through {@link ProjectAccess}); callers get projects from {@code Compose.load}. */
    private Project(LoadResult source, Map<String, Service> services, Map<String, Service> disabledServices,
                   Map<String, Network> networks, Map<String, Volume> volumes, Map<String, FileObject> secrets,
                   Map<String, FileObject> configs, Map<String, Object> extensions) {
        this.source = source;
        this.name = source.name();
        this.workingDir = source.workingDir();
        this.configFiles = List.copyOf(source.files());
        this.environment = Map.copyOf(source.environment());
        this.services = services;
        this.disabledServices = disabledServices;
        this.networks = networks;
        this.volumes = volumes;
        this.secrets = secrets;
        this.configs = configs;
        this.extensions = extensions;
        this.warnings = List.copyOf(source.warnings());
    }

    /** The project name: {@code -p}, COMPOSE_PROJECT_NAME, {@code name:} or the directory name. */
    public String name() {
        return name;
    }

    /** The project directory, against which relative paths were resolved. */
    public Path workingDir() {
        return workingDir;
    }

    /** The compose files loaded, in order. */
    public List<Path> configFiles() {
        return configFiles;
    }

    /** The project environment used for interpolation (process environment over .env files). */
    public Map<String, String> environment() {
        return environment;
    }

    /** Services of the active profiles, sorted by name. */
    public Map<String, Service> services() {
        return services;
    }

    /** The service named {@code name} among the active ones. */
    public Optional<Service> service(String name) {
        return Optional.ofNullable(services.get(name));
    }

    /** Services left out because none of their profiles is active. */
    public Map<String, Service> disabledServices() {
        return disabledServices;
    }

    /** Networks used by active services. */
    public Map<String, Network> networks() {
        return networks;
    }

    /** Named volumes used by active services. */
    public Map<String, Volume> volumes() {
        return volumes;
    }

    /** Secrets used by active services. */
    public Map<String, FileObject> secrets() {
        return secrets;
    }

    /** Configs used by active services. */
    public Map<String, FileObject> configs() {
        return configs;
    }

    /** Top-level {@code x-} extensions. */
    public Map<String, Object> extensions() {
        return extensions;
    }

    /** Warnings Compose would print while loading (unset variables, obsolete version, …), in Compose's words. */
    public List<String> warnings() {
        return warnings;
    }

    /** The project as {@code docker compose config --format json} prints it. */
    public String toJson() {
        return source.toJson();
    }

    /** The project as {@code docker compose config --format yaml} prints it. */
    public String toYaml() {
        return source.toYaml();
    }

    @Override
    public String toString() {
        return "Project[name=" + name + ", services=" + services.keySet() + "]";
    }
}
