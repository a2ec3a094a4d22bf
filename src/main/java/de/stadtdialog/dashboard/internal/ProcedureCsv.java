package de.stadtdialog.dashboard.internal;

import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * CSV as German Excel opens it with a double click: UTF-8 with byte order mark, semicolons, CRLF. Cells that a
 * spreadsheet would run as a formula get a leading apostrophe, so a procedure titled "=HYPERLINK(…)" stays text.
 */
final class ProcedureCsv {

    private static final char SEPARATOR = ';';
    private static final String LINE_END = "\r\n";

    private final StringBuilder out = new StringBuilder("\uFEFF");

    ProcedureCsv row(List<String> cells) {
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) {
                out.append(SEPARATOR);
            }
            out.append(cell(cells.get(i)));
        }
        out.append(LINE_END);
        return this;
    }

    byte[] bytes() {
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }

    static String cell(String value) {
        if (value == null || value.isEmpty()) {
            return "";
        }
        String text = startsFormula(value) ? "'" + value : value;
        if (text.indexOf(SEPARATOR) >= 0 || text.indexOf('"') >= 0 || text.indexOf('\n') >= 0
                || text.indexOf('\r') >= 0) {
            return '"' + text.replace("\"", "\"\"") + '"';
        }
        return text;
    }

    private static boolean startsFormula(String value) {
        char first = value.charAt(0);
        return first == '=' || first == '+' || first == '-' || first == '@' || first == '\t' || first == '\r';
    }
}
