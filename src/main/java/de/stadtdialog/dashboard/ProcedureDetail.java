package de.stadtdialog.dashboard;

/**
 * One line on the procedure page: a label (a message key, so it follows the user's language) and a value shown as
 * is. With an {@code href} (context-relative, e.g. {@code /oeffentlich/sitzungen/17}) the value is the link text.
 */
public record ProcedureDetail(String labelKey, String value, String href) {

    public static ProcedureDetail fact(String labelKey, String value) {
        return new ProcedureDetail(labelKey, value, null);
    }

    public static ProcedureDetail link(String labelKey, String text, String href) {
        return new ProcedureDetail(labelKey, text, href);
    }

    public boolean isLink() {
        return href != null;
    }
}
