package de.stadtdialog.portal.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;

import javax.xml.parsers.DocumentBuilderFactory;

import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;

/** The iCalendar and Atom writers on their own: escaping, folding, and characters XML cannot carry. */
class FeedFormatTests {

    @Test
    void textValuesEscapeBackslashSemicolonCommaAndLineBreaks() {
        assertThat(ICalendar.escape("a\\b;c,d\ne\r\nf\rg")).isEqualTo("a\\\\b\\;c\\,d\\ne\\nf\\ng");
        assertThat(ICalendar.escape("Tab\tbleibt, Steuerzeichen\u0007 nicht")).isEqualTo("Tab\tbleibt\\, Steuerzeichen nicht");
    }

    @Test
    void longLinesAreFoldedAt75OctetsWithoutSplittingACharacter() {
        String value = "ä".repeat(60) + "😀".repeat(10) + "x".repeat(80);
        String folded = ICalendar.fold("SUMMARY:" + value);

        String[] lines = folded.split("\r\n");
        assertThat(lines.length).isGreaterThan(3);
        for (int i = 0; i < lines.length; i++) {
            byte[] octets = lines[i].getBytes(StandardCharsets.UTF_8);
            assertThat(octets.length).isLessThanOrEqualTo(75);
            assertThat(new String(octets, StandardCharsets.UTF_8)).isEqualTo(lines[i]);
            if (i > 0) {
                assertThat(lines[i]).startsWith(" ");
            }
            // full lines: the next character would not have fit
            if (i < lines.length - 1) {
                int next = lines[i + 1].codePointAt(1);
                assertThat(octets.length + new String(Character.toChars(next)).getBytes(StandardCharsets.UTF_8).length)
                    .isGreaterThan(75);
            }
        }
        assertThat(folded.replace("\r\n ", "")).isEqualTo("SUMMARY:" + value);
        assertThat(ICalendar.fold("SUMMARY:kurz")).isEqualTo("SUMMARY:kurz");
    }

    @Test
    void aCalendarIsCrlfTerminatedAndTimesAreUtc() {
        String ics = new ICalendar().begin("VCALENDAR").time("DTSTART", Instant.parse("2023-07-23T21:59:30.5Z"))
            .text("LOCATION", " ").text("SUMMARY", "a,b").end("VCALENDAR").toString();

        assertThat(ics).isEqualTo("BEGIN:VCALENDAR\r\nDTSTART:20230723T215930Z\r\nSUMMARY:a\\,b\r\nEND:VCALENDAR\r\n");
    }

    @Test
    void atomLeavesOutCharactersXmlCannotCarryAndStaysWellFormed() throws Exception {
        Instant now = Instant.parse("2026-11-22T10:15:30.123Z");
        String xml = AtomFeed.write(new AtomFeed.Feed("urn:test:feed", "Liste \u0001mit <Steuerzeichen>", "Untertitel",
            now, "Stadt", "http://localhost/a.atom", "http://localhost/a", "de",
            List.of(new AtomFeed.Entry("urn:test:1", "Eintrag \u0000 & \"Zitat\"", "Text\u001f]]>", now, now,
                "http://localhost/a/1", "FORMAL", "formell"))));

        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        Document document = factory.newDocumentBuilder().parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
        assertThat(document.getElementsByTagNameNS(AtomFeed.NAMESPACE, "title").item(0).getTextContent())
            .isEqualTo("Liste mit <Steuerzeichen>");
        assertThat(document.getElementsByTagNameNS(AtomFeed.NAMESPACE, "title").item(1).getTextContent())
            .isEqualTo("Eintrag  & \"Zitat\"");
        assertThat(document.getElementsByTagNameNS(AtomFeed.NAMESPACE, "summary").item(0).getTextContent())
            .isEqualTo("Text]]>");
        assertThat(document.getElementsByTagNameNS(AtomFeed.NAMESPACE, "updated").item(0).getTextContent())
            .isEqualTo("2026-11-22T10:15:30Z");
    }
}
