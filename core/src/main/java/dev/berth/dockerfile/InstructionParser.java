package dev.berth.dockerfile;

import dev.berth.dockerfile.internal.Json;
import dev.berth.dockerfile.internal.Template;
import dev.berth.dockerfile.internal.Words;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalInt;

/** Turns one logical instruction line into its record, with BuildKit's per-instruction argument rules. */
final class InstructionParser {
    private final DockerfileParser parser;
    private final String fullLine;
    private final int lineNo;
    private final int column;
    private final String firstRaw;
    private final char escape;
    private final String marked;
    private String keyword;
    private FlagSet flags;

    InstructionParser(DockerfileParser parser, String joined, String marked, int lineNo, int column, String raw) {
        this.parser = parser;
        this.fullLine = joined;
        this.lineNo = lineNo;
        this.column = column;
        this.firstRaw = raw;
        this.escape = parser.escape();
        this.marked = marked;
    }

    Instruction parse() {
        try {
            return parse(fullLine, marked, false);
        } catch (DockerfileValueException e) {
            throw error(e.getMessage());
        }
    }

    private Instruction parse(String joined, String marked, boolean nested) {
        String line = Words.goStrip(joined);
        int k = 0;
        while (k < line.length() && !Words.isGoSpace(line.charAt(k))) {
            k++;
        }
        keyword = line.substring(0, k).toUpperCase(Locale.ROOT);
        int r = k;
        while (r < line.length() && Words.isGoSpace(line.charAt(r))) {
            r++;
        }
        Words.Flags split = Words.extractFlags(line.substring(r), escape);
        int argsStart = r + split.restOffset();
        while (argsStart < line.length() && Words.isGoSpace(line.charAt(argsStart))) {
            argsStart++;
        }
        String args = Words.goStrip(split.rest());
        String markedArgs = Words.goStrip(markedSuffix(Words.goStripLeading(marked), argsStart));
        flags = new FlagSet(split.flags(), keyword, this::error);
        return switch (keyword) {
            case "FROM" -> from(args);
            case "RUN" -> run(args, markedArgs);
            case "CMD" -> new Cmd(command(args, markedArgs));
            case "ENTRYPOINT" -> new Entrypoint(command(args, markedArgs));
            case "SHELL" -> shell(args);
            case "LABEL" -> new Label(pairs(args));
            case "ENV" -> new Env(pairs(args));
            case "ARG" -> arg(args);
            case "EXPOSE" -> expose(args);
            case "COPY", "ADD" -> copyOrAdd(args);
            case "VOLUME" -> new Volume(nonEmpty(pathList(args)));
            case "USER" -> new User(one(args));
            case "WORKDIR" -> new Workdir(one(args));
            case "STOPSIGNAL" -> new StopSignal(one(args));
            case "MAINTAINER" -> maintainer(args);
            case "HEALTHCHECK" -> healthcheck(args, markedArgs);
            case "ONBUILD" -> onbuild(args, markedArgs, nested);
            default -> throw error("unknown instruction: " + line.substring(0, k));
        };
    }

    /** The suffix of marked (which has extra '\n' markers) after the first {@code count} characters of joined. */
    private static String markedSuffix(String marked, int count) {
        int seen = 0;
        int i = 0;
        while (i < marked.length() && seen < count) {
            if (marked.charAt(i) != '\n') {
                seen++;
            }
            i++;
        }
        return marked.substring(i);
    }

    private From from(String args) {
        flags.allow("platform");
        List<String> words = Words.splitWhitespace(args);
        if (words.size() == 1) {
            return new From(words.get(0), flags.string("platform"), Optional.empty());
        }
        if (words.size() == 3 && words.get(1).equalsIgnoreCase("as")) {
            return new From(words.get(0), flags.string("platform"), Optional.of(words.get(2)));
        }
        throw error("FROM requires either one or three arguments (image [AS name])");
    }

