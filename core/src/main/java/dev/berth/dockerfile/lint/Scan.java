package dev.berth.dockerfile.lint;

import dev.berth.dockerfile.Comment;
import dev.berth.dockerfile.Dockerfile;
import dev.berth.dockerfile.ExecForm;
import dev.berth.dockerfile.From;
import dev.berth.dockerfile.Instruction;
import dev.berth.dockerfile.Onbuild;
import dev.berth.dockerfile.Run;
import dev.berth.dockerfile.ShellForm;
import dev.berth.dockerfile.Statement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** The Dockerfile as rules see it: instructions with their lines and stage numbers, and parsed RUN scripts. */
final class Scan {
    /** One instruction with its start line and the 0-based stage it is in (-1 before the first FROM). */
    record Item(Instruction instruction, int line, int stage, boolean afterComment) {}

    final Dockerfile dockerfile;
    final List<Item> items = new ArrayList<>();
    final List<From> froms = new ArrayList<>();
    private final Map<Run, ShellScript> scripts = new IdentityHashMap<>();

    Scan(Dockerfile dockerfile) {
        this.dockerfile = dockerfile;
        int stage = -1;
        boolean afterComment = false;
        List<Statement> statements = dockerfile.statements();
        for (int i = 0; i < statements.size(); i++) {
            Statement s = statements.get(i);
            if (s instanceof Comment) {
                afterComment = true;
            }
            if (!(s instanceof Instruction instruction)) {
                continue;
            }
            if (instruction instanceof From f) {
                stage++;
                froms.add(f);
            }
            items.add(new Item(instruction, dockerfile.line(i), stage, afterComment));
            afterComment = false;
        }
    }

    int stageCount() {
        return froms.size();
    }

    /** A stage name as BuildKit compares it: case-insensitively (it lower-cases {@code AS} names and references). */
    static String stageKey(String name) {
        return name.toLowerCase(Locale.ROOT);
    }

    /** The alias of a stage, normalised with {@link #stageKey}. */
    Optional<String> alias(int stage) {
        return froms.get(stage).stageName().map(Scan::stageKey);
    }

    /**
     * The earlier stage that stage {@code stage} is built {@code FROM} (so it inherits that stage's WORKDIR, ENV,
     * SHELL and USER), or -1 when it starts from an image.
     */
    int baseStage(int stage) {
        String image = stageKey(froms.get(stage).image());
        for (int k = stage - 1; k >= 0; k--) {
            if (alias(k).filter(image::equals).isPresent()) {
                return k;
            }
        }
        return -1;
    }

    /** The RUN of an item, or of an {@code ONBUILD RUN} when {@code onbuild} is true; null otherwise. */
    static Run run(Item item, boolean onbuild) {
        Instruction i = item.instruction();
        if (onbuild && i instanceof Onbuild o) {
            i = o.instruction();
        }
        return i instanceof Run r ? r : null;
    }

    /** The RUN's script as the shell sees it, with here-document bodies appended. */
    ShellScript script(Run run) {
        return scripts.computeIfAbsent(run, r -> {
            StringBuilder text = new StringBuilder();
            if (r.command() instanceof ShellForm s) {
                text.append(s.joined());
            } else {
                text.append(String.join(" ", ((ExecForm) r.command()).args()));
            }
            r.heredocs().forEach(h -> text.append('\n').append(h.content()));
            return ShellScript.parse(text.toString());
        });
    }

    List<Item> items() {
        return Collections.unmodifiableList(items);
    }
}
