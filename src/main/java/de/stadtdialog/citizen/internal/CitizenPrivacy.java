package de.stadtdialog.citizen.internal;

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

    /** "2 Tage" */
    public String confirmationPeriod() {
        return CitizenTimes.german(properties.confirmationPeriod());
    }

    /** "1 Stunde" */
    public String resetValidity() {
        return CitizenTimes.german(properties.resetValidity());
    }
}
