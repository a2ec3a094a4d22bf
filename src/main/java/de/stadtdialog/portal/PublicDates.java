package de.stadtdialog.portal;

import java.util.List;

/**
 * Public dates of one municipality for the portal's iCalendar feed ({@code /oeffentlich/termine.ics}).
 * Implementations are Spring beans and return only what is already announced publicly.
 */
public interface PublicDates {

    List<PublicDate> datesOf(String tenantId);
}
