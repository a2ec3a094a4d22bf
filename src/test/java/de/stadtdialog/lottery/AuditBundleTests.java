package de.stadtdialog.lottery;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import de.stadtdialog.lottery.internal.CounterModeGenerator;

class AuditBundleTests {

    private static final String CEREMONY = "6 3 1 4 4 2";

    private static LotteryTable table;
    private static byte[] bundle;

    @BeforeAll
    static void drawOnce() {
        table = LotteryTable.of(Leximin.compute(Pools.domainInstance(1)));
        bundle = AuditBundle.write(table, LotteryDraw.draw(table, CEREMONY));
    }

    @Test
    void sameInputsGiveTheSameBytes() {
        List<Person> shuffled = new ArrayList<>(Pools.domainPeople(1));
        Collections.shuffle(shuffled, new Random(7));
        LotteryTable again = LotteryTable.of(Leximin.compute(LotteryInput.of(Pools.domainQuotas(1), shuffled, 20)));

        assertThat(AuditBundle.write(again, LotteryDraw.draw(again, CEREMONY))).isEqualTo(bundle);
    }

    @Test
    void bundleHoldsTheDocumentedEntriesAndNoPersonalData() {
        Map<String, byte[]> entries = AuditBundle.unzip(bundle);

        assertThat(entries.keySet()).containsExactlyElementsOf(AuditBundle.ENTRIES);
        assertThat(text(entries, "pool.csv")).startsWith("id,Geschlecht,Haltung\nfc0000,weiblich,konservativ\n");
        assertThat(text(entries, "quotas.csv")).isEqualTo("""
            category,value,min,max
            Geschlecht,weiblich,9,20
            Geschlecht,männlich,9,20
            Haltung,liberal,9,20
            Haltung,konservativ,9,20
            """);
        assertThat(text(entries, "types.csv")).isEqualTo("""
            type,count,Geschlecht,Haltung
            T001,99,weiblich,liberal
            T002,1,weiblich,konservativ
            T003,100,männlich,konservativ
            """);
        assertThat(text(entries, "probabilities.csv"))
            .contains("fc0000,T002,0.100000000,")
            .contains("mc0099,T003,0.100000000,");
        String commitment = text(entries, "commitment.txt");
        assertThat(commitment).startsWith("format: stadtdialog-lottery 1\nsolver: OR-Tools ")
            .contains("seats: 20\npeople: 200\ntypes: 3\npanels: 1000\nleximin: complete\n")
            .contains("panels.csv: sha256 " + CounterModeGenerator.hex(
                CounterModeGenerator.sha256(entries.get("panels.csv"))));
        assertThat(text(entries, "draw.json")).contains("\"ceremonyInput\": \"6 3 1 4 4 2\"")
            .contains("\"commitment\": \"" + table.commitmentHash() + "\"");
        assertThat(text(entries, "manifest.json")).contains("\"name\": \"draw.json\"");
    }

    @Test
    void verifierConfirmsAGoodBundle() {
        VerificationReport report = BundleVerifier.verify(bundle);

        assertThat(report.problems()).isEmpty();
        assertThat(report.ok()).isTrue();
        assertThat(report.text()).contains("Alle 8 Prüfsummen").contains("erfüllen jede Quote")
            .contains("Ergebnis: Alles stimmt");
    }

    /** Raw byte changes anywhere: in every entry's data (start, end, samples), in headers and the directory. */
    @Test
    void verifierRejectsAnyChangedByteOfTheFile() {
        Random random = new Random(3);
        List<Integer> positions = new ArrayList<>();
        for (int[] data : dataRanges(bundle)) {
            int start = data[0];
            int end = data[1];
            positions.add(start);
            positions.add(end - 1);
            for (int i = 0; i < 6; i++) {
                positions.add(start + random.nextInt(end - start));
            }
            positions.add(start - 1);
            positions.add(start - 20);
        }
        for (int i = 1; i <= 40; i++) {
            positions.add(bundle.length - i);
        }
        for (int position : positions) {
            byte[] changed = bundle.clone();
            changed[position] ^= 0x01;
            VerificationReport report = BundleVerifier.verify(changed);
            assertThat(report.ok()).as("byte %d changed", position).isFalse();
            assertThat(report.problems()).isNotEmpty();
        }
    }

    /**
     * The same inside a valid ZIP (checksums of the archive fixed up), so it is our checks that catch it: one
     * byte of each entry at sampled positions.
     */
    @Test
    void verifierRejectsAnyChangedByteOfAnEntry() {
        Random random = new Random(4);
        Map<String, byte[]> entries = AuditBundle.unzip(bundle);
        for (String name : entries.keySet()) {
            byte[] content = entries.get(name);
            List<Integer> positions = new ArrayList<>(List.of(0, content.length - 1, content.length / 2));
            for (int i = 0; i < 12; i++) {
                positions.add(random.nextInt(content.length));
            }
            for (int position : positions) {
                for (int flip : new int[] {0x01, 0x20}) {
                    Map<String, byte[]> changed = new LinkedHashMap<>(entries);
                    byte[] bytes = content.clone();
                    bytes[position] ^= flip;
                    changed.put(name, bytes);
                    VerificationReport report = BundleVerifier.verify(AuditBundle.zip(changed));
                    assertThat(report.ok()).as("%s byte %d ^ %d", name, position, flip).isFalse();
                }
            }
        }
    }

