package dev.berth.compose.internal;

import java.util.ArrayList;
import java.util.List;

/** Splits a command string into words like go-shellwords, which Compose uses for string commands. */
final class ShellWords {
    private ShellWords() {
    }

    static List<String> parse(String line) {
        List<String> args = new ArrayList<>();
        StringBuilder buf = new StringBuilder();
        boolean escaped = false;
        boolean dq = false;
        boolean sq = false;
        boolean bq = false;
        boolean dollar = false;
        int got = 0;
        loop:
        for (int i = 0; i < line.length(); ) {
            int r = line.codePointAt(i);
            i += Character.charCount(r);
            if (escaped) {
                escaped = false;
                if (bq || dollar) {
                    buf.append('\\').appendCodePoint(r);
                    got = 1;
                    continue;
                }
                if (r == 't') {
                    r = '\t';
                } else if (r == 'n') {
                    r = '\n';
                }
                buf.appendCodePoint(r);
                got = 1;
                continue;
            }
            if (r == '\\') {
                if (sq) {
                    buf.append('\\');
                } else {
                    escaped = true;
                }
                continue;
            }
            if (r == ' ' || r == '\t' || r == '\r' || r == '\n') {
                if (sq || dq || bq || dollar) {
                    buf.appendCodePoint(r);
                } else if (got != 0) {
                    args.add(buf.toString());
                    buf.setLength(0);
                    got = 0;
                }
                continue;
            }
            switch (r) {
                case '`':
                    if (!sq && !dq && !dollar) {
                        bq = !bq;
                    }
                    break;
                case ')':
                    if (!sq && !dq && !bq) {
                        if (!dollar) {
                            throw new IllegalArgumentException("invalid command line string");
                        }
                        buf.append(')');
                        dollar = false;
                        got = 1;
                        continue;
                    }
                    break;
                case '(':
                    if (!sq && !dq && !bq) {
                        String b = buf.toString();
                        if (!dollar && b.endsWith("$") && !b.endsWith("\\$")) {
                            dollar = true;
                            buf.append('(');
                            continue;
                        }
                        throw new IllegalArgumentException("invalid command line string");
                    }
                    break;
                case '"':
                    if (!sq && !dollar && !bq) {
                        if (dq) {
                            got = 2;
                        }
                        dq = !dq;
                        continue;
                    }
                    break;
                case '\'':
                    if (!dq && !dollar && !bq) {
                        if (sq) {
                            got = 2;
                        }
                        sq = !sq;
                        continue;
                    }
                    break;
                case ';', '&', '|', '<', '>':
                    if (!(sq || dq || bq || dollar)) {
                        if (r == '>' && buf.length() > 0 && buf.chars().allMatch(c -> c >= '0' && c <= '9')) {
                            got = 0;
                        }
                        break loop;
                    }
                    break;
                default:
                    break;
            }
            got = got == 0 ? 1 : got;
            buf.appendCodePoint(r);
        }
        if (got != 0) {
            args.add(buf.toString());
        }
        if (escaped || sq || dq || bq || dollar) {
            throw new IllegalArgumentException("invalid command line string");
        }
        return args;
    }
}
