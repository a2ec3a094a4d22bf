package de.stadtdialog.commenting.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import de.stadtdialog.citizen.CitizenDirectory;
import de.stadtdialog.commenting.Comment;
import de.stadtdialog.commenting.CommentRepository;
import de.stadtdialog.commenting.CommentStatus;
import de.stadtdialog.commenting.CommentingService;
import de.stadtdialog.commenting.CommentingTimes;
import de.stadtdialog.commenting.DeadlineExtension;
import de.stadtdialog.commenting.Draft;
import de.stadtdialog.commenting.DraftParagraph;

/**
 * What the public draft page shows: sections and paragraphs of the commented version, each with its approved
 * comments as threads (plus the reader's own pending ones, marked), counts, extensions and, once closed, the
 * dispositions. Only published facts; author names through {@link CitizenDirectory}.
 */
@Component
class DraftView {

    static final String SORT_NEWEST = "neueste";
    static final String SORT_MOST_DISCUSSED = "meistdiskutiert";
    /** Value of {@code ?alle=} that shows every comment on the whole draft. */
    static final String ALL_GENERAL = "ganz";
    /**
     * Threads shown per paragraph until the reader asks for all: keeps the page small and fast when a draft has
     * thousands of comments (the counts stay complete).
     */
    static final int THREADS_SHOWN = 10;

    private final CommentingService commenting;
    private final CommentRepository comments;
    private final CitizenDirectory citizens;

    DraftView(CommentingService commenting, CommentRepository comments, CitizenDirectory citizens) {
        this.commenting = commenting;
        this.comments = comments;
        this.citizens = citizens;
    }

    record CommentItem(Long id, String author, String createdAt, String text, boolean pending, String disposition,
            String dispositionReason, List<CommentItem> replies, Instant sortTime) {

        int discussion() {
            return replies.size();
        }
    }

    record ParagraphItem(Long id, String anchor, int position, String text, long commentCount,
            List<CommentItem> comments, int hiddenThreads) {
    }

    record SectionItem(String title, List<ParagraphItem> paragraphs) {
    }

    record ExtensionItem(String previousEnd, String newEnd, String reason) {
    }

    record Page(Draft draft, String opensAt, String closesAt, String closedAt, boolean open, boolean closed,
            boolean reportPublished, List<SectionItem> sections, List<CommentItem> general, long generalCount,
            int hiddenGeneral, long totalCount, List<ExtensionItem> extensions, String sort,
            Map<Long, String> targets) {
    }

