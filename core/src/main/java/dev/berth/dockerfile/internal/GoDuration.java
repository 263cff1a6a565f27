package dev.berth.dockerfile.internal;

import java.math.BigDecimal;
import java.time.Duration;

/** Reads and writes durations in Go's {@code time.ParseDuration} / {@code Duration.String()} syntax, e.g. {@code 1m30s}. */
public final class GoDuration {
    private GoDuration() {}

    /** Parses a Go duration such as {@code 30s}, {@code 1.5h} or {@code 1m30s}; throws IllegalArgumentException otherwise. */
    public static Duration parse(String text) {
        String s = text;
        boolean negative = false;
        if (s.startsWith("-") || s.startsWith("+")) {
            negative = s.charAt(0) == '-';
            s = s.substring(1);
        }
        if (s.equals("0")) {
            return Duration.ZERO;
        }
        if (s.isEmpty()) {
            throw new IllegalArgumentException("invalid duration '" + text + "'");
        }
        BigDecimal nanos = BigDecimal.ZERO;
        int i = 0;
        while (i < s.length()) {
            int start = i;
            while (i < s.length() && (Character.isDigit(s.charAt(i)) || s.charAt(i) == '.')) {
                i++;
            }
            String number = s.substring(start, i);
            int unitStart = i;
            while (i < s.length() && !Character.isDigit(s.charAt(i)) && s.charAt(i) != '.') {
                i++;
            }
            String unit = s.substring(unitStart, i);
            if (number.isEmpty() || number.equals(".") || unit.isEmpty()) {
                throw new IllegalArgumentException("invalid duration '" + text + "'");
            }
            long scale = switch (unit) {
                case "ns" -> 1L;
                case "us", "µs", "μs" -> 1_000L;
                case "ms" -> 1_000_000L;
                case "s" -> 1_000_000_000L;
                case "m" -> 60_000_000_000L;
                case "h" -> 3_600_000_000_000L;
                default -> throw new IllegalArgumentException("unknown unit '" + unit + "' in duration '" + text + "'");
            };
            try {
                nanos = nanos.add(new BigDecimal(number).multiply(BigDecimal.valueOf(scale)));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("invalid duration '" + text + "'", e);
            }
        }
        long n = nanos.longValue();
        return Duration.ofNanos(negative ? -n : n);
    }

    /** Formats like Go's {@code Duration.String()}: {@code 0s}, {@code 500ms}, {@code 1.5s}, {@code 1h2m3s}. */
    public static String format(Duration d) {
        long n = d.toNanos();
        if (n == 0) {
            return "0s";
        }
        StringBuilder out = new StringBuilder();
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
}
