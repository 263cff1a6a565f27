package dev.berth.compose.internal;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** docker/go-units byte sizes, parsed the way Compose does (Go durations: {@link dev.berth.internal.GoDuration}). */
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
}
