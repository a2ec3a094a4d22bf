package de.stadtdialog.dashboard.internal;

import java.time.Instant;

/**
 * One thing that happened in a procedure. {@code title} and {@code note} are ready to show (names from the BPMN,
 * operation names from the messages); {@code actor} is who did it, if anyone. {@code until} is when a step or an
 * incident ended (none for instantaneous events); {@code ongoing} marks a step the process is still in.
 */
public record TimelineEntry(Instant at, Instant until, Kind kind, String title, String actor, String note,
        boolean canceled, boolean ongoing) {

    public enum Kind {
        STEP, ACTION, INCIDENT
    }
}
