package dev.berth.dockerfile;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Random;
import java.util.function.Supplier;

/** A seeded generator of random Dockerfile models, biased towards characters that need quoting or escaping. */
final class RandomDockerfiles {
    private static final String NASTY = " \t\"'$\\`{}#=[],<>-:/@!*?;&|()\u00e9\u2603\u00a0";
    private static final String PLAIN = "abcxyzABC019_./";

    private final Random random;
    int refused;

    RandomDockerfiles(long seed) {
        this.random = new Random(seed);
    }

    Dockerfile next() {
        List<Directive> directives = new ArrayList<>();
        if (random.nextInt(3) == 0) {
            directives.add(new Directive(Directive.Name.ESCAPE, random.nextBoolean() ? "`" : "\\"));
        }
        if (random.nextInt(3) == 0) {
            directives.add(new Directive(Directive.Name.SYNTAX, "docker/dockerfile:1." + random.nextInt(20)));
        }
        if (random.nextInt(5) == 0) {
            directives.add(new Directive(Directive.Name.CHECK, "skip=JSONArgsRecommended"));
        }
        List<Statement> statements = new ArrayList<>();
        int n = 1 + random.nextInt(25);
        for (int i = 0; i < n; i++) {
            Statement s = attempt(this::statement);
            if (s != null) {
                statements.add(s);
            }
        }
        return Dockerfile.of(directives, statements);
    }

    private <T> T attempt(Supplier<T> make) {
        try {
            return make.get();
        } catch (DockerfileValueException e) {
            refused++;
            return null;
        }
    }

    Statement statement() {
        return switch (random.nextInt(22)) {
            case 0 -> new Comment(text(false));
            case 1 -> new BlankLine();
            default -> instruction(true);
        };
    }

    @SuppressWarnings("deprecation")
    Instruction instruction(boolean allowOnbuild) {
        return switch (random.nextInt(allowOnbuild ? 19 : 18)) {
            case 0 -> new From(word(), opt(this::word), opt(() -> "s" + word().replaceAll("[^a-zA-Z0-9_.-]", "")));
            case 1 -> run();
            case 2 -> new Cmd(command());
            case 3 -> new Entrypoint(command());
            case 4 -> new Shell(list(1));
            case 5 -> new Label(pairs());
            case 6 -> new Env(pairs());
            case 7 -> new Arg(List.of(new Arg.Variable("A" + random.nextInt(99), opt(() -> text(false))),
                    new Arg.Variable("b_" + random.nextInt(9), opt(() -> text(false)))));
            case 8 -> new Expose(List.of(new ExposedPort(Integer.toString(random.nextInt(65536)),
                    Protocol.values()[random.nextInt(3)]), ExposedPort.range(1000, 1000 + random.nextInt(99),
                    Protocol.UDP), new ExposedPort("${PORT}", Protocol.TCP)));
            case 9 -> copy();
            case 10 -> new Add(list(1), text(false), opt(this::word), opt(this::word), opt(this::word),
                    random.nextBoolean(), random.nextBoolean(), random.nextBoolean() ? Optional.of(random.nextBoolean())
                    : Optional.empty(), random.nextBoolean() ? List.of(word()) : List.of(), List.of());
            case 11 -> new Volume(list(1));
            case 12 -> new User(text(false));
            case 13 -> new Workdir(text(false));
            case 14 -> new StopSignal(text(false));
            case 15 -> healthcheck();
            case 16 -> new Maintainer(text(false));
            case 17 -> new Copy(List.of("<<EOF"), "/" + word(), Optional.empty(), Optional.empty(), Optional.empty(),
                    false, false, List.of(), List.of(Heredoc.of("EOF", text(false) + "\n" + text(false) + "\n")));
            default -> new Onbuild(instruction(false));
        };
    }

