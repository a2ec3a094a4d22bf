package de.stadtdialog.lottery.internal;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * CSV as spreadsheets write it (RFC 4180: quoted fields, doubled quotes, CRLF or LF, a UTF-8 byte order mark),
 * with comma or - as German spreadsheets save it - semicolon as separator; and the one canonical form the audit
 * bundle uses (UTF-8 without BOM, comma, LF after every line, quotes only where a field needs them).
 */
public final class Csv {

    private Csv() {
    }

    /** One record and the line it starts on (1-based), for messages. */
    public record Record(int line, List<String> fields) {
    }

    /** A file that cannot be read as CSV; the message is German and names file and line. */
    public static final class FormatException extends Exception {

        public FormatException(String message) {
            super(message);
        }
    }

    public static List<Record> parse(String fileName, byte[] bytes) throws FormatException {
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT)
                .decode(ByteBuffer.wrap(bytes))
                .toString();
        } catch (CharacterCodingException e) {
            throw new FormatException(fileName + " ist keine UTF-8-Textdatei. Bitte im Tabellenprogramm als "
                + "„CSV UTF-8“ speichern.");
        }
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        char separator = separatorOf(text);
        List<Record> records = new ArrayList<>();
        List<String> fields = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        int line = 1;
        int recordLine = 1;
        boolean quoted = false;
        boolean fieldWasQuoted = false;
        int quoteLine = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (quoted) {
                if (c == '"') {
                    if (i + 1 < text.length() && text.charAt(i + 1) == '"') {
                        field.append('"');
                        i++;
                    } else {
                        quoted = false;
                    }
                } else {
                    if (c == '\n') {
                        line++;
                    }
                    field.append(c);
                }
            } else if (c == '"') {
                if (field.toString().isBlank() && !fieldWasQuoted) {
                    field.setLength(0);
                    quoted = true;
                    fieldWasQuoted = true;
                    quoteLine = line;
                } else {
                    throw new FormatException(fileName + ", Zeile " + line + ": Ein Anführungszeichen steht mitten "
                        + "im Feld. Felder mit Anführungszeichen müssen ganz in \"…\" stehen, innere als \"\".");
                }
            } else if (c == separator) {
                fields.add(field.toString());
                field.setLength(0);
                fieldWasQuoted = false;
            } else if (c == '\n' || c == '\r') {
                if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
                    i++;
                }
                fields.add(field.toString());
                addUnlessBlank(records, recordLine, fields);
                fields = new ArrayList<>();
                field.setLength(0);
                fieldWasQuoted = false;
                line++;
                recordLine = line;
            } else if (fieldWasQuoted && !Character.isWhitespace(c)) {
                throw new FormatException(fileName + ", Zeile " + line + ": Nach dem schließenden "
                    + "Anführungszeichen folgt noch Text im selben Feld.");
            } else {
                field.append(c);
            }
        }
        if (quoted) {
            throw new FormatException(fileName + ", Zeile " + quoteLine + ": Das Anführungszeichen wird bis zum "
                + "Dateiende nicht geschlossen.");
        }
        if (field.length() > 0 || !fields.isEmpty() || fieldWasQuoted) {
            fields.add(field.toString());
            addUnlessBlank(records, recordLine, fields);
        }
        return records;
    }

    private static void addUnlessBlank(List<Record> records, int line, List<String> fields) {
        boolean blank = fields.stream().allMatch(String::isBlank);
        if (!blank) {
            records.add(new Record(line, List.copyOf(fields)));
        }
    }

    /** Semicolon only if the header line has semicolons and no comma (the German spreadsheet default). */
    private static char separatorOf(String text) {
        int end = text.indexOf('\n');
        String header = end < 0 ? text : text.substring(0, end);
        return header.indexOf(';') >= 0 && header.indexOf(',') < 0 ? ';' : ',';
    }

    /** The canonical line for these fields, ending in LF. */
    public static String line(List<String> fields) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < fields.size(); i++) {
            if (i > 0) {
                out.append(',');
            }
            out.append(field(fields.get(i)));
        }
        return out.append('\n').toString();
    }

    public static String line(String... fields) {
        return line(List.of(fields));
    }

    static String field(String value) {
        boolean needsQuotes = value.isEmpty() || value.indexOf(',') >= 0 || value.indexOf('"') >= 0
            || value.indexOf('\n') >= 0 || value.indexOf('\r') >= 0 || !value.equals(value.strip());
        return needsQuotes ? '"' + value.replace("\"", "\"\"") + '"' : value;
    }
}
