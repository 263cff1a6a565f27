package dev.berth.dockerfile.lint;

import static dev.berth.dockerfile.lint.Severity.ERROR;
import static dev.berth.dockerfile.lint.Severity.WARNING;

import dev.berth.dockerfile.Add;
import dev.berth.dockerfile.Arg;
import dev.berth.dockerfile.Cmd;
import dev.berth.dockerfile.Copy;
import dev.berth.dockerfile.Entrypoint;
import dev.berth.dockerfile.From;
import dev.berth.dockerfile.Instruction;
import dev.berth.dockerfile.Maintainer;
import dev.berth.dockerfile.Onbuild;
import dev.berth.dockerfile.ShellForm;
import dev.berth.dockerfile.User;
import dev.berth.dockerfile.Workdir;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

/** Rules on instructions and stages; ids, severities and meanings follow hadolint's published rule list. */
final class InstructionRules {
    private static final List<String> ARCHIVES = List.of(".tar", ".Z", ".bz2", ".gz", ".lz", ".lzma", ".tZ", ".tb2",
            ".tbz", ".tbz2", ".tgz", ".tlz", ".tpz", ".txz", ".xz");

    private InstructionRules() {}

    @SuppressWarnings("deprecation")
    static List<Rule> all() {
        return List.of(
                each("DL3000", ERROR, "Use absolute WORKDIR", i -> i instanceof Workdir w && !absolute(w.path())),
                Rule.of("DL3002", WARNING, "Last USER should not be root", InstructionRules::lastUserRoot),
                Rule.of("DL3006", WARNING, "Always tag the version of an image explicitly", InstructionRules::untagged),
                each("DL3007", WARNING, "Using latest is prone to errors if the image will ever update. Pin the "
                        + "version explicitly to a release tag", i -> i instanceof From f && latest(f.image())),
                each("DL3020", ERROR, "Use COPY instead of ADD for files and folders", i -> i instanceof Add a
                        && a.sources().stream().anyMatch(s -> !isArchive(s) && !isUrl(s))),
                each("DL3021", ERROR, "COPY with more than 2 arguments requires the last argument to end with /",
                        i -> i instanceof Copy c && c.sources().size() > 1 && !dropQuotes(c.destination()).endsWith("/")),
                Rule.of("DL3022", WARNING, "`COPY --from` should reference a previously defined `FROM` alias",
                        InstructionRules::copyFromUnknown),
                Rule.of("DL3023", ERROR, "`COPY --from` cannot reference its own `FROM` alias",
                        InstructionRules::copyFromSelf),
                Rule.of("DL3024", ERROR, "FROM aliases (stage names) must be unique", InstructionRules::duplicateAlias),
                each("DL3025", WARNING, "Use arguments JSON notation for CMD and ENTRYPOINT arguments",
                        i -> i instanceof Cmd c && c.command() instanceof ShellForm
                                || i instanceof Entrypoint e && e.command() instanceof ShellForm),
                each("DL3043", ERROR, "`ONBUILD`, `FROM` or `MAINTAINER` triggered from within `ONBUILD` "
                        + "instruction.", i -> i instanceof Onbuild o && (o.instruction() instanceof Onbuild
                        || o.instruction() instanceof From || o.instruction() instanceof Maintainer)),
                Rule.of("DL3045", WARNING, "`COPY` to a relative destination without `WORKDIR` set.",
                        InstructionRules::relativeCopy),
                Rule.of("DL3061", ERROR, "Invalid instruction order. Dockerfile must begin with `FROM`, `ARG` or "
                        + "comment.", InstructionRules::order),
                each("DL4000", ERROR, "MAINTAINER is deprecated", i -> i instanceof Maintainer),
                Rule.of("DL4003", WARNING, "Multiple `CMD` instructions found. If you list more than one `CMD` then "
                        + "only the last `CMD` will take effect", (scan, out) -> repeated(scan, out, Cmd.class)),
                Rule.of("DL4004", ERROR, "Multiple `ENTRYPOINT` instructions found. If you list more than one "
                        + "`ENTRYPOINT` then only the last `ENTRYPOINT` will take effect",
                        (scan, out) -> repeated(scan, out, Entrypoint.class)));
    }

    private static Rule each(String id, Severity severity, String message, Predicate<Instruction> fails) {
        return Rule.of(id, severity, message, (scan, out) -> {
            for (Scan.Item item : scan.items()) {
                if (fails.test(item.instruction())) {
                    out.add(item.line());
                }
            }
        });
    }

    static String dropQuotes(String s) {
        int start = 0;
        int end = s.length();
        while (start < end && (s.charAt(start) == '"' || s.charAt(start) == '\'')) {
            start++;
        }
        while (end > start && (s.charAt(end - 1) == '"' || s.charAt(end - 1) == '\'')) {
            end--;
        }
        return s.substring(start, end);
    }

    private static boolean absolute(String path) {
        String p = dropQuotes(path);
        return p.startsWith("/") || p.startsWith("$") || p.matches("[A-Za-z]:[\\\\/].*");
    }

    private static boolean isArchive(String src) {
        String s = dropQuotes(src);
        return ARCHIVES.stream().anyMatch(s::endsWith);
    }