    private Run run(String args, String markedArgs) {
        flags.allow("mount", "network", "security");
        Command command = command(args, markedArgs);
        List<Mount> mounts = new ArrayList<>();
        for (String m : flags.values("mount", List.of())) {
            mounts.add(MountParser.parse(m, reason -> error(reason, "--mount=" + m)));
        }
        Optional<NetworkMode> network = flags.string("network").map(v -> switch (v) {
            case "default" -> NetworkMode.DEFAULT;
            case "none" -> NetworkMode.NONE;
            case "host" -> NetworkMode.HOST;
            default -> throw error("unsupported network mode '" + v + "' (default, none or host)", "--network");
        });
        Optional<SecurityMode> security = flags.string("security").map(v -> switch (v) {
            case "sandbox" -> SecurityMode.SANDBOX;
            case "insecure" -> SecurityMode.INSECURE;
            default -> throw error("unsupported security mode '" + v + "' (sandbox or insecure)", "--security");
        });
        List<Heredoc> heredocs = command instanceof ShellForm ? parser.heredocs("RUN", fullLine, lineNo) : List.of();
        return new Run(command, mounts, network, security, heredocs);
    }

    /** Exec form when the arguments are a JSON array of strings, shell form otherwise (as BuildKit decides). */
    private Command command(String args, String markedArgs) {
        if (!keyword.equals("RUN")) {
            flags.allow();
        }
        List<String> json = json(args);
        return json != null ? new ExecForm(json) : new ShellForm(markedArgs);
    }

    private List<String> json(String args) {
        try {
            return Json.parseStringArray(args);
        } catch (Json.NotStringArrayException e) {
            throw error(e.getMessage());
        }
    }

    private Shell shell(String args) {
        flags.allow();
        List<String> json = json(args);
        if (json == null) {
            throw error("SHELL requires the arguments to be in JSON form, e.g. SHELL [\"/bin/sh\", \"-c\"]");
        }
        return new Shell(json);
    }

    private List<KeyValue> pairs(String args) {
        flags.allow();
        List<String> words = Words.parseWords(args, escape);
        if (words.isEmpty()) {
            throw error(keyword + " requires at least one argument");
        }
        List<KeyValue> out = new ArrayList<>();
        if (words.get(0).indexOf('=') < 0) {
            List<String> parts = Words.splitWhitespace(args);
            if (parts.size() < 2) {
                throw error(keyword + " must have two arguments (key value) or use key=value");
            }
            String value = Words.goStrip(args.substring(args.indexOf(parts.get(0)) + parts.get(0).length()));
            out.add(new KeyValue(lex(parts.get(0)), lex(value)));
            return out;
        }
        for (String w : words) {
            int eq = w.indexOf('=');
            if (eq < 0) {
                throw error("Syntax error - can't find = in \"" + w + "\". Must be of the form: name=value");
            }
            out.add(new KeyValue(lex(w.substring(0, eq)), lex(w.substring(eq + 1))));
        }
        return out;
    }

    private String lex(String word) {
        try {
            return Template.lex(word, escape);
        } catch (IllegalArgumentException e) {
            throw error(e.getMessage());
        }
    }

    private Arg arg(String args) {
        flags.allow();
        List<String> words = Words.parseWords(args, escape);
        if (words.isEmpty()) {
            throw error("ARG requires at least one argument");
        }
        List<Arg.Variable> vars = new ArrayList<>();
        for (String w : words) {
            int eq = w.indexOf('=');
            vars.add(eq < 0 ? new Arg.Variable(w, Optional.empty())
                    : new Arg.Variable(w.substring(0, eq), Optional.of(lex(w.substring(eq + 1)))));
        }
        return new Arg(vars);
    }

    private Expose expose(String args) {
        flags.allow();
        List<ExposedPort> ports = new ArrayList<>();
        for (String w : Words.splitWhitespace(args)) {
            int slash = w.indexOf('/');
            Protocol protocol = Protocol.TCP;
            if (slash >= 0) {
                String proto = w.substring(slash + 1).toUpperCase(Locale.ROOT);
                try {
                    protocol = Protocol.valueOf(proto);
                } catch (IllegalArgumentException e) {
                    throw error("invalid protocol '" + w.substring(slash + 1) + "' in EXPOSE " + w
                            + " (tcp, udp or sctp)");
                }
            }
            ports.add(new ExposedPort(slash < 0 ? w : w.substring(0, slash), protocol));
        }
        if (ports.isEmpty()) {
            throw error("EXPOSE requires at least one argument");
        }
        return new Expose(ports);
    }

