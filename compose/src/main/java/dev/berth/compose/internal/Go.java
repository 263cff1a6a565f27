package dev.berth.compose.internal;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/** Formatting helpers that reproduce Go's {@code fmt.Sprint} of decoded YAML values. */
final class Go {
    private Go() {
    }

    /** Go's {@code fmt.Sprint(v)} for the values a YAML tree holds. */
    static String sprint(Object v) {
        if (v == null) {
            return "<nil>";
        }
        if (v instanceof Double d) {
            return formatFloat(d, 6);
        }
        if (v instanceof List<?> l) {
            StringBuilder b = new StringBuilder("[");
            for (int i = 0; i < l.size(); i++) {
                b.append(i == 0 ? "" : " ").append(sprint(l.get(i)));
            }
            return b.append(']').toString();
        }
        if (v instanceof Map<?, ?> m) {
            StringBuilder b = new StringBuilder("map[");
            boolean first = true;
            for (Map.Entry<?, ?> e : new java.util.TreeMap<>(m).entrySet()) {
                b.append(first ? "" : " ").append(e.getKey()).append(':').append(sprint(e.getValue()));
                first = false;
            }
            return b.append(']').toString();
        }
        return v.toString();
    }

    /** strconv.FormatFloat(f, 'g', -1, 64) as used by %v (exponent threshold 21 for JSON, 6 for %v). */
    static String formatFloat(double d, int expThreshold) {
        if (Double.isNaN(d)) {
            return "NaN";
        }
        if (Double.isInfinite(d)) {
            return d > 0 ? "+Inf" : "-Inf";
        }
        if (d == 0) {
            return (1 / d < 0) ? "-0" : "0";
        }
        BigDecimal bd = new BigDecimal(Double.toString(d)).stripTrailingZeros();
        String digits = bd.unscaledValue().abs().toString();
        int exp = digits.length() - 1 - bd.scale();
        String sign = d < 0 ? "-" : "";
        int eprec = Math.max(expThreshold, digits.length());
        if (expThreshold == 6 && digits.length() > 6) {
            eprec = digits.length();
        }
        if (exp < -4 || exp >= eprec) {
            String mant = digits.length() > 1 ? digits.charAt(0) + "." + digits.substring(1) : digits;
            String es = Integer.toString(Math.abs(exp));
            return sign + mant + "e" + (exp < 0 ? "-" : "+") + (es.length() < 2 ? "0" + es : es);
        }
        return sign + bd.abs().toPlainString();
    }

    /** float32 value formatted the way Go prints a float32 (shortest representation). */
    static String formatFloat32(double d) {
        float f = (float) d;
        if (f == Math.rint(f) && Math.abs(f) < 1e21) {
            return new BigDecimal(Float.toString(f)).stripTrailingZeros().toPlainString();
        }
        return new BigDecimal(Float.toString(f)).stripTrailingZeros().toPlainString();
    }
}
