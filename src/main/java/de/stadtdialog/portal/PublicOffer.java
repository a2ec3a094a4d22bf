package de.stadtdialog.portal;

/**
 * Something the public can use in a procedure's current phase: a link with a label (a message key, so it follows
 * the reader's language) and a link text shown as is. {@code href} is context-relative, e.g.
 * {@code /oeffentlich/sitzungen/17}.
 */
public record PublicOffer(String labelKey, String text, String href) {
}
