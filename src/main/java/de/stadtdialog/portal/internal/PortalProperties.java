package de.stadtdialog.portal.internal;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Who runs this installation, for the imprint, the privacy notice and the accessibility statement
 * ({@code stadtdialog.portal.*}). The defaults describe the Kaiserslautern installation; another municipality
 * sets its own.
 */
@ConfigurationProperties("stadtdialog.portal")
public record PortalProperties(String operator, String address, String contactEmail, String contactPhone,
        String dataProtectionOfficer, String supervisoryAuthority, String arbitrationBoard,
        String accessibilityStatementDate) {

    public PortalProperties {
        operator = orDefault(operator, "Stadtverwaltung Kaiserslautern");
        address = orDefault(address, "Willy-Brandt-Platz 1, 67657 Kaiserslautern");
        contactEmail = orDefault(contactEmail, "beteiligung@kaiserslautern.de");
        contactPhone = orDefault(contactPhone, "0631 365-0");
        dataProtectionOfficer = orDefault(dataProtectionOfficer,
            "Behördliche Datenschutzbeauftragte der Stadtverwaltung, Willy-Brandt-Platz 1, 67657 Kaiserslautern, "
                + "datenschutz@kaiserslautern.de");
        supervisoryAuthority = orDefault(supervisoryAuthority,
            "Der Landesbeauftragte für den Datenschutz und die Informationsfreiheit Rheinland-Pfalz, "
                + "Hintere Bleiche 34, 55116 Mainz");
        arbitrationBoard = orDefault(arbitrationBoard,
            "Schlichtungsstelle nach dem Behindertengleichstellungsgesetz bei dem Beauftragten der Bundesregierung "
                + "für die Belange von Menschen mit Behinderungen, Mauerstraße 53, 10117 Berlin, "
                + "info@schlichtungsstelle-bgg.de");
        accessibilityStatementDate = orDefault(accessibilityStatementDate, "22.11.2026");
    }

    private static String orDefault(String value, String fallback) {
        return value == null || value.isBlank() ? fallback : value;
    }
}
