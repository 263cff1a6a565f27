package dev.berth.testing.fuzz;

import java.util.List;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Mutations of Dockerfiles: flags and argument forms swapped, keywords exchanged, huge lines, numbers and chains. */
public final class DockerfileGrammar implements Grammar {
    private static final Pattern INSTRUCTION = Pattern.compile("^(\\s*)([A-Za-z]+)(\\s+)(.*)$");
    private static final List<String> KEYWORDS = List.of("FROM", "RUN", "CMD", "LABEL", "MAINTAINER", "EXPOSE", "ENV",
            "ADD", "COPY", "ENTRYPOINT", "VOLUME", "USER", "WORKDIR", "ARG", "ONBUILD", "STOPSIGNAL", "HEALTHCHECK",
            "SHELL", "onbuild", "Run", "NOPE");
    private static final List<String> FLAGS = List.of("--from=builder", "--from=", "--chown=1:1", "--chown=",
            "--chmod=755", "--chmod=7777777777", "--chmod=abc", "--platform=linux/amd64", "--platform=",
            "--mount=type=bind", "--mount=type=cache,target=/c", "--mount=type=secret,id=s,required", "--mount=",
            "--mount=type=tmpfs,size=99999999999999999999", "--mount=type=nope", "--network=host", "--network=nope",
            "--security=insecure", "--interval=30s", "--interval=xyz", "--timeout=-5s", "--retries=abc",
            "--retries=99999999999999", "--start-period=1h", "--start-interval=0s", "--link", "--link=false",
            "--link=maybe", "--keep-git-dir=true", "--checksum=sha256:", "--exclude=*.md", "--parents", "--=", "--",
            "-x", "--from", "--chown", "--unknown=1", "--interval=1m30s --interval=2s");
    private static final List<String> VALUES = List.of("80", "80/tcp", "80/xyz", "0", "65536", "-1",
            "99999999999999999999", "1-65535/udp", "NONE", "\"\"", "''", "[]", "[\"\"]", "[\"a\", 1]", "{}",
            "a=b", "=b", "a=", "=", "a b=c", "\"a=b\" c", "SIGKILL", "999", "SIG", "$X", "${X:-y}", "${X",
            "AS", "img AS", "img AS 1x", "img as stage extra", "scratch", ":tag", "@sha256:", "C:\\\\", "/");
    private static final List<String> TOKENS = List.of("\\", "`", "\n", " \\\n", "#", "# escape=`\n",
            "# escape=x\n", "# syntax=x\n", "# check=skip=all\n", "<<EOF", "<<-EOF", "<<'EOF'", "EOF\n", "[", "]",
            "\"", "'", "$", "${", "}", "=", "--", "--from=", "--mount=", "--platform=", " AS ", "FROM ", "RUN ",
            "ONBUILD ", "HEALTHCHECK ", "NONE", ",", " ", "\t", "\r", "\u00a0", "\u00e9", "0", "65536", "/tcp", "/udp",
            "-", ":", "\uFEFF", "\u2028");

    @Override
    public List<String> tokens() {
        return TOKENS;
    }

    /** Exec form to shell form and back, a flag added, a keyword exchanged, key=value forms swapped, odd values. */
    @Override
    public String typeSwap(String text, Random r) {
        List<String> lines = Text.lines(text);
        int i = Text.pick(lines, r, l -> INSTRUCTION.matcher(l).matches() && !l.trim().startsWith("#"));
        if (i < 0) {
            return text;
        }
        Matcher m = INSTRUCTION.matcher(lines.get(i));
        m.matches();
        String keyword = m.group(2);
        String args = m.group(4);
        switch (r.nextInt(5)) {
            case 0 -> args = args.startsWith("[") ? args.replaceAll("[\\[\\]\",]", " ").trim()
                    : "[\"" + String.join("\", \"", args.split("\\s+")) + "\"]" + Text.any(r, "", "]", ",");
            case 1 -> args = Text.any(FLAGS, r) + " " + args;
            case 2 -> keyword = Text.any(KEYWORDS, r);
            case 3 -> args = args.contains("=") ? args.replaceFirst("=", " ") : args.replaceFirst(" ", "=");
            default -> args = Text.any(VALUES, r);
        }
        lines.set(i, m.group(1) + keyword + m.group(3) + args);
        return Text.join(lines);
    }

    @Override
    public String hugeValue(String text, Random r) {
        int size = Text.hugeSize(r);
        int depth = Text.depth(r);
        int lines = Math.min(size, 20_000);
        String digits = "9".repeat(Math.min(size, 20_000));
        String huge = switch (r.nextInt(8)) {
            case 0 -> "RUN echo " + "a".repeat(size);
            case 1 -> Text.any(r, "EXPOSE " + digits, "EXPOSE 1-" + digits + "/tcp", "HEALTHCHECK --interval="
                    + digits + "s CMD true", "HEALTHCHECK --retries=" + digits + " CMD true", "STOPSIGNAL " + digits,
                    "RUN --mount=type=cache,target=/c,uid=" + digits + " true", "ADD --chmod=" + digits + " a /b");
            case 2 -> "CMD " + Text.any(r, "[".repeat(depth) + "]".repeat(depth), "[\"" + "\\\\".repeat(size) + "\"]",
                    "[" + "\"a\", ".repeat(Math.min(size, 50_000)) + "\"a\"]");
            case 3 -> "RUN a \\\n" + "  b \\\n".repeat(lines) + "  c";
            case 4 -> "ENV A=b\n".repeat(lines);
            case 5 -> Text.any(r, "RUN <<EOF\n" + "line\n".repeat(lines) + "EOF",
                    "RUN " + "<<E ".repeat(Math.min(depth, 5_000)) + "\n" + "E\n".repeat(Math.min(depth, 5_000)));
            case 6 -> "ENV A=" + "${B:-".repeat(Math.min(depth, 20_000)) + "x" + "}".repeat(Math.min(depth, 20_000));
            default -> Text.any(r, "LABEL " + "k=v ".repeat(Math.min(size, 50_000)), "FROM img AS "
                    + "s".repeat(size), "ARG " + "A".repeat(size) + "=1", "WORKDIR /" + "d/".repeat(size / 2));
        };
        return r.nextBoolean() ? text + "\n" + huge + "\n" : Text.insertInLine(text, huge, r);
    }
}
