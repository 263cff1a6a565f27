package dev.berth.dockerfile.lint;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * A light reading of a RUN script for the linter: the simple commands it runs (name, arguments, flags) and whether
 * it pipes. It splits on {@code && || | ; &}, newlines and parentheses, removes quotes, and skips variable assignments,
 * redirections and shell keywords; it does not evaluate anything.
 */
final class ShellScript {
    private static final Set<String> KEYWORDS = Set.of("if", "then", "else", "elif", "fi", "do", "done", "while",
            "until", "for", "in", "case", "esac", "!", "{", "}", "time", "exec");

    /** A simple command: its name and its arguments in order. */
    record Cmd(String name, List<String> args) {
        /** Whether the command is {@code name} and has any of {@code anyArgs}. */
        boolean is(String expected, String... anyArgs) {
            if (!name.equals(expected)) {
                return false;
            }
            for (String a : anyArgs) {
                if (args.contains(a)) {
                    return true;
                }
            }
            return anyArgs.length == 0;
        }

        /** The flag names: {@code --name[=v]} gives name, {@code -abc} gives a, b and c. */
        List<String> flags() {
            List<String> out = new ArrayList<>();
            for (String a : args) {
                if (a.equals("--") || a.equals("-") || !a.startsWith("-")) {
                    continue;
                }
                if (a.startsWith("--")) {
                    int eq = a.indexOf('=');
                    out.add(eq < 0 ? a.substring(2) : a.substring(2, eq));
                } else {
                    for (int i = 1; i < a.length(); i++) {
                        out.add(String.valueOf(a.charAt(i)));
                    }
                }
            }
            return out;
        }

        boolean hasFlag(String... names) {
            List<String> flags = flags();
            for (String n : names) {
                if (flags.contains(n)) {
                    return true;
                }
            }
            return false;
        }

        long countFlag(String name) {
            return flags().stream().filter(name::equals).count();
        }

        /** Arguments that are not flags. */
        List<String> plainArgs() {
            return args.stream().filter(a -> !a.startsWith("-")).toList();
        }
    }

    private final String original;
    private final List<Cmd> commands = new ArrayList<>();
    private boolean pipes;

    private ShellScript(String original) {
        this.original = original;
    }

    static ShellScript parse(String script) {
        ShellScript s = new ShellScript(script);
        s.read(script);
        return s;
    }

    String original() {
        return original;
    }

    List<Cmd> commands() {
        return commands;
    }

    boolean hasPipes() {
        return pipes;
    }

    boolean uses(String program) {
        return commands.stream().anyMatch(c -> c.name().equals(program));
    }

    private void read(String s) {
        List<String> words = new ArrayList<>();
        StringBuilder word = new StringBuilder();
        boolean inWord = false;
        int n = s.length();
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            if (c == '\\' && i + 1 < n) {
                char next = s.charAt(++i);
                if (next != '\n') {
                    word.append(next);
                    inWord = true;
                }
            } else if (c == '\'' || c == '"') {
                int end = s.indexOf(c, i + 1);
                end = end < 0 ? n : end;
                word.append(s, i + 1, end);
                inWord = true;
                i = end;
            } else if (c == ' ' || c == '\t') {
                inWord = flush(words, word, inWord);
            } else if (c == '|' || c == '&' || c == ';' || c == '\n' || c == '(' || c == ')' || c == '`') {
                inWord = flush(words, word, inWord);
                if (c == '|' && (i + 1 >= n || s.charAt(i + 1) != '|') && (i == 0 || s.charAt(i - 1) != '|')) {
                    pipes = true;
                }
                if (c == '&' && i > 0 && s.charAt(i - 1) == '>') {
                    continue; // ">&" redirection
                }
                end(words);
            } else if (c == '$' && i + 1 < n && s.charAt(i + 1) == '(') {
                inWord = flush(words, word, inWord);
                end(words);
                i++;
            } else if (c == '#' && !inWord) {
                int nl = s.indexOf('\n', i);
                i = (nl < 0 ? n : nl) - 1;
            } else {
                word.append(c);
                inWord = true;
            }
        }
        flush(words, word, inWord);
        end(words);
    }

    private static boolean flush(List<String> words, StringBuilder word, boolean inWord) {
        if (inWord) {
            words.add(word.toString());
            word.setLength(0);
        }
        return false;
    }

    private void end(List<String> words) {
        int i = 0;
        while (i < words.size() && (KEYWORDS.contains(words.get(i)) || isAssignment(words.get(i)))) {
            i++;
        }
        if (i < words.size()) {
            List<String> args = new ArrayList<>();
            for (int k = i + 1; k < words.size(); k++) {
                String w = words.get(k);
                if (w.matches("\\d*[<>]+.*")) {
                    if (w.matches("\\d*[<>]+")) {
                        k++; // the redirection target is the next word
                    }
                    continue;
                }
                args.add(w);
            }
            commands.add(new Cmd(words.get(i), args));
        }
        words.clear();
    }

    private static boolean isAssignment(String w) {
        int eq = w.indexOf('=');
        return eq > 0 && w.substring(0, eq).matches("[A-Za-z_][A-Za-z0-9_]*");
    }
}
