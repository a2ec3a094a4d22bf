package de.stadtdialog.sessioncycle.internal;

import java.time.Instant;

import de.stadtdialog.sessioncycle.NoticePeriod;
import de.stadtdialog.sessioncycle.PublicSession;

/** The German mail texts of the session cycle. */
final class SessionTexts {

    private SessionTexts() {
    }

    static String dateTime(Instant instant) {
        return NoticePeriod.format(instant);
    }

    static String invitation(PublicSession session, String link) {
        return "Guten Tag,\n\nhiermit laden wir Sie zur öffentlichen Sitzung „" + session.getTitle() + "“ des Gremiums "
            + session.getBody() + " ein.\n\nZeit: " + dateTime(session.getStartsAt()) + "\nOrt: "
            + (session.getLocation() == null ? "wird noch bekannt gegeben" : session.getLocation())
            + "\n\nTagesordnung:\n" + session.getAgenda() + "\n\nDie Einladung ist öffentlich bekannt gemacht: "
            + link + "\n\nMit freundlichen Grüßen\nIhre Stadtverwaltung";
    }

    static String minutesPublished(PublicSession session, String link) {
        return "Guten Tag,\n\ndas genehmigte Protokoll der Sitzung „" + session.getTitle() + "“ vom "
            + dateTime(session.getStartsAt()) + " ist veröffentlicht:\n" + link
            + "\n\nMit freundlichen Grüßen\nIhre Stadtverwaltung";
    }
}
