package de.stadtdialog.lottery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.List;

import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;

class LotteryCsvTests {

    private static final String QUOTAS = """
        category,value,min,max
        Geschlecht,weiblich,1,2
        Geschlecht,männlich,1,2
        Alter,16–29,1,3
        Alter,30+,0,3
        """;

    private static final String PEOPLE = """
        id,Geschlecht,Alter,Name
        A1,weiblich,16–29,nicht übernehmen
        A2,männlich,30+,nicht übernehmen
        A3,weiblich,30+,nicht übernehmen
        A4,männlich,16–29,nicht übernehmen
        """;

    private static LotteryInput read(String people, String quotas, int seats) {
        return LotteryCsv.read("people.csv", people.getBytes(StandardCharsets.UTF_8), "quotas.csv",
            quotas == null ? null : quotas.getBytes(StandardCharsets.UTF_8), seats);
    }

    private static List<String> problems(ThrowingCallable call) {
        List<String>[] problems = new List[1];
        assertThatThrownBy(call).isInstanceOfSatisfying(LotteryInputException.class, e -> problems[0] = e.problems());
        return problems[0];
    }

    @Test
    void readsPoolAndQuotasAndIgnoresOtherColumns() {
        LotteryInput input = read(PEOPLE, QUOTAS, 3);

        assertThat(input.categories()).containsExactly("Geschlecht", "Alter");
        assertThat(input.people()).extracting(Person::id).containsExactly("A1", "A2", "A3", "A4");
        assertThat(input.people().get(0).features()).containsOnlyKeys("Geschlecht", "Alter");
        assertThat(input.quotas()).contains(new Quota("Alter", "16–29", 1, 3));
        assertThat(input.types()).hasSize(4);
    }

    @Test
    void readsSpreadsheetExports() {
        String people = "\uFEFFid;Geschlecht;Alter\r\nA1;\"weiblich\";16–29\r\nA2;männlich;\"30+\"\r\n"
            + "A3; weiblich ;30+\r\n\r\n";
        String quotas = "category;name;min;max;min_flex\r\nGeschlecht;weiblich;1;2;0\r\nGeschlecht;männlich;1;2;0\r\n"
            + "Alter;16–29;0;2;0\r\nAlter;30+;0;2;0\r\n";

        LotteryInput input = read(people, quotas, 2);

        assertThat(input.people()).hasSize(3);
        assertThat(input.people().get(2).feature("Geschlecht")).isEqualTo("weiblich");
    }

    @Test
    void moreSeatsThanPeople() {
        assertThat(problems(() -> read(PEOPLE, QUOTAS, 5))).containsExactly(
            "Es sollen 5 Sitze vergeben werden, aber nur 4 Personen sind im Pool (k > n). Ohne Los werden alle "
                + "aufgenommen.");
    }

    @Test
    void unknownAndMissingValuesNameFileAndLine() {
        String people = PEOPLE.replace("A3,weiblich,30+", "A3,Weiblich,30+").replace("A4,männlich,16–29",
            "A4,divers,");

        assertThat(problems(() -> read(people, QUOTAS, 2))).containsExactly(
            "people.csv, Zeile 4: Der Wert „Weiblich“ für „Geschlecht“ kommt in den Quoten nicht vor – gemeint ist "
                + "wohl „weiblich“ (Groß-/Kleinschreibung) (erlaubt: weiblich, männlich).",
            "people.csv, Zeile 5: Der Wert „divers“ für „Geschlecht“ kommt in den Quoten nicht vor (erlaubt: "
                + "weiblich, männlich).",
            "people.csv, Zeile 5: Kein Wert für „Alter“.");
    }