    @Test
    void aRecordedMemberWhoWasNotDrawnIsNamed() {
        Map<String, byte[]> entries = AuditBundle.unzip(bundle);
        DrawRecord honest = AuditBundle.readDraw(entries.get("draw.json"));
        List<String> members = new ArrayList<>(honest.members());
        String dropped = members.remove(0);
        String favourite = honest.reserve().get(honest.reserve().size() - 1);
        members.add(favourite);
        List<String> reserve = new ArrayList<>(honest.reserve());
        reserve.remove(favourite);
        reserve.add(dropped);
        DrawRecord forged = new DrawRecord(honest.commitment(), honest.ceremonyInput(), honest.normalisedInput(),
            honest.seed(), honest.panels(), honest.panelNumber(), members, reserve);

        VerificationReport report = BundleVerifier.verify(rebuilt(entries, "draw.json", AuditBundle.drawJson(forged)));

        assertThat(report.ok()).isFalse();
        assertThat(report.problems()).anySatisfy(problem -> assertThat(problem)
            .contains("Die Mitglieder stimmen nicht").contains("es fehlen " + dropped)
            .contains("zu Unrecht dabei: " + favourite));
        assertThat(report.text()).contains("NICHT bestätigt");
    }

    @Test
    void aTableChangedAfterTheCommitmentIsNamed() {
        Map<String, byte[]> entries = AuditBundle.unzip(bundle);
        String panels = text(entries, "panels.csv");
        String[] lines = panels.split("\n", 3);
        String changed = lines[0] + "\n" + lines[1].substring(0, lines[1].lastIndexOf(',') + 1)
            + (Integer.parseInt(lines[1].substring(lines[1].lastIndexOf(',') + 1)) - 1) + "\n" + lines[2];
        assertThat(changed).isNotEqualTo(panels);

        VerificationReport report = BundleVerifier.verify(
            rebuilt(entries, "panels.csv", changed.getBytes(StandardCharsets.UTF_8)));

        assertThat(report.problems()).anySatisfy(problem -> assertThat(problem)
            .contains("commitment.txt legt für panels.csv").contains("nach der Festlegung verändert"));
    }

    /**
     * A forger who rewrites everything consistently (a new commitment, a draw derived from it) still cannot
     * hide a panel that breaks the quotas.
     */
    @Test
    void aConsistentlyForgedTableThatBreaksTheQuotasIsNamed() {
        Map<String, byte[]> entries = AuditBundle.unzip(bundle);
        String panels = text(entries, "panels.csv");
        // the first panel range gets all 20 seats for female liberals (T001): no man, no conservative
        String[] lines = panels.split("\n");
        String range = lines[1].substring(0, lines[1].indexOf(",T"));
        StringBuilder forgedPanels = new StringBuilder(lines[0]).append('\n').append(range).append(",T001,20\n");
        for (String line : lines) {
            if (!line.startsWith(range + ",") && !line.equals(lines[0])) {
                forgedPanels.append(line).append('\n');
            }
        }
        Map<String, byte[]> forged = new LinkedHashMap<>(entries);
        forged.put("panels.csv", forgedPanels.toString().getBytes(StandardCharsets.UTF_8));
        LotteryTable forgedTable = LotteryTable.read(forged::get);
        Map<String, byte[]> files = forgedTable.files();
        // probabilities as the forged table gives them, commitment over the forged files
        forged.putAll(files);
        DrawRecord draw = LotteryDraw.draw(forgedTable, CEREMONY);
        forged.put("draw.json", AuditBundle.drawJson(draw));
        forged.remove("manifest.json");
        byte[] forgedBundle = AuditBundle.zip(AuditBundle.withManifest(LotteryTable.FORMAT, forgedTable.solver(),
            draw.commitment(), forged));

        VerificationReport report = BundleVerifier.verify(forgedBundle);

        assertThat(report.problems()).anySatisfy(problem -> assertThat(problem)
            .contains("verletzt die Quoten").contains("Geschlecht männlich: 0 Sitze"));
    }

    @Test
    void aDamagedArchiveIsReportedAsSuch() {
        VerificationReport report = BundleVerifier.verify("kein zip".getBytes(StandardCharsets.UTF_8));
        assertThat(report.ok()).isFalse();
        assertThat(report.problems()).singleElement().asString().contains("kein lesbares ZIP-Archiv");
    }

    /** The entries with one replaced, manifest hashes updated (as a careless forger would). */
    private static byte[] rebuilt(Map<String, byte[]> entries, String name, byte[] content) {
        Map<String, byte[]> changed = new LinkedHashMap<>(entries);
        changed.put(name, content);
        changed.remove("manifest.json");
        AuditBundle.Manifest manifest = AuditBundle.readManifest(entries.get("manifest.json"));
        return AuditBundle.zip(AuditBundle.withManifest(manifest.format(), manifest.solver(), manifest.commitment(),
            changed));
    }

    private static String text(Map<String, byte[]> entries, String name) {
        return new String(entries.get(name), StandardCharsets.UTF_8);
    }

    /** [start, end) of each entry's data, from the local headers. */
    private static List<int[]> dataRanges(byte[] zip) {
        ByteBuffer buffer = ByteBuffer.wrap(zip).order(ByteOrder.LITTLE_ENDIAN);
        List<int[]> ranges = new ArrayList<>();
        int position = 0;
        while (buffer.getInt(position) == 0x04034b50) {
            int size = buffer.getInt(position + 18);
            int nameLength = buffer.getShort(position + 26);
            int extraLength = buffer.getShort(position + 28);
            int start = position + 30 + nameLength + extraLength;
            ranges.add(new int[] {start, start + size});
            position = start + size;
        }
        assertThat(ranges).hasSize(AuditBundle.ENTRIES.size());
        return ranges;
    }
}
