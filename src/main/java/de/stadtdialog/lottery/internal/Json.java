package de.stadtdialog.lottery.internal;

import java.util.List;

/** The canonical JSON of the audit bundle: written by hand so that its bytes are fixed (see docs/lottery.md). */
public final class Json {

    private Json() {
    }

    /** A JSON string: quotes, backslash and control characters escaped, everything else as is (UTF-8). */
    public static String string(String value) {
        StringBuilder out = new StringBuilder("\"");
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.append('"').toString();
    }

    /** A list of strings, one per line, indented by {@code indent} + 2 spaces; "[]" when empty. */
    public static String stringArray(List<String> values, String indent) {
        if (values.isEmpty()) {
            return "[]";
        }
        StringBuilder out = new StringBuilder("[\n");
        for (int i = 0; i < values.size(); i++) {
            out.append(indent).append("  ").append(string(values.get(i)));
            out.append(i + 1 < values.size() ? ",\n" : "\n");
        }
        return out.append(indent).append(']').toString();
    }
}
