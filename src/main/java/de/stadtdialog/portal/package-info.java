/**
 * The public portal: the municipality's project list (Vorhabenliste) maintained by staff, one public page per
 * project with the phase timeline of its procedure, the list as JSON and Atom, an iCalendar feed of public dates,
 * the start page and the accessibility, plain-language and privacy pages. Modules that run procedures add what
 * the public can do in the current phase through {@link de.stadtdialog.portal.PublicPhaseOffer} and their public
 * dates through {@link de.stadtdialog.portal.PublicDates}; the portal knows none of them by name.
 */
package de.stadtdialog.portal;
