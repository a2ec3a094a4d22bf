package de.stadtdialog.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.Locale;

import org.junit.jupiter.api.Test;

class MunicipalTimeTests {

    @Test
    void showsBerlinTimeInSummerAndWinter() {
        assertThat(MunicipalTime.dateTime(Instant.parse("2026-12-02T17:00:00Z"))).isEqualTo("02.12.2026, 18:00 Uhr");
        assertThat(MunicipalTime.dateTime(Instant.parse("2026-07-02T16:00:00Z"))).isEqualTo("02.07.2026, 18:00 Uhr");
        assertThat(MunicipalTime.dateTime(Instant.parse("2026-12-02T17:00:00Z"), Locale.ENGLISH))
            .isEqualTo("2 Dec 2026, 18:00");
        assertThat(MunicipalTime.dateTime(null)).isEmpty();
    }

    @Test
    void aDeadlineAtMidnightIsTheEndOfTheDayBefore() {
        Instant midnight = Instant.parse("2026-12-04T23:00:00Z"); // 05.12.2026 00:00 in Berlin
        assertThat(MunicipalTime.deadline(midnight, Locale.GERMAN)).isEqualTo("04.12.2026, 24:00 Uhr");
        assertThat(MunicipalTime.deadline(midnight, Locale.ENGLISH)).isEqualTo("4 Dec 2026, 24:00");
        assertThat(MunicipalTime.deadline(Instant.parse("2026-12-04T22:59:00Z"), Locale.GERMAN))
            .isEqualTo("04.12.2026, 23:59 Uhr");
        assertThat(MunicipalTime.iso(midnight)).isEqualTo("2026-12-05T00:00:00+01:00");
    }

    @Test
    void readsWhatFormsSendAndNamesTheFieldOtherwise() {
        Instant sixPm = Instant.parse("2027-03-01T17:00:00Z");
        assertThat(MunicipalTime.fromForm("2027-03-01T18:00", "start")).isEqualTo(sixPm);
        assertThat(MunicipalTime.fromForm("2027-03-01T18:00+01:00", "start")).isEqualTo(sixPm);
        assertThat(MunicipalTime.fromForm(java.util.Date.from(sixPm), "start")).isEqualTo(sixPm);
        assertThatThrownBy(() -> MunicipalTime.fromForm(" ", "start")).isInstanceOf(InputRejectedException.class)
            .hasMessage("Bitte geben Sie Datum und Uhrzeit an.")
            .satisfies(e -> assertThat(((InputRejectedException) e).field()).isEqualTo("start"));
        assertThatThrownBy(() -> MunicipalTime.fromForm("morgen", "start", "fehlt"))
            .hasMessage("„morgen“ ist kein gültiger Zeitpunkt.");
    }
}
