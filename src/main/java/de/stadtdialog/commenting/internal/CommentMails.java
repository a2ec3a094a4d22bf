package de.stadtdialog.commenting.internal;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import de.stadtdialog.citizen.CitizenDirectory;
import de.stadtdialog.commenting.Comment;
import de.stadtdialog.commenting.CommentRepository;
import de.stadtdialog.commenting.CommentStatus;
import de.stadtdialog.commenting.CommentingService;
import de.stadtdialog.commenting.Draft;
import de.stadtdialog.notification.MailService;
import de.stadtdialog.notification.OutgoingMail;

/**
 * Mails to comment authors. Every mail has a dedup key naming its fact, so a retried job sends nothing twice.
 * Workshop input and pseudonymised comments have no author to write to.
 */
@Component
@Transactional
class CommentMails {

    private final CommentingService commenting;
    private final CommentRepository comments;
    private final CitizenDirectory citizens;
    private final MailService mail;
    private final String publicBaseUrl;

    CommentMails(CommentingService commenting, CommentRepository comments, CitizenDirectory citizens,
            MailService mail, @Value("${stadtdialog.public-base-url:http://localhost:8080}") String publicBaseUrl) {
        this.commenting = commenting;
        this.comments = comments;
        this.citizens = citizens;
        this.mail = mail;
        this.publicBaseUrl = publicBaseUrl;
    }

    /** Tells the author whether the comment was published or, with the reason, why not. */
    void moderationResult(Long commentId) {
        Comment comment = commenting.comment(commentId);
        Draft draft = commenting.draft(comment.getDraftId());
        citizens.mailAddress(comment.getAuthorCitizenId()).ifPresent(to -> {
            String link = publicBaseUrl + "/oeffentlich/entwuerfe/" + draft.getId() + "#kommentar-" + comment.getId();
            String subject;
            String body;
            if (comment.getStatus() == CommentStatus.APPROVED) {
                subject = "Ihr Kommentar ist veröffentlicht: " + draft.getTitle();
                body = "Guten Tag,\n\nIhr Kommentar zum Entwurf „" + draft.getTitle() + "“ wurde freigegeben und ist "
                    + "jetzt öffentlich zu lesen:\n" + link + "\n\nIhr Kommentar:\n" + comment.getText()
                    + "\n\nVielen Dank für Ihre Beteiligung.\n";
            } else if (comment.getStatus() == CommentStatus.REJECTED) {
                subject = "Ihr Kommentar wurde nicht veröffentlicht: " + draft.getTitle();
                body = "Guten Tag,\n\nIhr Kommentar zum Entwurf „" + draft.getTitle() + "“ wurde nicht veröffentlicht.\n"
                    + "Grund: " + comment.getRejectionReason().label()
                    + (comment.getRejectionNote() == null ? "" : "\nErläuterung: " + comment.getRejectionNote())
                    + "\n\nIhr Kommentar:\n" + comment.getText() + "\n\nSie können gern einen neuen Kommentar "
                    + "schreiben, solange die Kommentierung läuft:\n" + publicBaseUrl + "/oeffentlich/entwuerfe/"
                    + draft.getId() + "\n";
            } else {
                return;
            }
            mail.send(new OutgoingMail(draft.getTenantId(), "commenting-comment-" + comment.getId() + "-moderated",
                to, subject, body));
        });
    }

    /** One mail per author listing each of their published comments with its disposition and reason. */
    void feedback(Long draftId) {
        Draft draft = commenting.draft(draftId);
        Map<Long, List<Comment>> byAuthor = new LinkedHashMap<>();
        for (Comment comment : comments.findByDraftIdAndStatusOrderByCreatedAtAscIdAsc(draftId, CommentStatus.APPROVED)) {
            if (comment.getAuthorCitizenId() != null) {
                byAuthor.computeIfAbsent(comment.getAuthorCitizenId(), id -> new java.util.ArrayList<>()).add(comment);
            }
        }
        String link = publicBaseUrl + "/oeffentlich/entwuerfe/" + draft.getId();
        byAuthor.forEach((authorId, own) -> citizens.mailAddress(authorId).ifPresent(to -> {
            StringBuilder body = new StringBuilder("Guten Tag,\n\nvielen Dank für Ihre Kommentare zum Entwurf „")
                .append(draft.getTitle()).append("“. So wurden sie berücksichtigt:\n");
            for (Comment comment : own) {
                body.append("\n– Ihr Kommentar vom ").append(de.stadtdialog.commenting.CommentingTimes
                    .dateTime(comment.getCreatedAt())).append(":\n  „").append(excerpt(comment.getText()))
                    .append("“\n  Ergebnis: ")
                    .append(comment.getDisposition() == null ? "nicht ausgewertet" : comment.getDisposition().label())
                    .append(comment.getDispositionReason() == null ? "" : "\n  Begründung: "
                        + comment.getDispositionReason())
                    .append('\n');
            }
            if (draft.getCouncilDecision() != null) {
                body.append("\nBeschluss des Stadtrats:\n").append(draft.getCouncilDecision()).append('\n');
            }
            body.append("\nAlle Ergebnisse: ").append(link).append('\n');
            mail.send(new OutgoingMail(draft.getTenantId(), "commenting-" + draftId + "-feedback-" + authorId, to,
                "Was aus Ihren Kommentaren wurde: " + draft.getTitle(), body.toString()));
        }));
    }

    private static String excerpt(String text) {
        String oneLine = text.replace('\n', ' ');
        return oneLine.length() <= 200 ? oneLine : oneLine.substring(0, 199) + "…";
    }
}
