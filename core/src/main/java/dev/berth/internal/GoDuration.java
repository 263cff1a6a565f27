package dev.berth.internal;

import java.math.BigDecimal;
import java.time.Duration;

/**
 * Go's {@code time.ParseDuration} and {@code Duration.String()}, exactly (e.g. {@code 1m30s}, {@code 1.5h},
 * {@code 500ms}): the one reader of Go durations for Dockerfile flags and Compose files. Errors carry Go's message.
 */
public final class GoDuration {
    private static final BigDecimal MAX = BigDecimal.valueOf(Long.MAX_VALUE);

    private GoDuration() {
    }

    /** Parses a Go duration; throws IllegalArgumentException with Go's message ({@code time: invalid duration "x"}). */
    public static Duration parse(String text) {
        return Duration.ofNanos(parseNanos(text));
    }

    /** Parses a Go duration into nanoseconds, refusing values beyond Go's int64 range as Go does. */
    public static long parseNanos(String text) {
        String s = text;
        boolean negative = false;
        if (!s.isEmpty() && (s.charAt(0) == '-' || s.charAt(0) == '+')) {
            negative = s.charAt(0) == '-';
            s = s.substring(1);
        }
        if (s.equals("0")) {
            return 0;
        }
        if (s.isEmpty()) {
            throw invalid(text);
        }
        BigDecimal total = BigDecimal.ZERO;
        int i = 0;
        while (i < s.length()) {
            int start = i;
            while (i < s.length() && (Character.isDigit(s.charAt(i)) || s.charAt(i) == '.')) {
                i++;
            }
            String number = s.substring(start, i);
            if (number.isEmpty() || number.equals(".") || number.indexOf('.') != number.lastIndexOf('.')) {
                throw invalid(text);
            }
            int unitStart = i;
            while (i < s.length() && !Character.isDigit(s.charAt(i)) && s.charAt(i) != '.') {
                i++;
            }
            String unit = s.substring(unitStart, i);
            long scale = switch (unit) {
                case "ns" -> 1L;
                case "us", "µs", "μs" -> 1_000L;
                case "ms" -> 1_000_000L;
                case "s" -> 1_000_000_000L;
                case "m" -> 60_000_000_000L;
                case "h" -> 3_600_000_000_000L;
                case "" -> throw new IllegalArgumentException("time: missing unit in duration " + quote(text));
                default -> throw new IllegalArgumentException("time: unknown unit " + quote(unit) + " in duration "
                        + quote(text));
            };
            total = total.add(new BigDecimal(number.endsWith(".") ? number + "0" : number).multiply(BigDecimal.valueOf(scale)));
            if (total.compareTo(MAX) > 0) {
                throw invalid(text);
            }
        }
        long n = total.longValue();
        return negative ? -n : n;
    }

    /** Formats like Go's {@code Duration.String()}: {@code 0s}, {@code 500ms}, {@code 1.5s}, {@code 1h2m3s}. */
    public static String format(Duration d) {
        return format(d.toNanos());
    }

    /** Formats nanoseconds like Go's {@code Duration.String()}. */
    public static String format(long nanos) {
        if (nanos == 0) {
            return "0s";
        }
        StringBuilder out = new StringBuilder();
        long n = nanos;
        if (n < 0) {
            out.append('-');
            n = -n;
        }
        if (n < 1_000_000_000L) {
            if (n < 1_000L) {
                return out.append(n).append("ns").toString();
            }
            if (n < 1_000_000L) {
                return out.append(fraction(n, 1_000L)).append("µs").toString();
            }
            return out.append(fraction(n, 1_000_000L)).append("ms").toString();
        }
        long hours = n / 3_600_000_000_000L;
        long rest = n % 3_600_000_000_000L;
        long minutes = rest / 60_000_000_000L;
        rest = rest % 60_000_000_000L;
        if (hours > 0) {
            out.append(hours).append('h');
        }
        if (hours > 0 || minutes > 0) {
            out.append(minutes).append('m');
        }
        return out.append(fraction(rest, 1_000_000_000L)).append('s').toString();
    }

    private static String fraction(long value, long unit) {
        long whole = value / unit;
        long frac = value % unit;
        if (frac == 0) {
            return Long.toString(whole);
        }
        String digits = Long.toString(unit + frac).substring(1);
        int end = digits.length();
        while (digits.charAt(end - 1) == '0') {
            end--;
        }
        return whole + "." + digits.substring(0, end);
    }

    private static IllegalArgumentException invalid(String text) {
        return new IllegalArgumentException("time: invalid duration " + quote(text));
    }

    /** Go's {@code strconv.Quote} for the texts Go's error messages quote (duration and Compose template errors). */
    public static String quote(String s) {
        StringBuilder b = new StringBuilder("\"");
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> b.append("\\\"");
                case '\\' -> b.append("\\\\");
                case '\n' -> b.append("\\n");
                case '\t' -> b.append("\\t");
                case '\r' -> b.append("\\r");
                default -> b.append(c);
            }
        }
        return b.append('"').toString();
    }
}