    /** A remote source COPY cannot fetch: a URL ({@code https://…}, {@code git://…}) or a git SSH address. */
    private static boolean isUrl(String src) {
        String s = dropQuotes(src);
        return s.matches("[A-Za-z][A-Za-z0-9+.-]*://.*") || s.matches("[A-Za-z0-9._-]+@[^/:]+:.*");
    }

    /** Splits {@code registry/name:tag@digest} into {name, tag or null, digest or null}. */
    static String[] imageParts(String image) {
        String digest = null;
        int at = image.indexOf('@');
        String rest = image;
        if (at >= 0) {
            digest = image.substring(at + 1);
            rest = image.substring(0, at);
        }
        int colon = rest.lastIndexOf(':');
        String tag = null;
        if (colon > rest.lastIndexOf('/')) {
            tag = rest.substring(colon + 1);
            rest = rest.substring(0, colon);
        }
        return new String[] {rest, tag, digest};
    }

    private static boolean latest(String image) {
        String[] p = imageParts(image);
        return p[2] == null && "latest".equals(p[1]);
    }

    private static void untagged(Scan scan, List<Integer> out) {
        Set<String> aliases = new HashSet<>();
        for (Scan.Item item : scan.items()) {
            if (!(item.instruction() instanceof From f)) {
                continue;
            }
            String[] p = imageParts(f.image());
            boolean ok = p[0].equals("scratch") || p[2] != null || p[1] != null || p[0].startsWith("$")
                    || aliases.contains(Scan.stageKey(p[0]));
            if (!ok) {
                out.add(item.line());
            }
            f.stageName().map(Scan::stageKey).ifPresent(aliases::add);
        }
    }

    private static boolean isRoot(String user) {
        return user.startsWith("root:") || user.startsWith("0:") || user.equals("root") || user.equals("0");
    }

    private static void lastUserRoot(Scan scan, List<Integer> out) {
        Map<Integer, Integer> rootLineByStage = new HashMap<>();
        for (Scan.Item item : scan.items()) {
            if (item.instruction() instanceof User u) {
                if (isRoot(u.user())) {
                    rootLineByStage.put(item.stage(), item.line());
                } else {
                    rootLineByStage.remove(item.stage());
                }
            }
        }
        out.addAll(rootLineByStage.values());
    }

    private static void copyFromUnknown(Scan scan, List<Integer> out) {
        Set<String> names = new HashSet<>();
        int count = 0;
        for (Scan.Item item : scan.items()) {
            if (item.instruction() instanceof From f) {
                count++;
                f.stageName().map(Scan::stageKey).ifPresent(names::add);
            } else if (item.instruction() instanceof Copy c && c.from().isPresent()) {
                String from = c.from().get();
                boolean ok = dropQuotes(from).contains(":") || names.contains(Scan.stageKey(from))
                        || (from.matches("\\d+") && Long.parseLong(from) < count);
                if (!ok) {
                    out.add(item.line());
                }
            }
        }
    }

    private static void copyFromSelf(Scan scan, List<Integer> out) {
        From current = null;
        for (Scan.Item item : scan.items()) {
            if (item.instruction() instanceof From f) {
                current = f;
            } else if (item.instruction() instanceof Copy c && current != null && c.from().isPresent()
                    && current.stageName().filter(c.from().get()::equalsIgnoreCase).isPresent()) {
                out.add(item.line());
            }
        }
    }

    private static void duplicateAlias(Scan scan, List<Integer> out) {
        Set<String> seen = new HashSet<>();
        for (Scan.Item item : scan.items()) {
            if (item.instruction() instanceof From f && f.stageName().isPresent()
                    && !seen.add(Scan.stageKey(f.stageName().get()))) {
                out.add(item.line());
            }
        }
    }

    private static void relativeCopy(Scan scan, List<Integer> out) {
        // a stage has a WORKDIR once it sets one, or when it is built FROM an earlier stage that had one by its end
        boolean[] workdir = new boolean[scan.stageCount() + 1]; // [0]: before the first FROM
        for (Scan.Item item : scan.items()) {
            Instruction i = item.instruction();
            int stage = item.stage();
            if (i instanceof From) {
                int base = scan.baseStage(stage);
                workdir[stage + 1] = base >= 0 && workdir[base + 1];
            } else if (i instanceof Workdir) {
                workdir[stage + 1] = true;
            } else if (i instanceof Copy c) {
                String dest = dropQuotes(c.destination());
                boolean ok = workdir[stage + 1] || dest.startsWith("/")
                        || dest.matches("[A-Za-z]:[\\\\/].*") || dest.startsWith("$");
                if (!ok) {
                    out.add(item.line());
                }
            }
        }
    }

    private static void order(Scan scan, List<Integer> out) {
        for (Scan.Item item : scan.items()) {
            if (item.instruction() instanceof From) {
                return;
            }
            if (!(item.instruction() instanceof Arg)) {
                out.add(item.line());
            }
        }
    }

    private static void repeated(Scan scan, List<Integer> out, Class<? extends Instruction> type) {
        int stage = Integer.MIN_VALUE;
        boolean seen = false;
        for (Scan.Item item : scan.items()) {
            if (item.stage() != stage) {
                stage = item.stage();
                seen = false;
            }
            if (type.isInstance(item.instruction())) {
                if (seen) {
                    out.add(item.line());
                }
                seen = true;
            }
        }
    }
}
