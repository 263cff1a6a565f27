package dev.berth.compose.internal;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/**
 * A JSON writer that formats like Go's {@code json.MarshalIndent(v, "", "  ")} and {@code json.Marshal}: Compose's
 * {@code config} output and the config hash must match Docker Compose byte for byte. Every JSON Berth reads, and
 * every request body, goes through core's {@link dev.berth.internal.Json} instead.
 */
public final class GoJson {
    private GoJson() {
    }

    /** Writes {@code value} indented by two spaces, escaping like Go (HTML-safe). */
    public static String write(Object value) {
        StringBuilder b = new StringBuilder();
        write(b, value, "");
        return b.toString();
    }

    /** Writes {@code value} without whitespace, as Go's {@code json.Marshal} does (HTML-safe escaping). */
    public static String compact(Object value) {
        StringBuilder b = new StringBuilder(512);
        compact(b, value);
        return b.toString();
    }

    private static void compact(StringBuilder b, Object v) {
        if (v instanceof Map<?, ?> m) {
            b.append('{');
            boolean first = true;
            for (Map.Entry<?, ?> e : m.entrySet()) {
                if (!first) {
                    b.append(',');
                }
                first = false;
                quote(b, String.valueOf(e.getKey()));
                b.append(':');
                compact(b, e.getValue());
            }
            b.append('}');
        } else if (v instanceof List<?> l) {
            b.append('[');
            for (int k = 0; k < l.size(); k++) {
                if (k > 0) {
                    b.append(',');
                }
                compact(b, l.get(k));
            }
            b.append(']');
        } else {
            write(b, v, "");
        }
    }

    private static void write(StringBuilder b, Object v, String indent) {
        if (v == null) {
            b.append("null");
        } else if (v instanceof String str) {
            quote(b, str);
        } else if (v instanceof Boolean || v instanceof Long || v instanceof Integer) {
            b.append(v);
        } else if (v instanceof Float f) {
            b.append(goFloat(new BigDecimal(Float.toString(f)), Math.abs(f)));
        } else if (v instanceof Double d) {
            b.append(goFloat(new BigDecimal(Double.toString(d)), Math.abs(d)));
        } else if (v instanceof Map<?, ?> m) {
            if (m.isEmpty()) {
                b.append("{}");
                return;
            }
            b.append("{\n");
            String in = indent + "  ";
            boolean first = true;
            for (Map.Entry<?, ?> e : m.entrySet()) {
                if (!first) {
                    b.append(",\n");
                }
                first = false;
                b.append(in);
                quote(b, String.valueOf(e.getKey()));
                b.append(": ");
                write(b, e.getValue(), in);
            }
            b.append('\n').append(indent).append('}');
        } else if (v instanceof List<?> l) {
            if (l.isEmpty()) {
                b.append("[]");
                return;
            }
            b.append("[\n");
            String in = indent + "  ";
            for (int k = 0; k < l.size(); k++) {
                if (k > 0) {
                    b.append(",\n");
                }
                b.append(in);
                write(b, l.get(k), in);
            }
            b.append('\n').append(indent).append(']');
        } else {
            quote(b, v.toString());
        }
    }

    private static String goFloat(BigDecimal bd, double abs) {
        bd = bd.stripTrailingZeros();
        if (abs != 0 && (abs < 1e-6 || abs >= 1e21)) {
            String digits = bd.unscaledValue().abs().toString();
            int exp = digits.length() - 1 - bd.scale();
            String mant = digits.length() > 1 ? digits.charAt(0) + "." + digits.substring(1) : digits;
            String es = Integer.toString(Math.abs(exp));
            return (bd.signum() < 0 ? "-" : "") + mant + "e" + (exp < 0 ? "-" : "+") + (es.length() < 2 ? "0" + es : es);
        }
        return bd.toPlainString();
    }

    static void quote(StringBuilder b, String s) {
        b.append('"');
        for (int k = 0; k < s.length(); k++) {
            char c = s.charAt(k);
            switch (c) {
                case '"' -> b.append("\\\"");
                case '\\' -> b.append("\\\\");
                case '\n' -> b.append("\\n");
                case '\r' -> b.append("\\r");
                case '\t' -> b.append("\\t");
                case '<' -> b.append("\\u003c");
                case '>' -> b.append("\\u003e");
                case '&' -> b.append("\\u0026");
                case '\u2028' -> b.append("\\u2028");
                case '\u2029' -> b.append("\\u2029");
                default -> {
                    if (c < 0x20) {
                        b.append(String.format("\\u%04x", (int) c));
                    } else {
                        b.append(c);
                    }
                }
            }
        }
        b.append('"');
    }
}
