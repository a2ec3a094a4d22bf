package de.stadtdialog.portal.internal;

import java.time.Instant;
import java.util.List;

/**
 * A procedure's course as the public sees it: steps done (with when they were done), the phase it is in now, and
 * the dates ahead. No staff names, no internal notes.
 */
public record PublicTimeline(List<PastStep> past, CurrentPhase current, List<UpcomingDate> upcoming) {

    public record PastStep(String name, Instant at) {
    }

    /** {@code since} is null when unknown (e.g. not started); {@code ended} for a finished procedure. */
    public record CurrentPhase(String name, Instant since, boolean started, boolean ended) {
    }

    /**
     * A deadline of the current phase ("bis …") or an event the process waits for ("am …"). {@code passed}: the
     * deadline lies in the past and the phase is still open.
     */
    public record UpcomingDate(String name, Instant at, Kind kind, boolean passed) {

        public enum Kind {
            DEADLINE, EVENT
        }

        public boolean isDeadline() {
            return kind == Kind.DEADLINE;
        }
    }
}
