package dev.berth.dockerfile.lint;

import static dev.berth.dockerfile.lint.Severity.ERROR;
import static dev.berth.dockerfile.lint.Severity.INFO;
import static dev.berth.dockerfile.lint.Severity.WARNING;

import dev.berth.dockerfile.Env;
import dev.berth.dockerfile.From;
import dev.berth.dockerfile.KeyValue;
import dev.berth.dockerfile.Mount;
import dev.berth.dockerfile.Run;
import dev.berth.dockerfile.Shell;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Predicate;

/** Rules that read RUN scripts; ids, severities and meanings follow hadolint's published rule list. */
final class ShellRules {
    private static final Set<String> TRUTHY = Set.of("1", "y", "on", "true", "yes");

    private ShellRules() {}

    static List<Rule> all() {
        return List.of(
                perRun("DL3003", WARNING, "Use WORKDIR to switch to a directory", false, s -> s.uses("cd")),
                perRun("DL3004", ERROR, "Do not use sudo as it leads to unpredictable behavior. Use a tool like gosu "
                        + "to enforce root", true, s -> s.uses("sudo")),
                perRun("DL3008", WARNING, "Pin versions in apt get install. Instead of `apt-get install <package>` "
                        + "use `apt-get install <package>=<version>`", true, ShellRules::unpinnedApt),
                Rule.of("DL3009", INFO, "Delete the apt lists (/var/lib/apt/lists) after installing something",
                        ShellRules::aptListsKept),
                perRun("DL3014", WARNING, "Use the `-y` switch to avoid manual input `apt-get -y install <package>`",
                        true, s -> s.commands().stream().anyMatch(c -> c.is("apt-get", "install") && !assumesYes(c))),
                perRun("DL3015", INFO, "Avoid additional packages by specifying `--no-install-recommends`", true,
                        s -> s.commands().stream().anyMatch(c -> c.is("apt-get", "install")
                                && !c.hasFlag("no-install-recommends")
                                && !c.args().contains("APT::Install-Recommends=false"))),
                perRun("DL3027", WARNING, "Do not use apt as it is meant to be an end-user tool, use apt-get or "
                        + "apt-cache instead", true, s -> s.uses("apt")),
                Rule.of("DL3042", WARNING, "Avoid use of cache directory with pip. Use `pip install --no-cache-dir "
                        + "<package>`", ShellRules::pipCache),
                perRun("DL3047", INFO, "Avoid use of wget without progress bar. Use `wget --progress=dot:giga <url>`. "
                        + "Or consider using `-q` or `-nv` (shorthands for `--quiet` or `--no-verbose`).", true,
                        s -> s.commands().stream().anyMatch(c -> c.name().equals("wget") && !c.hasFlag("progress",
                                "q", "quiet", "o", "output-file", "a", "append-output", "no-verbose")
                                && !c.args().contains("-nv"))),
                Rule.of("DL3059", INFO, "Multiple consecutive `RUN` instructions. Consider consolidation.",
                        ShellRules::consecutiveRuns),
                Rule.of("DL4001", WARNING, "Either use Wget or Curl but not both", ShellRules::wgetAndCurl),
                Rule.of("DL4006", WARNING, "Set the SHELL option -o pipefail before RUN with a pipe in it. If you are "
                        + "using /bin/sh in an alpine image or if your shell is symlinked to busybox then consider "
                        + "explicitly setting your SHELL to /bin/ash, or disable this check", ShellRules::pipefail));
    }

    /** A rule that fails on each RUN (and, when {@code onbuild}, each ONBUILD RUN) whose script matches. */
    private static Rule perRun(String id, Severity severity, String message, boolean onbuild,
                               Predicate<ShellScript> fails) {
        return Rule.of(id, severity, message, (scan, out) -> {
            for (Scan.Item item : scan.items()) {
                Run run = Scan.run(item, onbuild);
                if (run != null && fails.test(scan.script(run))) {
                    out.add(item.line());
                }
            }
        });
    }

