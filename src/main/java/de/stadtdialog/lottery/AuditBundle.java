package de.stadtdialog.lottery;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import de.stadtdialog.lottery.internal.CounterModeGenerator;
import de.stadtdialog.lottery.internal.Json;
import de.stadtdialog.lottery.internal.StoredZip;

/**
 * The audit bundle of one draw: a ZIP with the committed table, the draw record and a manifest of hashes. The
 * same table and draw always give the same bytes (fixed entry order and times, no compression, canonical CSV and
 * JSON), so anyone can recompute and compare it. Contains pseudonymous ids and quota features only.
 */
public final class AuditBundle {

    public static final String MANIFEST = "manifest.json";
    public static final String README = "README.txt";
    public static final String DRAW = "draw.json";
    /** The entries, in this order. */
    public static final List<String> ENTRIES = List.of(MANIFEST, README, LotteryTable.COMMITMENT,
        LotteryTable.POOL, LotteryTable.QUOTAS, LotteryTable.TYPES, LotteryTable.PANELS, LotteryTable.PROBABILITIES,
        DRAW);

    private static final ObjectMapper JSON = new ObjectMapper();

    private AuditBundle() {
    }

    public static byte[] write(LotteryTable table, DrawRecord draw) {
        Map<String, byte[]> tableFiles = table.files();
        Map<String, byte[]> entries = new LinkedHashMap<>();
        entries.put(README, readme());
        for (String name : ENTRIES) {
            if (tableFiles.containsKey(name)) {
                entries.put(name, tableFiles.get(name));
            }
        }
        entries.put(DRAW, drawJson(draw));
        return StoredZip.write(withManifest(LotteryTable.FORMAT, table.solver(), draw.commitment(), entries));
    }

    static Map<String, byte[]> withManifest(String format, String solver, String commitment,
                                            Map<String, byte[]> entries) {
        Map<String, byte[]> all = new LinkedHashMap<>();
        all.put(MANIFEST, manifest(format, solver, commitment, entries));
        all.putAll(entries);
        return all;
    }

    static byte[] manifest(String format, String solver, String commitment, Map<String, byte[]> entries) {
        StringBuilder out = new StringBuilder("{\n");
        out.append("  \"format\": ").append(Json.string(format)).append(",\n");
        out.append("  \"solver\": ").append(Json.string(solver)).append(",\n");
        out.append("  \"commitment\": ").append(Json.string(commitment)).append(",\n");
        out.append("  \"entries\": [\n");
        int i = 0;
        for (Map.Entry<String, byte[]> entry : entries.entrySet()) {
            out.append("    {\n");
            out.append("      \"name\": ").append(Json.string(entry.getKey())).append(",\n");
            out.append("      \"size\": ").append(entry.getValue().length).append(",\n");
            out.append("      \"sha256\": ")
                .append(Json.string(CounterModeGenerator.hex(CounterModeGenerator.sha256(entry.getValue()))))
                .append('\n');
            out.append(++i < entries.size() ? "    },\n" : "    }\n");
        }
        out.append("  ]\n}\n");
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }

    static byte[] drawJson(DrawRecord draw) {
        String out = "{\n"
            + "  \"format\": " + Json.string(LotteryTable.FORMAT) + ",\n"
            + "  \"commitment\": " + Json.string(draw.commitment()) + ",\n"
            + "  \"ceremonyInput\": " + Json.string(draw.ceremonyInput()) + ",\n"
            + "  \"normalisedInput\": " + Json.string(draw.normalisedInput()) + ",\n"
            + "  \"seed\": " + Json.string(draw.seed()) + ",\n"
            + "  \"panels\": " + draw.panels() + ",\n"
            + "  \"panelNumber\": " + draw.panelNumber() + ",\n"
            + "  \"members\": " + Json.stringArray(draw.members(), "  ") + ",\n"
            + "  \"reserve\": " + Json.stringArray(draw.reserve(), "  ") + "\n"
            + "}\n";
        return out.getBytes(StandardCharsets.UTF_8);
    }

    static DrawRecord readDraw(byte[] bytes) {
        JsonNode root = parse(DRAW, bytes);
        return new DrawRecord(text(root, "commitment"), text(root, "ceremonyInput"), text(root, "normalisedInput"),
            text(root, "seed"), integer(root, "panels"), integer(root, "panelNumber"), strings(root, "members"),
            strings(root, "reserve"));
    }

    /** The manifest's fields: format, solver, commitment, and the entries' names with size and hash. */
    record Manifest(String format, String solver, String commitment, List<ManifestEntry> entries) {
    }