    private Run run() {
        List<Mount> mounts = new ArrayList<>();
        if (random.nextBoolean()) {
            mounts.add(Mount.cache("/c" + word().replaceAll("[^a-z0-9/]", "")).sharing(Mount.Sharing.LOCKED).id("x"));
        }
        if (random.nextInt(3) == 0) {
            mounts.add(Mount.secret("tok").target("/run/t").required(true));
        }
        if (random.nextInt(4) == 0) {
            mounts.add(Mount.bind("/src").from("build").readwrite(true));
            mounts.add(Mount.tmpfs("/tmp").size("64m"));
            mounts.add(Mount.ssh().id("default"));
        }
        Optional<NetworkMode> net = random.nextBoolean() ? Optional.of(NetworkMode.values()[random.nextInt(3)])
                : Optional.empty();
        Optional<SecurityMode> sec = random.nextInt(4) == 0 ? Optional.of(SecurityMode.INSECURE) : Optional.empty();
        if (random.nextInt(4) == 0) {
            String body = text(false) + "\n\t" + text(false) + "\n";
            boolean chomp = random.nextBoolean();
            boolean expand = random.nextBoolean();
            Heredoc h = new Heredoc("EOT", body, chomp, expand);
            return new Run(Command.shell("bash " + h.marker() + " && echo " + word()), mounts, net, sec, List.of(h));
        }
        return new Run(command(), mounts, net, sec, List.of());
    }

    private Copy copy() {
        return new Copy(list(1), text(false), opt(this::word), opt(this::word), opt(this::word), random.nextBoolean(),
                random.nextBoolean(), random.nextBoolean() ? List.of(word(), word()) : List.of(), List.of());
    }

    private Healthcheck healthcheck() {
        if (random.nextInt(4) == 0) {
            return Healthcheck.none();
        }
        return new Healthcheck(Optional.of(command()), dur(), dur(), dur(), dur(),
                random.nextBoolean() ? OptionalInt.of(random.nextInt(10)) : OptionalInt.empty());
    }

    private Optional<Duration> dur() {
        return random.nextBoolean() ? Optional.of(Duration.ofMillis(random.nextInt(5_000_000))) : Optional.empty();
    }

    private Command command() {
        if (random.nextBoolean()) {
            return Command.exec(list(0));
        }
        StringBuilder script = new StringBuilder(text(false));
        while (random.nextInt(3) == 0) {
            script.append(random.nextBoolean() ? " \n  " : "\n").append(text(false));
        }
        return Command.shell(script.toString());
    }

    private List<KeyValue> pairs() {
        List<KeyValue> out = new ArrayList<>();
        int n = 1 + random.nextInt(3);
        for (int i = 0; i < n; i++) {
            out.add(new KeyValue(random.nextInt(4) == 0 ? text(false) : word(), text(true)));
        }
        return out;
    }

    private List<String> list(int min) {
        List<String> out = new ArrayList<>();
        int n = min + random.nextInt(4);
        for (int i = 0; i < n; i++) {
            out.add(random.nextInt(3) == 0 ? text(true) : word());
        }
        return out;
    }

    private <T> Optional<T> opt(Supplier<T> s) {
        return random.nextBoolean() ? Optional.of(s.get()) : Optional.empty();
    }

    private String word() {
        StringBuilder b = new StringBuilder();
        int n = 1 + random.nextInt(8);
        for (int i = 0; i < n; i++) {
            b.append(PLAIN.charAt(random.nextInt(PLAIN.length())));
        }
        return b.toString();
    }

    /** Random text mixing plain and awkward characters, occasionally empty and with variable references. */
    private String text(boolean allowEmpty) {
        if (allowEmpty && random.nextInt(10) == 0) {
            return "";
        }
        StringBuilder b = new StringBuilder();
        int n = 1 + random.nextInt(12);
        for (int i = 0; i < n; i++) {
            int kind = random.nextInt(10);
            if (kind < 5) {
                b.append(PLAIN.charAt(random.nextInt(PLAIN.length())));
            } else if (kind < 9) {
                b.append(NASTY.charAt(random.nextInt(NASTY.length())));
            } else {
                b.append(random.nextBoolean() ? "$HOME" : "${X:-y}");
            }
        }
        return b.toString();
    }
}
