package de.stadtdialog.commenting.internal;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import de.stadtdialog.commenting.Comment;
import de.stadtdialog.commenting.CommentRepository;
import de.stadtdialog.commenting.CommentStatus;
import de.stadtdialog.commenting.CommentingService;
import de.stadtdialog.commenting.CommentingTimes;
import de.stadtdialog.commenting.Disposition;
import de.stadtdialog.commenting.Draft;
import de.stadtdialog.commenting.DraftParagraph;

/**
 * The published comments grouped by paragraph with their dispositions: the staff evaluation page, the results
 * report and its CSV. Never names authors: only whether a comment came online or from a workshop.
 */
@Component
class ResultsReport {

    private final CommentingService commenting;
    private final CommentRepository comments;

    ResultsReport(CommentingService commenting, CommentRepository comments) {
        this.commenting = commenting;
        this.comments = comments;
    }

    record Row(Long id, Long parentId, String source, String createdAt, String text, Disposition disposition,
            String dispositionReason) {

        public String dispositionLabel() {
            return disposition == null ? "" : disposition.label();
        }
    }

    record Group(String anchor, String label, String paragraphText, List<Row> rows) {
    }

    record Report(Draft draft, List<Group> groups, CommentingService.Progress progress,
            Map<Disposition, Long> counts, long rejected) {
    }

    @Transactional(readOnly = true)
    Report report(Draft draft) {
        Map<Long, Group> byParagraph = new LinkedHashMap<>();
        Group whole = new Group("ganzer-entwurf", "Ganzer Entwurf", null, new ArrayList<>());
        for (DraftParagraph paragraph : commenting.paragraphs(draft, draft.getCommentedVersion())) {
            byParagraph.put(paragraph.getId(), new Group(paragraph.anchor(), "Absatz " + paragraph.getPosition()
                + (paragraph.getSectionTitle() == null ? "" : " – " + paragraph.getSectionTitle()),
                paragraph.getText(), new ArrayList<>()));
        }
        Map<Disposition, Long> counts = new EnumMap<>(Disposition.class);
        for (Disposition disposition : Disposition.values()) {
            counts.put(disposition, 0L);
        }
        for (Comment comment : comments.findByDraftIdAndStatusOrderByCreatedAtAscIdAsc(draft.getId(),
                CommentStatus.APPROVED)) {
            Group group = comment.getParagraphId() == null ? whole
                : byParagraph.getOrDefault(comment.getParagraphId(), whole);
            group.rows().add(new Row(comment.getId(), comment.getParentId(),
                comment.isWorkshopInput() ? "Werkstatt: " + comment.getWorkshopSource() : "online",
                CommentingTimes.dateTime(comment.getCreatedAt()), comment.getText(), comment.getDisposition(),
                comment.getDispositionReason()));
            if (comment.getDisposition() != null) {
                counts.merge(comment.getDisposition(), 1L, Long::sum);
            }
        }
        List<Group> groups = new ArrayList<>(byParagraph.values());
        groups.add(whole);
        return new Report(draft, groups, commenting.progress(draft.getId()), counts,
            comments.countByDraftIdAndStatus(draft.getId(), CommentStatus.REJECTED));
    }

    /** Semicolon-separated (what German spreadsheet programs expect), every field quoted, formulas defused. */
    String csv(Report report) {
        StringBuilder out = new StringBuilder("\uFEFF");
        out.append(line("Kommentar", "Bezug", "Antwort auf", "Quelle", "Eingegangen", "Text", "Ergebnis", "Begründung"));
        for (Group group : report.groups()) {
            for (Row row : group.rows()) {
                out.append(line(row.id().toString(), group.label(), row.parentId() == null ? "" : row.parentId().toString(),
                    row.source(), row.createdAt(), row.text(), row.dispositionLabel(),
                    row.dispositionReason() == null ? "" : row.dispositionReason()));
            }
        }
        return out.toString();
    }

    private static String line(String... fields) {
        StringBuilder line = new StringBuilder();
        for (int i = 0; i < fields.length; i++) {
            if (i > 0) {
                line.append(';');
            }
            String value = fields[i];
            if (!value.isEmpty() && "=+-@\t\r".indexOf(value.charAt(0)) >= 0) {
                value = "'" + value;
            }
            line.append('"').append(value.replace("\"", "\"\"")).append('"');
        }
        return line.append("\r\n").toString();
    }
}
