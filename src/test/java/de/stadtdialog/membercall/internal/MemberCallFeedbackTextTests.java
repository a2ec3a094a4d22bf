package de.stadtdialog.membercall.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Map;

import org.junit.jupiter.api.Test;

import de.stadtdialog.membercall.ApplicationStatus;
import de.stadtdialog.membercall.MemberApplication;
import de.stadtdialog.membercall.MemberCall;

/** The sentences an applicant reads about their application, one per outcome. */
class MemberCallFeedbackTextTests {

    private static final Instant AT = Instant.parse("2027-04-01T10:00:00Z");
    private final MemberCall call = new MemberCall("kaiserslautern", "Aufruf Arbeitskreis", "Arbeitskreis Leitlinien",
        "officer");

    @Test
    void everyOutcomeReadsAsASentence() {
        assertThat(outcome(a -> a.changeStatus(ApplicationStatus.SELECTED, AT)))
            .isEqualTo("ausgewählt: Sie sind Mitglied in „Arbeitskreis Leitlinien“.");
        assertThat(outcome(a -> a.placeOnReserveList(2, AT)))
            .isEqualTo("Nachrückliste, Platz 2: Sie rücken nach, wenn ein Platz frei wird.");
        assertThat(outcome(a -> a.changeStatus(ApplicationStatus.NOT_SELECTED, AT))).isEqualTo("nicht ausgelost.");
        assertThat(outcome(a -> a.reject("unter 14 Jahre alt", AT)))
            .isEqualTo("nicht teilnahmeberechtigt: unter 14 Jahre alt");
        assertThat(outcome(a -> a.leave("B-AAAA-BBBB", AT)))
            .isEqualTo("Sie waren Mitglied in „Arbeitskreis Leitlinien“ und sind ausgeschieden.");
        assertThat(outcome(a -> { })).isEqualTo("eingegangen, noch nicht entschieden.");
    }

    private String outcome(java.util.function.Consumer<MemberApplication> change) {
        MemberApplication application = new MemberApplication(call, "B-CCCC-DDDD", "Anna", "anna@example.org", 1L,
            1990, true, Map.of(), "v1", AT);
        change.accept(application);
        return MemberCallFeedback.outcome(call, application);
    }
}