    private static boolean unpinnedApt(ShellScript s) {
        for (ShellScript.Cmd c : s.commands()) {
            if (!c.is("apt-get", "install")) {
                continue;
            }
            List<String> args = c.args();
            for (int i = 0; i < args.size(); i++) {
                String a = args.get(i);
                if (a.equals("-t") || a.equals("--target-release")) {
                    i++;
                    continue;
                }
                if (a.startsWith("-") || a.equals("install")) {
                    continue;
                }
                if (!a.contains("=") && !a.contains("/") && !a.endsWith(".deb")) {
                    return true;
                }
            }
        }
        return false;
    }

    private static boolean assumesYes(ShellScript.Cmd c) {
        return c.hasFlag("y", "yes", "qq", "assume-yes") || c.countFlag("q") == 2 || c.countFlag("quiet") == 2
                || c.args().contains("-q=2");
    }

    private static boolean cacheOrTmpfsAt(Run run, String fragment) {
        for (Mount m : run.mounts()) {
            if (m instanceof Mount.Cache c && c.target().contains(fragment)
                    || m instanceof Mount.Tmpfs t && t.target().contains(fragment)) {
                return true;
            }
        }
        return false;
    }

    /** Whether a cache or tmpfs mount of the RUN holds {@code dir}: its target is that directory or a parent of it. */
    private static boolean cacheOrTmpfsHolds(Run run, String dir) {
        for (Mount m : run.mounts()) {
            String target = m instanceof Mount.Cache c ? c.target() : m instanceof Mount.Tmpfs t ? t.target() : null;
            if (target != null) {
                String t = target.replaceAll("/+$", "");
                if (!t.isEmpty() && (dir.equals(t) || dir.startsWith(t + "/"))) {
                    return true;
                }
            }
        }
        return false;
    }

    private static void aptListsKept(Scan scan, List<Integer> out) {
        int last = scan.stageCount() - 1;
        List<int[]> candidates = new ArrayList<>(); // {line, stage}; stage -2 for ONBUILD RUN
        for (Scan.Item item : scan.items()) {
            Run run = Scan.run(item, true);
            if (run == null) {
                continue;
            }
            ShellScript s = scan.script(run);
            boolean update = s.commands().stream().anyMatch(c -> c.is("apt", "update") || c.is("apt-get", "update")
                    || c.is("aptitude", "update"));
            boolean cleanup = s.commands().stream().anyMatch(c -> c.is("rm", "-rf", "/var/lib/apt/lists/*"));
            if (!update || cleanup || cacheOrTmpfsHolds(run, "/var/lib/apt/lists")) {
                continue;
            }
            // hadolint feeds ONBUILD RUNs to the rule without the FROMs, so they always count as the last stage
            candidates.add(new int[] {item.line(), item.instruction() instanceof Run ? item.stage() : last});
        }
        for (int[] c : candidates) {
            if (c[1] == last || c[1] < 0 || usedAsBaseLater(scan, c[1])) {
                out.add(c[0]);
            }
        }
    }

    private static boolean usedAsBaseLater(Scan scan, int stage) {
        for (int k = stage + 1; k < scan.stageCount(); k++) {
            if (scan.baseStage(k) == stage) {
                return true;
            }
        }
        return false;
    }

    private static void pipCache(Scan scan, List<Integer> out) {
        // ENV PIP_NO_CACHE_DIR holds for the rest of its stage and for stages built FROM that stage
        boolean[] noCache = new boolean[scan.stageCount() + 1]; // [0]: before the first FROM
        for (Scan.Item item : scan.items()) {
            int stage = item.stage();
            if (item.instruction() instanceof From) {
                int base = scan.baseStage(stage);
                noCache[stage + 1] = base >= 0 && noCache[base + 1];
            }
            if (item.instruction() instanceof Env env) {
                for (KeyValue kv : env.pairs()) {
                    if (kv.key().equals("PIP_NO_CACHE_DIR") && TRUTHY.contains(kv.value().toLowerCase(Locale.ROOT))) {
                        noCache[stage + 1] = true;
                    }
                }
            }
            Run run = Scan.run(item, true);
            if (run == null || noCache[stage + 1] || cacheOrTmpfsAt(run, ".cache/pip")) {
                continue;
            }
            ShellScript s = scan.script(run);
            if (pipNoCacheDirInline(s.original())) {
                continue;
            }
            boolean fails = s.commands().stream()
                    .anyMatch(c -> isPipInstall(c) && !c.args().contains("--no-cache-dir"));
            if (fails) {
                out.add(item.line());
            }
        }
    }

