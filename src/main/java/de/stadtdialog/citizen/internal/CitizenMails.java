package de.stadtdialog.citizen.internal;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import de.stadtdialog.notification.OutgoingMail;
import de.stadtdialog.procedure.Procedure;
import de.stadtdialog.procedure.TenantRepository;

/**
 * The German mails to citizens. Links are absolute ({@code stadtdialog.public-base-url}); tokens appear only
 * here, on their way into the mail.
 */
@Component
class CitizenMails {

    private static final String GREETING_END = "\n\nMit freundlichen Grüßen\nIhre Stadtverwaltung";

    private final TenantRepository tenants;
    private final CitizenProperties properties;
    private final String baseUrl;

    CitizenMails(TenantRepository tenants, CitizenProperties properties,
            @Value("${stadtdialog.public-base-url:http://localhost:8080}") String baseUrl) {
        this.tenants = tenants;
        this.properties = properties;
        this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
    }

    OutgoingMail confirmation(Citizen citizen, String token, Instant expiresAt, String dedupKey) {
        return new OutgoingMail(citizen.getTenantId(), dedupKey, citizen.getEmail(),
            "Bitte bestätigen Sie Ihre Registrierung",
            greeting(citizen) + "Sie haben sich bei Stadtdialog, der Bürgerbeteiligung " + city(citizen)
                + ", mit dem Benutzernamen „" + citizen.getUsername() + "“ registriert. Bitte bestätigen Sie Ihre "
                + "E-Mail-Adresse über diesen Link:\n\n" + link("/buerger/bestaetigen?token=", token)
                + "\n\nDer Link gilt bis " + CitizenTimes.format(expiresAt) + ". Ohne Bestätigung wird Ihre "
                + "Registrierung danach automatisch gelöscht.\n\nSie haben sich nicht registriert? Dann "
                + "ignorieren Sie diese E-Mail; Ihre Adresse wird mit der unbestätigten Registrierung gelöscht."
                + GREETING_END);
    }

    OutgoingMail alreadyRegistered(Citizen citizen, String dedupKey) {
        return new OutgoingMail(citizen.getTenantId(), dedupKey, citizen.getEmail(),
            "Sie haben bereits ein Konto",
            greeting(citizen) + "jemand – vermutlich Sie – wollte sich mit dieser E-Mail-Adresse bei Stadtdialog "
                + "neu registrieren. Zu dieser Adresse gibt es schon ein Konto mit dem Benutzernamen „"
                + citizen.getUsername() + "“. Ein zweites Konto wurde nicht angelegt.\n\nAnmelden: "
                + baseUrl + "/buerger/anmelden\nPasswort vergessen: " + baseUrl + "/buerger/passwort-vergessen"
                + "\n\nWaren Sie das nicht, können Sie diese E-Mail ignorieren; an Ihrem Konto ändert sich nichts."
                + GREETING_END);
    }

    OutgoingMail passwordReset(Citizen citizen, String token, Instant expiresAt, String dedupKey) {
        return new OutgoingMail(citizen.getTenantId(), dedupKey, citizen.getEmail(),
            "Neues Passwort für Stadtdialog",
            greeting(citizen) + "Sie können für Ihr Konto „" + citizen.getUsername() + "“ ein neues Passwort "
                + "festlegen:\n\n" + link("/buerger/passwort-neu?token=", token) + "\n\nDer Link gilt bis "
                + CitizenTimes.format(expiresAt) + " und nur einmal.\n\nSie haben kein neues Passwort "
                + "angefordert? Dann ignorieren Sie diese E-Mail; Ihr Passwort bleibt, wie es ist." + GREETING_END);
    }

    OutgoingMail phaseChanged(Citizen citizen, Follow follow, Procedure procedure, PhaseChange change,
            String dedupKey) {
        return new OutgoingMail(citizen.getTenantId(), dedupKey, citizen.getEmail(),
            "Neue Phase: " + procedure.getTitle(),
            greeting(citizen) + "das Verfahren „" + procedure.getTitle() + "“, dem Sie folgen, ist in einer neuen "
                + "Phase:\n\n" + change.getNewPhase() + "\n(seit " + CitizenTimes.format(change.getChangedAt())
                + ")\n\nZum Verfahren: " + procedureLink(procedure)
                + "\n\nSie erhalten diese E-Mail, weil Sie dem Verfahren folgen. Keine weiteren E-Mails zu diesem "
                + "Verfahren:\n" + link("/buerger/abbestellen?token=", follow.getUnsubscribeToken())
                + GREETING_END);
    }

    String procedureLink(Procedure procedure) {
        return baseUrl + properties.procedurePage().replace("{businessKey}", procedure.getBusinessKey())
            .replace("{id}", String.valueOf(procedure.getId()));
    }

    private String link(String path, String token) {
        return baseUrl + path + URLEncoder.encode(token, StandardCharsets.UTF_8);
    }

    private static String greeting(Citizen citizen) {
        return "Guten Tag " + citizen.getFirstName() + " " + citizen.getLastName() + ",\n\n";
    }

    private String city(Citizen citizen) {
        return tenants.findById(citizen.getTenantId()).map(t -> "der Stadt " + t.getName()).orElse("Ihrer Stadt");
    }
}