    record ManifestEntry(String name, long size, String sha256) {
    }

    static Manifest readManifest(byte[] bytes) {
        JsonNode root = parse(MANIFEST, bytes);
        JsonNode entries = root.get("entries");
        if (entries == null || !entries.isArray()) {
            throw new LotteryFormatException(MANIFEST + ": „entries“ fehlt oder ist keine Liste.");
        }
        List<ManifestEntry> list = new ArrayList<>();
        for (JsonNode entry : entries) {
            JsonNode size = entry.get("size");
            if (size == null || !size.canConvertToLong()) {
                throw new LotteryFormatException(MANIFEST + ": Ein Eintrag hat keine gültige Größe.");
            }
            list.add(new ManifestEntry(text(entry, "name"), size.asLong(), text(entry, "sha256")));
        }
        return new Manifest(text(root, "format"), text(root, "solver"), text(root, "commitment"), list);
    }

    private static JsonNode parse(String name, byte[] bytes) {
        try {
            JsonNode root = JSON.readTree(bytes);
            if (root == null || !root.isObject()) {
                throw new LotteryFormatException(name + " ist kein JSON-Objekt.");
            }
            return root;
        } catch (JsonProcessingException e) {
            throw new LotteryFormatException(name + " ist kein gültiges JSON: " + e.getOriginalMessage());
        } catch (IOException e) {
            throw new LotteryFormatException(name + " lässt sich nicht lesen: " + e.getMessage());
        }
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        if (value == null || !value.isTextual()) {
            throw new LotteryFormatException("„" + field + "“ fehlt oder ist kein Text.");
        }
        return value.asText();
    }

    private static int integer(JsonNode node, String field) {
        JsonNode value = node.get(field);
        if (value == null || !value.isInt()) {
            throw new LotteryFormatException("„" + field + "“ fehlt oder ist keine ganze Zahl.");
        }
        return value.asInt();
    }

    private static List<String> strings(JsonNode node, String field) {
        JsonNode value = node.get(field);
        if (value == null || !value.isArray()) {
            throw new LotteryFormatException("„" + field + "“ fehlt oder ist keine Liste.");
        }
        List<String> list = new ArrayList<>();
        for (JsonNode item : value) {
            if (!item.isTextual()) {
                throw new LotteryFormatException("„" + field + "“ enthält etwas anderes als Text.");
            }
            list.add(item.asText());
        }
        return list;
    }

    static byte[] readme() {
        String text = """
            Prüfpaket einer Auslosung (Stadtdialog)
            =======================================

            Dieses Archiv enthält alles, um eine Auslosung nachzuprüfen:

              manifest.json      Formatversion, Solver, Commitment und SHA-256 jeder Datei
              commitment.txt     die vor der Ziehung veröffentlichte Festlegung; ihr SHA-256 ist das Commitment
              pool.csv           der Pool: pseudonyme Kennungen und Quotenmerkmale, sonst nichts
              quotas.csv         die Quoten (Kategorie, Wert, Minimum, Maximum)
              types.csv          die Typen: Personen mit gleichen Merkmalen
              panels.csv         die Lostabelle: m gleich wahrscheinliche Gremien, nummeriert 1..m,
                                 als Sitze je Typ
              probabilities.csv  die Auswahlwahrscheinlichkeit jeder Person: optimal (Leximin) und laut Lostabelle
              draw.json          die Ziehung: Eingabe der öffentlichen Ziehung, Seed, gezogene Nummer,
                                 Mitglieder, Nachrückliste

            Prüfen:  java -jar stadtdialog.jar verify <dieses-archiv>.zip

            Das Prüfprogramm berechnet alle Prüfsummen neu, prüft jedes Gremium der Lostabelle gegen die Quoten,
            rechnet die Wahrscheinlichkeiten aus der Tabelle nach und leitet Seed, gezogene Nummer, Mitglieder
            und Nachrückliste erneut ab. Das Verfahren ist in docs/lottery.md so beschrieben, dass es sich
            unabhängig nachprogrammieren lässt.
            """;
        return text.getBytes(StandardCharsets.UTF_8);
    }

    /** The entries of a bundle, in file order. */
    static Map<String, byte[]> unzip(byte[] zip) {
        try {
            return StoredZip.read(zip);
        } catch (IOException e) {
            throw new LotteryFormatException("Die Datei ist kein lesbares ZIP-Archiv: " + e.getMessage());
        }
    }

    static byte[] zip(Map<String, byte[]> entries) {
        return StoredZip.write(entries);
    }
}