    private static boolean pipNoCacheDirInline(String script) {
        int at = script.indexOf("PIP_NO_CACHE_DIR=");
        if (at < 0) {
            return false;
        }
        String rest = script.substring(at + "PIP_NO_CACHE_DIR=".length()).toLowerCase(Locale.ROOT);
        return TRUTHY.stream().anyMatch(rest::startsWith);
    }

    private static boolean isPipInstall(ShellScript.Cmd c) {
        String name = c.name().substring(c.name().lastIndexOf('/') + 1); // e.g. /opt/venv/bin/pip
        if (name.matches("pip[0-9.]*") && c.args().contains("install")) { // pip, pip3, pip3.12; not pipx, pipenv
            return true;
        }
        if (!name.startsWith("python")) {
            return false;
        }
        List<String> a = c.args();
        for (int i = 0; i + 2 < a.size(); i++) {
            if (a.get(i).equals("-m") && a.get(i + 1).equals("pip") && a.get(i + 2).equals("install")) {
                return true;
            }
        }
        return false;
    }

    private static void consecutiveRuns(Scan scan, List<Integer> out) {
        Run previous = null;
        int previousCount = 0;
        for (Scan.Item item : scan.items()) {
            if (!(item.instruction() instanceof Run run)) {
                previous = null;
                continue;
            }
            int count = scan.script(run).commands().size();
            boolean sameFlags = previous != null && previous.mounts().equals(run.mounts())
                    && previous.network().equals(run.network()) && previous.security().equals(run.security());
            // hadolint counts each simple command twice (ShellCheck's T_Redirecting and T_SimpleCommand), so its
            // "at most 2 commands" means a single simple command in each RUN
            if (sameFlags && count <= 1 && previousCount <= 1) {
                out.add(item.line());
            }
            previous = run;
            previousCount = count;
        }
    }

    private static void wgetAndCurl(Scan scan, List<Integer> out) {
        Set<String> seen = new HashSet<>();
        for (Scan.Item item : scan.items()) {
            if (item.instruction() instanceof From) {
                seen.clear();
            }
            Run run = Scan.run(item, true);
            if (run == null) {
                continue;
            }
            Set<String> used = new HashSet<>();
            for (ShellScript.Cmd c : scan.script(run).commands()) {
                if (c.name().equals("curl") || c.name().equals("wget")) {
                    used.add(c.name());
                }
            }
            seen.addAll(used);
            if (!used.isEmpty() && seen.size() >= 2) {
                out.add(item.line());
            }
        }
    }

    private static void pipefail(Scan scan, List<Integer> out) {
        // SHELL holds for the rest of its stage and for stages built FROM that stage
        boolean[] safe = new boolean[scan.stageCount() + 1]; // [0]: before the first FROM
        for (Scan.Item item : scan.items()) {
            int stage = item.stage();
            if (item.instruction() instanceof From) {
                int base = scan.baseStage(stage);
                safe[stage + 1] = base >= 0 && safe[base + 1];
            } else if (item.instruction() instanceof Shell shell) {
                safe[stage + 1] = setsPipefail(shell.command());
            } else if (item.instruction() instanceof Run run && !safe[stage + 1] && scan.script(run).hasPipes()) {
                out.add(item.line());
            }
        }
    }

    private static boolean setsPipefail(List<String> shell) {
        String original = String.join(" ", shell);
        if (original.startsWith("pwsh") || original.startsWith("powershell") || original.startsWith("cmd")) {
            return true;
        }
        for (ShellScript.Cmd c : ShellScript.parse(original).commands()) {
            String base = c.name().substring(c.name().lastIndexOf('/') + 1);
            if (Set.of("bash", "zsh", "ash").contains(base) && c.hasFlag("o") && c.args().contains("pipefail")) {
                return true;
            }
        }
        return false;
    }
}
