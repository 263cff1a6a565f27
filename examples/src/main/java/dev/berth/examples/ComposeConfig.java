package dev.berth.examples;

import dev.berth.compose.Compose;
import dev.berth.compose.ComposeFileException;
import dev.berth.compose.LoadOptions;
import dev.berth.compose.model.Project;

import java.nio.file.Path;

/**
 * Prints a Compose project like {@code docker compose config}: {@code ComposeConfig [-f FILE]... [-p NAME]
 * [--profile P]... [--env-file F]... [--project-directory DIR] [config] [--no-interpolate] [--format json|yaml]
 * [-q] [--services | --volumes | --profiles | --images] [-o FILE]}, with Docker Compose v2.26's meanings: {@code -q}
 * only validates, the listing flags print one entry per line (names sorted; images in the order of their services'
 * names) and {@code -o} writes to a file.
 * Warnings go to stderr; a bad file exits with status 15 and the located message.
 */
public final class ComposeConfig {
    private ComposeConfig() {
    }

    public static void main(String[] args) {
        LoadOptions.Builder b = LoadOptions.builder();
        String format = "yaml";
        String listing = null;
        boolean quiet = false;
        Path output = null;
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            String value = null;
            int eq = a.indexOf('=');
            if (a.startsWith("--") && eq > 0) {
                value = a.substring(eq + 1);
                a = a.substring(0, eq);
            }
            switch (a) {
                case "-f", "--file" -> b.file(Path.of(value != null ? value : args[++i]));
                case "-p", "--project-name" -> b.projectName(value != null ? value : args[++i]);
                case "--profile" -> b.profile(value != null ? value : args[++i]);
                case "--env-file" -> b.envFile(Path.of(value != null ? value : args[++i]));
                case "--project-directory" -> b.projectDirectory(Path.of(value != null ? value : args[++i]));
                case "--no-interpolate" -> b.interpolate(false);
                case "--format" -> format = value != null ? value : args[++i];
                case "-q", "--quiet" -> quiet = true;
                case "--services", "--volumes", "--profiles", "--images" -> listing = a;
                case "-o", "--output" -> output = Path.of(value != null ? value : args[++i]);
                case "config" -> { }
                default -> {
                    System.err.println("unknown flag: " + a);
                    System.exit(2);
                }
            }
        }
        try {
            Project p = Compose.load(b.build());
            p.warnings().forEach(w -> System.err.println("WARN " + w));
            if (quiet) {
                return;
            }
            String text = listing != null ? String.join("", listing(p, listing).stream().map(n -> n + "\n").toList())
                    : "json".equals(format) ? p.toJson() : p.toYaml();
            if (output != null) {
                java.nio.file.Files.writeString(output, text);
                return;
            }
            java.io.PrintStream out = new java.io.PrintStream(new java.io.FileOutputStream(java.io.FileDescriptor.out), true,
                    java.nio.charset.StandardCharsets.UTF_8);
            out.print(text);
            out.flush();
        } catch (ComposeFileException e) {
            System.err.println(e.getMessage());
            System.exit(15);
        } catch (java.io.IOException e) {
            System.err.println("cannot write " + output + ": " + e.getMessage());
            System.exit(1);
        }
    }

    /** What {@code config --services} (and the other listing flags) print, in Compose's order. */
    static java.util.List<String> listing(Project p, String flag) {
        java.util.TreeSet<String> names = new java.util.TreeSet<>();
        switch (flag) {
            case "--services" -> names.addAll(p.services().keySet());
            case "--volumes" -> names.addAll(p.volumes().keySet());
            case "--profiles" -> {
                p.services().values().forEach(s -> names.addAll(s.profiles()));
                p.disabledServices().values().forEach(s -> names.addAll(s.profiles()));
            }
            case "--images" -> {
                // one line per service, by service name; a service without image: gets Compose's PROJECT-SERVICE
                return new java.util.TreeMap<>(p.services()).values().stream()
                        .map(s -> s.image() != null ? s.image() : p.name() + "-" + s.name()).toList();
            }
            default -> throw new IllegalArgumentException(flag);
        }
        return java.util.List.copyOf(names);
    }
}
