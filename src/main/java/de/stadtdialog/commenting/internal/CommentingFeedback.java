package de.stadtdialog.commenting.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import de.stadtdialog.citizen.CitizenDirectory;
import de.stadtdialog.citizen.CitizenUser;
import de.stadtdialog.citizen.ParticipationHistory;
import de.stadtdialog.commenting.Comment;
import de.stadtdialog.commenting.CommentRepository;
import de.stadtdialog.commenting.CommentStatus;
import de.stadtdialog.commenting.CommentingTimes;
import de.stadtdialog.commenting.Draft;
import de.stadtdialog.commenting.DraftParagraph;
import de.stadtdialog.commenting.DraftParagraphRepository;
import de.stadtdialog.commenting.DraftRepository;
import de.stadtdialog.council.ParticipantFeedback;

/**
 * What became of each comment, for the council's feedback mail (per procedure) and the author's feedback page (per
 * citizen). Only comments still linked to their author's account count: workshop input has no author to write
 * to, and a pseudonymised comment's author is no longer known.
 */
@Component
@Transactional(readOnly = true)
class CommentingFeedback implements ParticipantFeedback, ParticipationHistory {

    static final String FEEDBACK_PAGE = "/buerger/rueckmeldungen";

    private final DraftRepository drafts;
    private final CommentRepository comments;
    private final DraftParagraphRepository paragraphs;
    private final CitizenDirectory citizens;
    private final String publicBaseUrl;

    CommentingFeedback(DraftRepository drafts, CommentRepository comments, DraftParagraphRepository paragraphs,
            CitizenDirectory citizens,
            @Value("${stadtdialog.public-base-url:http://localhost:8080}") String publicBaseUrl) {
        this.drafts = drafts;
        this.comments = comments;
        this.paragraphs = paragraphs;
        this.citizens = citizens;
        this.publicBaseUrl = publicBaseUrl;
    }

    @Override
    public List<FeedbackRecipient> participantsOf(Long participationProcedureId) {
        Optional<Draft> draft = participationProcedureId == null ? Optional.empty()
            : drafts.findByProcedureId(participationProcedureId);
        if (draft.isEmpty()) {
            return List.of();
        }
        Map<Long, String> sections = new HashMap<>();
        List<FeedbackRecipient> recipients = new ArrayList<>();
        for (Comment comment : comments.findByDraftIdAndStatusOrderByCreatedAtAscIdAsc(draft.get().getId(),
                CommentStatus.APPROVED)) {
            if (comment.getAuthorCitizenId() == null) {
                continue;
            }
            citizens.mailAddress(comment.getAuthorCitizenId()).ifPresent(address -> recipients.add(
                new FeedbackRecipient(address, citizens.displayName(comment.getAuthorCitizenId()),
                    contribution(draft.get(), comment, sections, true), outcome(comment),
                    publicBaseUrl + FEEDBACK_PAGE + "#verfahren-" + participationProcedureId)));
        }
        return recipients;
    }

    @Override
    public List<OwnContribution> contributionsOf(CitizenUser citizen) {
        Map<Long, Optional<Draft>> draftsById = new HashMap<>();
        Map<Long, String> sections = new HashMap<>();
        List<OwnContribution> own = new ArrayList<>();
        for (Comment comment : comments.findByAuthorCitizenIdOrderByCreatedAtAsc(citizen.id())) {
            Optional<Draft> draft = draftsById.computeIfAbsent(comment.getDraftId(), drafts::findById);
            if (draft.isEmpty() || draft.get().getProcedureId() == null
                    || !draft.get().getTenantId().equals(citizen.tenantId())) {
                continue;
            }
            // the page shows the date in its own column
            own.add(new OwnContribution(draft.get().getProcedureId(), contribution(draft.get(), comment, sections,
                false),
                outcome(comment), comment.getCreatedAt(), comment.getStatus() == CommentStatus.APPROVED
                    ? "/oeffentlich/entwuerfe/" + draft.get().getId() + "#kommentar-" + comment.getId() : null));
        }
        return own;
    }

    private String contribution(Draft draft, Comment comment, Map<Long, String> sections, boolean withDate) {
        String target = comment.getParagraphId() == null ? "zum Entwurf „" + draft.getTitle() + "“"
            : "zu „" + sections.computeIfAbsent(comment.getParagraphId(), this::section) + "“ im Entwurf „"
                + draft.getTitle() + "“";
        return (comment.getParentId() == null ? "Ihr Kommentar " : "Ihre Antwort ") + target
            + (withDate ? " vom " + CommentingTimes.dateTime(comment.getCreatedAt()) : "") + ": „"
            + excerpt(comment.getText()) + "“";
    }

    private String section(Long paragraphId) {
        return paragraphs.findById(paragraphId).map(DraftParagraph::getSectionTitle)
            .filter(title -> title != null && !title.isBlank()).orElse("einem Abschnitt");
    }

    static String outcome(Comment comment) {
        return switch (comment.getStatus()) {
            case PENDING -> "wartet auf Freigabe durch die Moderation.";
            case REJECTED -> "nicht veröffentlicht: " + comment.getRejectionReason().label()
                + (comment.getRejectionNote() == null ? "." : " – " + comment.getRejectionNote());
            case APPROVED -> comment.getDisposition() == null ? "veröffentlicht, noch nicht ausgewertet."
                : comment.getDisposition().label() + (comment.getDispositionReason() == null ? "."
                    : ": " + comment.getDispositionReason());
        };
    }

    private static String excerpt(String text) {
        String oneLine = text.replace('\n', ' ');
        return oneLine.length() <= 200 ? oneLine : oneLine.substring(0, 199) + "…";
    }
}
