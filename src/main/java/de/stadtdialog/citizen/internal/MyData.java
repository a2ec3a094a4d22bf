package de.stadtdialog.citizen.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import de.stadtdialog.citizen.CitizenUser;
import de.stadtdialog.citizen.PersonalDataContributor;
import de.stadtdialog.citizen.PersonalDataSection;

/** Everything held about a citizen: the account itself, then what each contributing module adds. */
@Service
class MyData {

    private final CitizenRepository citizens;
    private final ObjectProvider<PersonalDataContributor> contributors;
    private final Clock clock;

    MyData(CitizenRepository citizens, ObjectProvider<PersonalDataContributor> contributors, Clock clock) {
        this.citizens = citizens;
        this.contributors = contributors;
        this.clock = clock;
    }

    /** The account as stored, and the other modules' sections (those with entries). */
    record Collected(Citizen account, List<PersonalDataSection> sections, Instant collectedAt) {
    }

    @Transactional(readOnly = true)
    public Collected collect(CitizenUser user) {
        Citizen account = citizens.findById(user.id()).filter(Citizen::isConfirmed)
            .orElseThrow(() -> new IllegalStateException("No active account " + user.id()));
        List<PersonalDataSection> sections = new ArrayList<>();
        contributors.orderedStream().forEach(contributor -> {
            PersonalDataSection section = contributor.personalData(user);
            if (section != null) {
                sections.add(section);
            }
        });
        return new Collected(account, sections, clock.instant());
    }

    /** The download: machine-readable, complete, and the same facts as the page. */
    static Map<String, Object> asJson(Collected data) {
        Citizen account = data.account();
        Map<String, Object> accountJson = new LinkedHashMap<>();
        accountJson.put("username", account.getUsername());
        accountJson.put("firstName", account.getFirstName());
        accountJson.put("lastName", account.getLastName());
        accountJson.put("email", account.getEmail());
        accountJson.put("status", account.getStatus().name());
        accountJson.put("registeredAt", account.getCreatedAt().toString());
        accountJson.put("confirmedAt", account.getConfirmedAt() == null ? null : account.getConfirmedAt().toString());
        accountJson.put("municipality", account.getTenantId());
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("exportedAt", data.collectedAt().toString());
        json.put("account", accountJson);
        List<Map<String, Object>> sections = new ArrayList<>();
        for (PersonalDataSection section : data.sections()) {
            Map<String, Object> sectionJson = new LinkedHashMap<>();
            sectionJson.put("key", section.key());
            sectionJson.put("title", section.title());
            sectionJson.put("entries", section.entries());
            sections.add(sectionJson);
        }
        json.put("sections", sections);
        return json;
    }
}
