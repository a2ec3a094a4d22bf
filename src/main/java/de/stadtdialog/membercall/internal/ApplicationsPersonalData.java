package de.stadtdialog.membercall.internal;

import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import de.stadtdialog.citizen.CitizenUser;
import de.stadtdialog.citizen.PersonalDataContributor;
import de.stadtdialog.citizen.PersonalDataSection;
import de.stadtdialog.membercall.ApplicationStatus;
import de.stadtdialog.membercall.MemberApplication;
import de.stadtdialog.membercall.MemberApplicationRepository;
import de.stadtdialog.membercall.MemberCallRepository;
import de.stadtdialog.membercall.MemberCallTexts;

/**
 * A citizen's applications on "Meine Daten". When the account is deleted, applications not yet decided are
 * deleted (a frozen lottery table then needs a new run, as for a withdrawal); decided ones lose the link to the
 * account and are deleted with the call's retention periods.
 */
@Component
class ApplicationsPersonalData implements PersonalDataContributor {

    static final String KEY = "applications";
    private static final Set<ApplicationStatus> UNDECIDED = EnumSet.of(ApplicationStatus.SUBMITTED,
        ApplicationStatus.ELIGIBLE, ApplicationStatus.DUPLICATE_FLAGGED, ApplicationStatus.WITHDRAWN);

    private final MemberApplicationRepository applications;
    private final MemberCallRepository calls;
    private final MessageSource messages;

    ApplicationsPersonalData(MemberApplicationRepository applications, MemberCallRepository calls,
            MessageSource messages) {
        this.applications = applications;
        this.calls = calls;
        this.messages = messages;
    }

    @Override
    public PersonalDataSection personalData(CitizenUser citizen) {
        Locale locale = LocaleContextHolder.getLocale();
        List<Map<String, String>> entries = applications.findByCitizenAccountIdOrderBySubmittedAtDesc(citizen.id())
            .stream().map(a -> entry(a, locale)).toList();
        return new PersonalDataSection(KEY, text("membercall.data.title", locale), entries);
    }

    private Map<String, String> entry(MemberApplication a, Locale locale) {
        Map<String, String> entry = new LinkedHashMap<>();
        entry.put(text("membercall.data.call", locale), calls.findById(a.getCallId()).map(c -> c.getTitle())
            .orElse(""));
        entry.put(text("membercall.data.code", locale), a.getCode());
        entry.put(text("membercall.data.name", locale), a.getName());
        entry.put(text("membercall.data.email", locale), a.getEmail());
        entry.put(text("membercall.data.birthYear", locale), String.valueOf(a.getBirthYear()));
        entry.put(text("membercall.data.features", locale), String.join(", ", a.featureMap().entrySet().stream()
            .map(e -> e.getKey() + ": " + e.getValue()).toList()));
        entry.put(text("membercall.data.consent", locale), a.getNoticeVersion());
        entry.put(text("membercall.data.submittedAt", locale), MemberCallTexts.dateTime(a.getSubmittedAt()));
        entry.put(text("membercall.data.status", locale), text(a.getStatus().messageKey(), locale));
        return entry;
    }

    @Override
    @Transactional
    public void accountDeleted(CitizenUser citizen) {
        for (MemberApplication a : applications.findByCitizenAccountIdOrderBySubmittedAtDesc(citizen.id())) {
            if (UNDECIDED.contains(a.getStatus())) {
                applications.delete(a);
            } else {
                a.unlinkAccount();
            }
        }
    }

    private String text(String key, Locale locale) {
        return messages.getMessage(key, null, key, locale);
    }
}
