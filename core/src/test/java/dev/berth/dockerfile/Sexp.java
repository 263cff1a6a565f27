package dev.berth.dockerfile;

import java.util.ArrayList;
import java.util.List;

/** Reads one line of BuildKit's {@code Node.Dump()} output: atoms are Go-quoted strings, flags a Go string slice. */
final class Sexp {
    private final List<Object> items = new ArrayList<>();
    private List<String> flags = List.of();

    static Sexp parse(String line) {
        int[] pos = {0};
        return read(line, pos);
    }

    private static Sexp read(String s, int[] pos) {
        Sexp out = new Sexp();
        expect(s, pos, '(');
        int start = pos[0];
        while (pos[0] < s.length() && s.charAt(pos[0]) != ' ' && s.charAt(pos[0]) != ')') {
            pos[0]++;
        }
        out.items.add(s.substring(start, pos[0]));
        while (true) {
            while (pos[0] < s.length() && s.charAt(pos[0]) == ' ') {
                pos[0]++;
            }
            char c = s.charAt(pos[0]);
            if (c == ')') {
                pos[0]++;
                return out;
            }
            if (c == '[') {
                pos[0]++;
                List<String> flags = new ArrayList<>();
                while (s.charAt(pos[0]) != ']') {
                    if (s.charAt(pos[0]) == ' ') {
                        pos[0]++;
                        continue;
                    }
                    flags.add(goString(s, pos));
                }
                pos[0]++;
                out.flags = flags;
            } else if (c == '(') {
                out.items.add(read(s, pos));
            } else {
                out.items.add(goString(s, pos));
            }
        }
    }

    private static void expect(String s, int[] pos, char c) {
        if (s.charAt(pos[0]) != c) {
            throw new IllegalArgumentException("expected " + c + " at " + pos[0] + " in " + s);
        }
        pos[0]++;
    }

    /** Reads a Go {@code strconv.Quote} string. */
    private static String goString(String s, int[] pos) {
        expect(s, pos, '"');
        StringBuilder out = new StringBuilder();
        while (true) {
            char c = s.charAt(pos[0]++);
            if (c == '"') {
                return out.toString();
            }
            if (c != '\\') {
                out.append(c);
                continue;
            }
            char e = s.charAt(pos[0]++);
            switch (e) {
                case 'a' -> out.append('\u0007');
                case 'b' -> out.append('\b');
                case 'f' -> out.append('\f');
                case 'n' -> out.append('\n');
                case 'r' -> out.append('\r');
                case 't' -> out.append('\t');
                case 'v' -> out.append('\u000b');
                case 'x' -> out.append(hex(s, pos, 2));
                case 'u' -> out.append(hex(s, pos, 4));
                case 'U' -> out.appendCodePoint(Integer.parseInt(s.substring(pos[0], pos[0] += 8), 16));
                default -> out.append(e);
            }
        }
    }

    private static char hex(String s, int[] pos, int n) {
        char c = (char) Integer.parseInt(s.substring(pos[0], pos[0] + n), 16);
        pos[0] += n;
        return c;
    }

    int size() {
        return items.size();
    }

    String atom(int i) {
        return (String) items.get(i);
    }

    Sexp child(int i) {
        return (Sexp) items.get(i);
    }

    List<String> flags() {
        return flags;
    }
}
