package de.stadtdialog.citizen.internal;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

import de.stadtdialog.citizen.CitizenUser;
import de.stadtdialog.citizen.PersonalDataContributor;
import de.stadtdialog.citizen.PersonalDataSection;

/** The procedures a citizen follows, on "Meine Daten"; removed with the account. */
@Component
@Order(0)
class FollowsPersonalData implements PersonalDataContributor {

    static final String KEY = "follows";

    private final Follows follows;
    private final MessageSource messages;

    FollowsPersonalData(Follows follows, MessageSource messages) {
        this.follows = follows;
        this.messages = messages;
    }

    @Override
    public PersonalDataSection personalData(CitizenUser citizen) {
        Locale locale = LocaleContextHolder.getLocale();
        List<Map<String, String>> entries = follows.of(citizen.id()).stream().map(followed -> {
            Map<String, String> entry = new LinkedHashMap<>();
            entry.put(text("citizen.data.follows.procedure", locale), followed.title());
            entry.put(text("citizen.data.follows.reference", locale),
                followed.procedure() == null ? "" : followed.procedure().getBusinessKey());
            entry.put(text("citizen.data.follows.since", locale),
                CitizenTimes.format(followed.follow().getCreatedAt()));
            return entry;
        }).toList();
        return new PersonalDataSection(KEY, text("citizen.data.follows.title", locale), entries);
    }

    @Override
    public void accountDeleted(CitizenUser citizen) {
        follows.removeAll(citizen.id());
    }

    private String text(String key, Locale locale) {
        return messages.getMessage(key, null, key, locale);
    }
}