    private Instruction copyOrAdd(String args) {
        boolean add = keyword.equals("ADD");
        if (add) {
            flags.allow("chown", "chmod", "checksum", "keep-git-dir", "link", "unpack", "exclude");
        } else {
            flags.allow("from", "chown", "chmod", "link", "parents", "exclude");
        }
        List<String> json = json(args);
        List<String> paths = json != null ? json : Words.splitWhitespace(args);
        if (paths.size() < 2) {
            throw error(keyword + " requires at least two arguments, but only " + paths.size() + " provided");
        }
        List<String> sources = paths.subList(0, paths.size() - 1);
        String dest = paths.get(paths.size() - 1);
        List<Heredoc> heredocs = json == null ? parser.heredocs(keyword, fullLine, lineNo) : List.of();
        List<String> excludes = flags.values("exclude", List.of());
        boolean link = flags.bool("link").orElse(false);
        if (add) {
            return new Add(sources, dest, flags.string("chown"), flags.string("chmod"), flags.string("checksum"),
                    flags.bool("keep-git-dir").orElse(false), link, flags.bool("unpack"), excludes, heredocs);
        }
        return new Copy(sources, dest, flags.string("from"), flags.string("chown"), flags.string("chmod"), link,
                flags.bool("parents").orElse(false), excludes, heredocs);
    }

    private List<String> pathList(String args) {
        flags.allow();
        List<String> json = json(args);
        return json != null ? json : Words.splitWhitespace(args);
    }

    private List<String> nonEmpty(List<String> items) {
        if (items.isEmpty()) {
            throw error(keyword + " requires at least one argument");
        }
        return items;
    }

    private String one(String args) {
        flags.allow();
        if (args.isEmpty()) {
            throw error(keyword + " requires exactly one argument");
        }
        return args;
    }

    @SuppressWarnings("deprecation")
    private Maintainer maintainer(String args) {
        return new Maintainer(one(args));
    }

    private Healthcheck healthcheck(String args, String markedArgs) {
        flags.allow("interval", "timeout", "start-period", "start-interval", "retries");
        List<String> words = Words.splitWhitespace(args);
        if (words.isEmpty()) {
            throw error("HEALTHCHECK requires an argument: CMD <command> or NONE");
        }
        String type = words.get(0).toUpperCase(Locale.ROOT);
        if (type.equals("NONE")) {
            if (words.size() > 1 || !flags.isEmpty()) {
                throw error("HEALTHCHECK NONE takes no other arguments");
            }
            return Healthcheck.none();
        }
        if (!type.equals("CMD")) {
            throw error("Unknown type \"" + words.get(0) + "\" in HEALTHCHECK (try CMD)");
        }
        String cmdArgs = Words.goStrip(args.substring(words.get(0).length()));
        String cmdMarked = Words.goStrip(Words.goStripLeading(markedArgs).substring(words.get(0).length()));
        if (cmdArgs.isEmpty()) {
            throw error("Missing command after HEALTHCHECK CMD");
        }
        List<String> json = json(cmdArgs);
        Command command = json != null ? new ExecForm(json) : new ShellForm(cmdMarked);
        OptionalInt retries = OptionalInt.empty();
        Optional<String> r = flags.string("retries");
        if (r.isPresent()) {
            try {
                retries = OptionalInt.of(Integer.parseInt(r.get()));
            } catch (NumberFormatException e) {
                throw error("invalid --retries value '" + r.get() + "': expected a whole number", "--retries");
            }
        }
        return new Healthcheck(Optional.of(command), flags.duration("interval"), flags.duration("timeout"),
                flags.duration("start-period"), flags.duration("start-interval"), retries);
    }

    private Onbuild onbuild(String args, String markedArgs, boolean nested) {
        flags.allow();
        if (args.isEmpty()) {
            throw error("ONBUILD requires at least one argument");
        }
        String outer = keyword;
        Instruction inner = parse(args, markedArgs, true);
        keyword = outer;
        return new Onbuild(inner);
    }

    DockerfileParseException error(String reason) {
        return parser.error(lineNo, column, reason);
    }

    DockerfileParseException error(String reason, String needle) {
        int at = firstRaw.indexOf(needle);
        return parser.error(lineNo, at < 0 ? column : at + 1, reason);
    }
}