    @Test
    void idsMustBePseudonymousAndUnique() {
        String people = PEOPLE.replace("A2,", "Anna Müller,").replace("A4,", "A1,");

        assertThat(problems(() -> read(people, QUOTAS, 2))).containsExactly(
            "people.csv, Zeile 3: Die Kennung „Anna Müller“ ist unzulässig. Erlaubt sind pseudonyme Codes aus "
                + "Buchstaben A–Z, Ziffern, Punkt, Doppelpunkt, Binde- und Unterstrich (höchstens 64 Zeichen, keine "
                + "Namen).",
            "people.csv, Zeile 5: Die Kennung „A1“ kommt doppelt vor (auch people.csv, Zeile 2).");
    }

    @Test
    void quotasImpossibleWithinOneCategory() {
        String quotas = """
            category,value,min,max
            Geschlecht,weiblich,3,4
            Geschlecht,männlich,2,2
            Alter,16–29,0,1
            Alter,30+,0,1
            """;

        assertThat(problems(() -> read(PEOPLE, quotas, 3))).containsExactly(
            "Geschlecht weiblich: Minimum 3, aber nur 2 Personen im Pool haben diesen Wert.",
            "Geschlecht: Die Minima ergeben zusammen 5, es gibt aber nur 3 Sitze.",
            "Alter: Höchstens 2 Sitze lassen sich besetzen (Maxima, begrenzt durch die Zahl der Personen je Wert), "
                + "zu vergeben sind aber 3.");
    }

    @Test
    void malformedQuotaRows() {
        String quotas = """
            category,value,min,max
            Geschlecht,weiblich,zwei,2
            Geschlecht,männlich,3,1
            Geschlecht,männlich,1,2
            Alter,16–29,0,3,9
            """;

        assertThat(problems(() -> read(PEOPLE, quotas, 2))).containsExactly(
            "quotas.csv, Zeile 2: „min“ muss eine ganze Zahl sein (gefunden: „zwei“).",
            "quotas.csv, Zeile 5: 5 Felder statt 4.");
        String duplicates = QUOTAS + "Geschlecht,männlich,3,1\n";
        assertThat(problems(() -> read(PEOPLE, duplicates, 2))).containsExactly(
            "quotas.csv, Zeile 6: Das Minimum 3 ist größer als das Maximum 1.",
            "quotas.csv, Zeile 6: Die Quote „Geschlecht männlich“ kommt doppelt vor (auch quotas.csv, Zeile 3).");
    }

    @Test
    void missingColumnsAreNamed() {
        assertThat(problems(() -> read(PEOPLE.replace("Alter", "alter"), QUOTAS, 2))).containsExactly(
            "quotas.csv nennt die Kategorie „Alter“, aber people.csv hat keine solche Spalte (aber „alter“ – "
                + "Groß-/Kleinschreibung muss übereinstimmen).");
        assertThat(problems(() -> read(PEOPLE.replace("id,", "nr,"), QUOTAS, 2))).singleElement().asString()
            .startsWith("people.csv: Die Spalte „id“ fehlt");
        assertThat(problems(() -> read(PEOPLE, "kategorie,wert\n", 2))).singleElement().asString()
            .startsWith("quotas.csv: Die Kopfzeile muss die Spalten „category,value,min,max“ enthalten");
    }

    @Test
    void brokenCsvAndEncoding() {
        assertThat(problems(() -> read(PEOPLE + "A5,\"weiblich,30+\n", QUOTAS, 2))).containsExactly(
            "people.csv, Zeile 6: Das Anführungszeichen wird bis zum Dateiende nicht geschlossen.");
        assertThat(problems(() -> LotteryCsv.read("people.csv", new byte[] {'i', 'd', '\n', (byte) 0xE4, '\n'},
            null, null, 1))).containsExactly(
            "people.csv ist keine UTF-8-Textdatei. Bitte im Tabellenprogramm als „CSV UTF-8“ speichern.");
    }

    @Test
    void withoutQuotasOnlyIdsMatter() {
        LotteryInput input = read(PEOPLE, null, 2);
        assertThat(input.categories()).isEmpty();
        assertThat(input.types()).singleElement().satisfies(type -> assertThat(type.count()).isEqualTo(4));
    }
}
