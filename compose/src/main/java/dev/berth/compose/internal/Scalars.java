package dev.berth.compose.internal;

import java.math.BigInteger;
import java.util.regex.Pattern;

/** Resolves plain YAML scalars the way go-yaml v3 does (YAML 1.2 core schema plus 1.1 octals and underscores). */
final class Scalars {
    /** The float syntax go-yaml resolves; {@link #isFloat} scans it without a regex. */
    static final Pattern FLOAT = Pattern.compile("^[-+]?(\\.[0-9]+|[0-9]+(\\.[0-9]*)?)([eE][-+]?[0-9]+)?$");

    private Scalars() {
    }

    static Object resolvePlain(String v) {
        if (v.length() <= 5) {
            Object special = special(v);
            if (special != NOT_SPECIAL) {
                return special;
            }
        }
        char c = v.charAt(0);
        if ("+-0123456789.".indexOf(c) < 0) {
            return v;
        }
        String plain = v.replace("_", "");
        Long l = parseGoInt(plain);
        if (l != null) {
            return l;
        }
        if (isFloat(plain)) {
            try {
                double d = Double.parseDouble(plain);
                // Go's ParseFloat fails with ErrRange past the largest double, and go-yaml then keeps the text
                return Double.isInfinite(d) ? v : d;
            } catch (NumberFormatException e) {
                return v;
            }
        }
        return v;
    }

    private static final Object NOT_SPECIAL = new Object();

    /** The null, boolean, infinity and NaN words (at most 5 characters long), or NOT_SPECIAL. */
    private static Object special(String v) {
        switch (v) {
            case "", "~", "null", "Null", "NULL":
                return null;
            case "true", "True", "TRUE":
                return Boolean.TRUE;
            case "false", "False", "FALSE":
                return Boolean.FALSE;
            case ".inf", ".Inf", ".INF", "+.inf", "+.Inf", "+.INF":
                return Double.POSITIVE_INFINITY;
            case "-.inf", "-.Inf", "-.INF":
                return Double.NEGATIVE_INFINITY;
            case ".nan", ".NaN", ".NAN":
                return Double.NaN;
            default:
                return NOT_SPECIAL;
        }
    }

    /** Whether {@code s} matches {@link #FLOAT} entirely, scanned by hand. */
    static boolean isFloat(String s) {
        int n = s.length();
        int i = 0;
        if (i < n && (s.charAt(i) == '-' || s.charAt(i) == '+')) {
            i++;
        }
        if (i < n && s.charAt(i) == '.') {
            i++;
            int digits = i;
            i = skipDigits(s, i);
            if (i == digits) {
                return false;
            }
        } else {
            int digits = i;
            i = skipDigits(s, i);
            if (i == digits) {
                return false;
            }
            if (i < n && s.charAt(i) == '.') {
                i = skipDigits(s, i + 1);
            }
        }
        if (i < n && (s.charAt(i) == 'e' || s.charAt(i) == 'E')) {
            i++;
            if (i < n && (s.charAt(i) == '-' || s.charAt(i) == '+')) {
                i++;
            }
            int digits = i;
            i = skipDigits(s, i);
            if (i == digits) {
                return false;
            }
        }
        return i == n;
    }

    private static int skipDigits(String s, int i) {
        while (i < s.length() && s.charAt(i) >= '0' && s.charAt(i) <= '9') {
            i++;
        }
        return i;
    }

    /** Go's strconv.ParseInt(s, 0, 64): sign, then 0x / 0o / 0b / leading-0 octal prefixes. */
    static Long parseGoInt(String s) {
        if (s.isEmpty()) {
            return null;
        }
        boolean neg = false;
        String t = s;
        if (t.charAt(0) == '+' || t.charAt(0) == '-') {
            neg = t.charAt(0) == '-';
            t = t.substring(1);
        }
        if (t.isEmpty()) {
            return null;
        }
        int radix = 10;
        if (t.length() > 1 && t.charAt(0) == '0') {
            char p = Character.toLowerCase(t.charAt(1));
            if (p == 'x') {
                radix = 16;
                t = t.substring(2);
            } else if (p == 'o') {
                radix = 8;
                t = t.substring(2);
            } else if (p == 'b') {
                radix = 2;
                t = t.substring(2);
            } else {
                radix = 8;
                t = t.substring(1);
            }
        }
        if (t.isEmpty()) {
            return null;
        }
        for (int i = 0; i < t.length(); i++) {
            if (Character.digit(t.charAt(i), radix) < 0) {
                return null;
            }
        }
        if (radix == 10 && t.length() <= 18) {
            long small = Long.parseLong(t);
            return neg ? -small : small;
        }
        try {
            BigInteger b = new BigInteger(t, radix);
            if (neg) {
                b = b.negate();
            }
            if (b.bitLength() > 63) {
                return null;
            }
            return b.longValue();
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
