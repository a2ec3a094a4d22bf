package de.stadtdialog.portal;

import java.time.Instant;

/**
 * A date the public may put in its calendar, e.g. an announced public session. {@code key} is unique and stable
 * within the module that supplies it (it becomes part of the calendar UID, so an update replaces the old entry);
 * {@code endsAt}, {@code location}, {@code description} and {@code path} (context-relative link to the public
 * page) may be null. {@code changedAt} is when it was announced or last changed.
 */
public record PublicDate(String key, String summary, Instant startsAt, Instant endsAt, String location,
        String description, String path, Instant changedAt) {
}
