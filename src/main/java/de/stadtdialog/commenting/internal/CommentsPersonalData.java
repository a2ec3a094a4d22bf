package de.stadtdialog.commenting.internal;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import de.stadtdialog.citizen.CitizenUser;
import de.stadtdialog.citizen.PersonalDataContributor;
import de.stadtdialog.citizen.PersonalDataSection;
import de.stadtdialog.commenting.Comment;
import de.stadtdialog.commenting.CommentingService;
import de.stadtdialog.commenting.CommentingTimes;

/**
 * "Meine Daten": the citizen's comments with status and outcome. Deleting the account keeps the comments (they are
 * public contributions to a procedure) but removes the link to the account, as pseudonymisation at the end does.
 */
@Component
class CommentsPersonalData implements PersonalDataContributor {

    private final CommentingService commenting;

    CommentsPersonalData(CommentingService commenting) {
        this.commenting = commenting;
    }

    @Override
    @Transactional(readOnly = true)
    public PersonalDataSection personalData(CitizenUser citizen) {
        List<Map<String, String>> entries = commenting.commentsBy(citizen.id()).stream().map(this::entry).toList();
        return new PersonalDataSection("comments", "Kommentare zu Entwürfen", entries);
    }

    @Override
    @Transactional
    public void accountDeleted(CitizenUser citizen) {
        commenting.pseudonymiseCitizen(citizen.id());
    }

    private Map<String, String> entry(Comment comment) {
        Map<String, String> entry = new LinkedHashMap<>();
        entry.put("Entwurf", commenting.draft(comment.getDraftId()).getTitle());
        entry.put("Geschrieben am", CommentingTimes.dateTime(comment.getCreatedAt()));
        entry.put("Status", switch (comment.getStatus()) {
            case PENDING -> "wartet auf Freigabe";
            case APPROVED -> "veröffentlicht";
            case REJECTED -> "nicht veröffentlicht (" + comment.getRejectionReason().label() + ")";
        });
        entry.put("Text", comment.getText());
        if (comment.getDisposition() != null) {
            entry.put("Ergebnis", comment.getDisposition().label() + ": " + comment.getDispositionReason());
        }
        return entry;
    }
}
