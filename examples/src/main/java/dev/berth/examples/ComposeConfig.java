package dev.berth.examples;

import dev.berth.compose.Compose;
import dev.berth.compose.ComposeFileException;
import dev.berth.compose.LoadOptions;
import dev.berth.compose.model.Project;

import java.nio.file.Path;

/**
 * Prints a Compose project like {@code docker compose config}: {@code ComposeConfig [-f FILE]... [-p NAME]
 * [--profile P]... [--env-file F]... [--project-directory DIR] [--no-interpolate] [--format json|yaml]}.
 * Warnings go to stderr; a bad file exits with status 15 and the located message.
 */
public final class ComposeConfig {
    private ComposeConfig() {
    }

    public static void main(String[] args) {
        LoadOptions.Builder b = LoadOptions.builder();
        String format = "yaml";
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
            java.io.PrintStream out = new java.io.PrintStream(new java.io.FileOutputStream(java.io.FileDescriptor.out), true,
                    java.nio.charset.StandardCharsets.UTF_8);
            out.print("json".equals(format) ? p.toJson() : p.toYaml());
            out.flush();
        } catch (ComposeFileException e) {
            System.err.println(e.getMessage());
            System.exit(15);
        }
    }
}
