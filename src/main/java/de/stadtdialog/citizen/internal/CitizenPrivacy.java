package de.stadtdialog.citizen.internal;

import java.util.Locale;

import org.springframework.stereotype.Component;

/**
 * What the Art. 13 GDPR notice fragment ({@code citizen/privacy :: notice}) fills in from the configuration: who
 * is responsible, whom to ask, where to complain, and the opt-in period.
 */
@Component("citizenPrivacy")
public class CitizenPrivacy {

    private final CitizenProperties properties;

    CitizenPrivacy(CitizenProperties properties) {
        this.properties = properties;
    }

    public String controller() {
        return properties.privacy().controller();
    }

    public String dataProtectionOfficer() {
        return properties.privacy().dataProtectionOfficer();
    }

    public String supervisoryAuthority() {
        return properties.privacy().supervisoryAuthority();
    }

    /** "2 Tagen", as in "nach 2 Tagen" and "innerhalb von 2 Tagen"; "2 days" in English. */
    public String confirmationPeriod(Locale locale) {
        return CitizenTimes.period(properties.confirmationPeriod(), locale, true);
    }

    /** "1 Stunde", as in "gilt 1 Stunde"; "1 hour" in English. */
    public String resetValidity(Locale locale) {
        return CitizenTimes.period(properties.resetValidity(), locale, false);
    }
}
