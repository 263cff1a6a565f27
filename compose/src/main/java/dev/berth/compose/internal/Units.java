package dev.berth.compose.internal;

import java.math.BigDecimal;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Go's duration syntax and docker/go-units byte sizes, parsed and printed the way Compose does. */
final class Units {
    private static final Pattern RAM = Pattern.compile("^(\\d+(\\.\\d+)*) ?([kKmMgGtTpP])?[iI]?[bB]?$");

    private Units() {
    }

    /** go-units RAMInBytes. */
    static long ramInBytes(String s) {
        Matcher m = RAM.matcher(s);
        if (!m.matches()) {
            throw new IllegalArgumentException("invalid size: '" + s + "'");
        }
        double size = Double.parseDouble(firstFraction(m.group(1)));
        String unit = m.group(3) == null ? "" : m.group(3).toLowerCase(java.util.Locale.ROOT);
        long mult = switch (unit) {
            case "k" -> 1L << 10;
            case "m" -> 1L << 20;
            case "g" -> 1L << 30;
            case "t" -> 1L << 40;
            case "p" -> 1L << 50;
            default -> 1L;
        };
        return (long) (size * mult);
    }

    /** {@code 1.5.2} becomes {@code 1.5}: the number up to a second dot (go-units keeps digits.digits). */
    private static String firstFraction(String number) {
        int dot = number.indexOf('.');
        int second = dot < 0 ? -1 : number.indexOf('.', dot + 1);
        return second < 0 ? number : number.substring(0, second);
    }

    /** Go's time.ParseDuration, in nanoseconds. */
    static long parseDuration(String s) {
        String orig = s;
        if (s.isEmpty()) {
            throw new IllegalArgumentException("time: invalid duration " + Template.goQuote(orig));
        }
        boolean neg = false;
        if (s.charAt(0) == '-' || s.charAt(0) == '+') {
            neg = s.charAt(0) == '-';
            s = s.substring(1);
        }
        if (s.equals("0")) {
            return 0;
        }
        if (s.isEmpty()) {
            throw new IllegalArgumentException("time: invalid duration " + Template.goQuote(orig));
        }
        BigDecimal total = BigDecimal.ZERO;
        int i = 0;
        while (i < s.length()) {
            int start = i;
            while (i < s.length() && (Character.isDigit(s.charAt(i)) || s.charAt(i) == '.')) {
                i++;
            }
            String num = s.substring(start, i);
            if (num.isEmpty() || num.equals(".") || num.indexOf('.') != num.lastIndexOf('.')) {
                throw new IllegalArgumentException("time: invalid duration " + Template.goQuote(orig));
            }
            int us = i;
            while (i < s.length() && !Character.isDigit(s.charAt(i)) && s.charAt(i) != '.') {
                i++;
            }
            String unit = s.substring(us, i);
            long scale = switch (unit) {
                case "ns" -> 1L;
                case "us", "µs", "μs" -> 1_000L;
                case "ms" -> 1_000_000L;
                case "s" -> 1_000_000_000L;
                case "m" -> 60_000_000_000L;
                case "h" -> 3_600_000_000_000L;
                case "" -> throw new IllegalArgumentException("time: missing unit in duration " + Template.goQuote(orig));
                default -> throw new IllegalArgumentException("time: unknown unit " + Template.goQuote(unit)
                        + " in duration " + Template.goQuote(orig));
            };
            if (num.endsWith(".")) {
                num = num + "0";
            }
            if (num.startsWith(".")) {
                num = "0" + num;
            }
            total = total.add(new BigDecimal(num).multiply(BigDecimal.valueOf(scale)));
        }
        if (total.compareTo(BigDecimal.valueOf(Long.MAX_VALUE)) > 0) {
            throw new IllegalArgumentException("time: invalid duration " + Template.goQuote(orig));
        }
        long v = total.longValue();
        return neg ? -v : v;
    }

    /** Go's time.Duration.String(). */
    static String formatDuration(long d) {
        if (d == 0) {
            return "0s";
        }
        boolean neg = d < 0;
        long u = Math.abs(d);
        StringBuilder b = new StringBuilder();
        if (u < 1_000_000_000L) {
            String unit;
            long div;
            if (u < 1_000L) {
                return (neg ? "-" : "") + u + "ns";
            } else if (u < 1_000_000L) {
                unit = "µs";
                div = 1_000L;
            } else {
                unit = "ms";
                div = 1_000_000L;
            }
            b.append(fraction(u, div)).append(unit);
        } else {
            long h = u / 3_600_000_000_000L;
            long rem = u % 3_600_000_000_000L;
            long m = rem / 60_000_000_000L;
            long sNanos = rem % 60_000_000_000L;
            if (h > 0) {
                b.append(h).append('h');
            }
            if (h > 0 || m > 0) {
                b.append(m).append('m');
            }
            b.append(fraction(sNanos, 1_000_000_000L)).append('s');
        }
        return (neg ? "-" : "") + b;
    }

    private static String fraction(long v, long div) {
        long whole = v / div;
        long frac = v % div;
        if (frac == 0) {
            return Long.toString(whole);
        }
        String f = Long.toString(frac);
        int width = Long.toString(div).length() - 1;
        while (f.length() < width) {
            f = "0" + f;
        }
        f = f.replaceAll("0+$", "");
        return whole + "." + f;
    }
}