    @Transactional(readOnly = true)
    Page page(Draft draft, Long readerCitizenId, String sort, String showAll, Instant now) {
        String order = SORT_MOST_DISCUSSED.equals(sort) ? SORT_MOST_DISCUSSED : SORT_NEWEST;
        boolean showDisposition = draft.isClosed();
        List<Comment> visible = comments.findByDraftIdOrderByCreatedAtAscIdAsc(draft.getId()).stream()
            .filter(c -> c.getStatus() == CommentStatus.APPROVED || (c.getStatus() == CommentStatus.PENDING
                && readerCitizenId != null && readerCitizenId.equals(c.getAuthorCitizenId())))
            .toList();
        Map<Long, List<Comment>> repliesByParent = new HashMap<>();
        for (Comment comment : visible) {
            if (comment.getParentId() != null) {
                repliesByParent.computeIfAbsent(comment.getParentId(), id -> new ArrayList<>()).add(comment);
            }
        }
        Map<Long, String> names = new HashMap<>();
        Map<Long, List<CommentItem>> byParagraph = new HashMap<>();
        List<CommentItem> general = new ArrayList<>();
        for (Comment comment : visible) {
            if (comment.getParentId() != null) {
                continue;
            }
            CommentItem item = item(comment, repliesByParent, names, showDisposition);
            if (comment.getParagraphId() == null) {
                general.add(item);
            } else {
                byParagraph.computeIfAbsent(comment.getParagraphId(), id -> new ArrayList<>()).add(item);
            }
        }
        Comparator<CommentItem> comparator = SORT_MOST_DISCUSSED.equals(order)
            ? Comparator.comparingInt(CommentItem::discussion).reversed()
                .thenComparing(CommentItem::sortTime, Comparator.reverseOrder())
            : Comparator.comparing(CommentItem::sortTime, Comparator.reverseOrder());
        general.sort(comparator);

        Map<String, SectionItem> sections = new LinkedHashMap<>();
        Map<Long, String> targets = new LinkedHashMap<>();
        for (DraftParagraph paragraph : commenting.paragraphs(draft, draft.getCommentedVersion())) {
            List<CommentItem> threads = new ArrayList<>(byParagraph.getOrDefault(paragraph.getId(), List.of()));
            threads.sort(comparator);
            int hidden = String.valueOf(paragraph.getId()).equals(showAll) ? 0
                : Math.max(0, threads.size() - THREADS_SHOWN);
            List<CommentItem> shown = threads.subList(0, threads.size() - hidden);
            long count = threads.stream().filter(t -> !t.pending()).mapToLong(t -> 1 + t.replies().stream()
                .filter(r -> !r.pending()).count()).sum();
            String key = paragraph.getSectionNumber() + "";
            sections.computeIfAbsent(key, k -> new SectionItem(paragraph.getSectionTitle(), new ArrayList<>()))
                .paragraphs().add(new ParagraphItem(paragraph.getId(), paragraph.anchor(), paragraph.getPosition(),
                    paragraph.getText(), count, List.copyOf(shown), hidden));
            targets.put(paragraph.getId(), "Absatz " + paragraph.getPosition()
                + (paragraph.getSectionTitle() == null ? "" : " – " + paragraph.getSectionTitle()));
        }
        long generalCount = general.stream().filter(t -> !t.pending())
            .mapToLong(t -> 1 + t.replies().stream().filter(r -> !r.pending()).count()).sum();
        int hiddenGeneral = ALL_GENERAL.equals(showAll) ? 0 : Math.max(0, general.size() - THREADS_SHOWN);
        List<CommentItem> generalShown = List.copyOf(general.subList(0, general.size() - hiddenGeneral));
        long total = visible.stream().filter(c -> c.getStatus() == CommentStatus.APPROVED).count();
        List<ExtensionItem> extensions = commenting.extensions(draft.getId()).stream().map(DraftView::extension)
            .toList();
        return new Page(draft, CommentingTimes.dateTime(draft.getOpensAt()),
            CommentingTimes.dateTime(draft.getClosesAt()), CommentingTimes.dateTime(draft.getClosedAt()),
            draft.isOpenAt(now), draft.isClosed(), draft.getReportPublishedAt() != null,
            List.copyOf(sections.values()), generalShown, generalCount, hiddenGeneral, total, extensions, order,
            targets);
    }

    /** The author as the public sees them: username, workshop source, or anonymous after pseudonymisation. */
    String author(Comment comment, Map<Long, String> names) {
        if (comment.isWorkshopInput()) {
            return "Beitrag aus: " + comment.getWorkshopSource();
        }
        if (comment.isAuthorPseudonymised()) {
            return "Teilnehmer:in";
        }
        return names.computeIfAbsent(comment.getAuthorCitizenId(), citizens::displayName);
    }

    private CommentItem item(Comment comment, Map<Long, List<Comment>> repliesByParent, Map<Long, String> names,
            boolean showDisposition) {
        List<CommentItem> replies = repliesByParent.getOrDefault(comment.getId(), List.of()).stream()
            .map(reply -> item(reply, repliesByParent, names, showDisposition)).toList();
        return new CommentItem(comment.getId(), author(comment, names),
            CommentingTimes.dateTime(comment.getCreatedAt()), comment.getText(),
            comment.getStatus() == CommentStatus.PENDING,
            showDisposition && comment.getDisposition() != null ? comment.getDisposition().label() : null,
            showDisposition ? comment.getDispositionReason() : null, replies, comment.getCreatedAt());
    }

    private static ExtensionItem extension(DeadlineExtension extension) {
        return new ExtensionItem(CommentingTimes.dateTime(extension.getPreviousEnd()),
            CommentingTimes.dateTime(extension.getNewEnd()), extension.getReason());
    }

    static boolean same(Long a, Long b) {
        return Objects.equals(a, b);
    }
}
