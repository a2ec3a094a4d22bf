package de.stadtdialog.commenting.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import jakarta.persistence.EntityManager;

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
    private final EntityManager entityManager;

    DraftView(CommentingService commenting, CommentRepository comments, CitizenDirectory citizens,
            EntityManager entityManager) {
        this.commenting = commenting;
        this.comments = comments;
        this.citizens = citizens;
        this.entityManager = entityManager;
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

    /**
     * What the page needs of every visible comment to count, thread and sort: no text, no entity. With thousands of
     * comments only the shown threads are loaded in full ({@link #THREADS_SHOWN} per paragraph), so the page costs
     * one narrow query over the draft plus one for the shown comments and one for their authors' names.
     */
    record Head(Long id, Long paragraphId, Long parentId, boolean pending, Instant createdAt) {
    }

    /** A thread as the sorting sees it: its root and the number of direct replies. */
    private record Thread(Head root, int replies) {
    }

    @Transactional(readOnly = true)
    Page page(Draft draft, Long readerCitizenId, String sort, String showAll, Instant now) {
        String order = SORT_MOST_DISCUSSED.equals(sort) ? SORT_MOST_DISCUSSED : SORT_NEWEST;
        boolean showDisposition = draft.isClosed();
        List<Head> visible = heads(draft.getId(), readerCitizenId);
        Map<Long, List<Head>> repliesByParent = new HashMap<>();
        for (Head head : visible) {
            if (head.parentId() != null) {
                repliesByParent.computeIfAbsent(head.parentId(), id -> new ArrayList<>()).add(head);
            }
        }
        Map<Long, List<Thread>> byParagraph = new HashMap<>();
        List<Thread> general = new ArrayList<>();
        for (Head head : visible) {
            if (head.parentId() != null) {
                continue;
            }
            Thread thread = new Thread(head, repliesByParent.getOrDefault(head.id(), List.of()).size());
            if (head.paragraphId() == null) {
                general.add(thread);
            } else {
                byParagraph.computeIfAbsent(head.paragraphId(), id -> new ArrayList<>()).add(thread);
            }
        }
        Comparator<Thread> newest = Comparator.comparing((Thread t) -> t.root().createdAt(), Comparator.reverseOrder());
        Comparator<Thread> comparator = SORT_MOST_DISCUSSED.equals(order)
            ? Comparator.comparingInt(Thread::replies).reversed().thenComparing(newest)
            : newest;

        record ShownParagraph(DraftParagraph paragraph, List<Thread> shown, long count, int hidden) {
        }
        List<ShownParagraph> paragraphs = new ArrayList<>();
        List<Head> shownRoots = new ArrayList<>();
        for (DraftParagraph paragraph : commenting.paragraphs(draft, draft.getCommentedVersion())) {
            List<Thread> threads = new ArrayList<>(byParagraph.getOrDefault(paragraph.getId(), List.of()));
            threads.sort(comparator);
            int hidden = String.valueOf(paragraph.getId()).equals(showAll) ? 0
                : Math.max(0, threads.size() - THREADS_SHOWN);
            List<Thread> shown = threads.subList(0, threads.size() - hidden);
            shown.forEach(t -> shownRoots.add(t.root()));
            paragraphs.add(new ShownParagraph(paragraph, shown, published(threads, repliesByParent), hidden));
        }
        general.sort(comparator);
        int hiddenGeneral = ALL_GENERAL.equals(showAll) ? 0 : Math.max(0, general.size() - THREADS_SHOWN);
        List<Thread> generalShown = general.subList(0, general.size() - hiddenGeneral);
        generalShown.forEach(t -> shownRoots.add(t.root()));

        Texts texts = texts(shownRoots, repliesByParent);
        Map<String, SectionItem> sections = new LinkedHashMap<>();
        Map<Long, String> targets = new LinkedHashMap<>();
        for (ShownParagraph p : paragraphs) {
            DraftParagraph paragraph = p.paragraph();
            List<CommentItem> items = p.shown().stream()
                .map(t -> item(t.root(), repliesByParent, texts, showDisposition)).toList();
            String key = paragraph.getSectionNumber() + "";
            sections.computeIfAbsent(key, k -> new SectionItem(paragraph.getSectionTitle(), new ArrayList<>()))
                .paragraphs().add(new ParagraphItem(paragraph.getId(), paragraph.anchor(), paragraph.getPosition(),
                    paragraph.getText(), p.count(), items, p.hidden()));
            targets.put(paragraph.getId(), "Absatz " + paragraph.getPosition()
                + (paragraph.getSectionTitle() == null ? "" : " – " + paragraph.getSectionTitle()));
        }
        List<CommentItem> generalItems = generalShown.stream()
            .map(t -> item(t.root(), repliesByParent, texts, showDisposition)).toList();
        long total = visible.stream().filter(h -> !h.pending()).count();
        List<ExtensionItem> extensions = commenting.extensions(draft.getId()).stream().map(DraftView::extension)
            .toList();
        return new Page(draft, CommentingTimes.dateTime(draft.getOpensAt()),
            CommentingTimes.dateTime(draft.getClosesAt()), CommentingTimes.dateTime(draft.getClosedAt()),
            draft.isOpenAt(now), draft.isClosed(), draft.getReportPublishedAt() != null,
            List.copyOf(sections.values()), generalItems, published(general, repliesByParent), hiddenGeneral, total,
            extensions, order, targets);
    }

    /** Approved comments of the draft, and the reader's own pending ones, oldest first. */
    private List<Head> heads(Long draftId, Long readerCitizenId) {
        List<Object[]> rows = entityManager.createQuery("select c.id, c.paragraphId, c.parentId, c.status, c.createdAt "
            + "from Comment c where c.draftId = :draft and (c.status = :approved or (c.status = :pending "
            + "and c.authorCitizenId = :reader)) order by c.createdAt, c.id", Object[].class)
            .setParameter("draft", draftId)
            .setParameter("approved", CommentStatus.APPROVED)
            .setParameter("pending", CommentStatus.PENDING)
            // no reader: an id no account has, so that the query keeps one shape
            .setParameter("reader", readerCitizenId == null ? Long.valueOf(-1) : readerCitizenId)
            .getResultList();
        List<Head> heads = new ArrayList<>(rows.size());
        for (Object[] row : rows) {
            heads.add(new Head((Long) row[0], (Long) row[1], (Long) row[2], row[3] == CommentStatus.PENDING,
                (Instant) row[4]));
        }
        return heads;
    }

    /** Published comments of these threads with their replies (a pending thread counts none of its replies). */
    private static long published(List<Thread> threads, Map<Long, List<Head>> repliesByParent) {
        return threads.stream().filter(t -> !t.root().pending())
            .mapToLong(t -> 1 + repliesByParent.getOrDefault(t.root().id(), List.of()).stream()
                .filter(r -> !r.pending()).count())
            .sum();
    }

    /** The shown comments in full and their authors' public names, in two queries. */
    private record Texts(Map<Long, Comment> comments, Map<Long, String> names) {
    }

    private Texts texts(List<Head> roots, Map<Long, List<Head>> repliesByParent) {
        List<Long> ids = new ArrayList<>();
        List<Head> pending = new ArrayList<>(roots);
        while (!pending.isEmpty()) {
            Head head = pending.remove(pending.size() - 1);
            ids.add(head.id());
            pending.addAll(repliesByParent.getOrDefault(head.id(), List.of()));
        }
        Map<Long, Comment> byId = new HashMap<>();
        for (Comment comment : comments.findAllById(ids)) {
            byId.put(comment.getId(), comment);
        }
        List<Long> authors = byId.values().stream()
            .filter(c -> !c.isWorkshopInput() && !c.isAuthorPseudonymised())
            .map(Comment::getAuthorCitizenId).filter(Objects::nonNull).distinct().toList();
        return new Texts(byId, new HashMap<>(citizens.displayNames(authors)));
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

    private CommentItem item(Head head, Map<Long, List<Head>> repliesByParent, Texts texts,
            boolean showDisposition) {
        Comment comment = texts.comments().get(head.id());
        List<CommentItem> replies = repliesByParent.getOrDefault(head.id(), List.of()).stream()
            .map(reply -> item(reply, repliesByParent, texts, showDisposition)).toList();
        return new CommentItem(comment.getId(), author(comment, texts.names()),
            CommentingTimes.dateTime(comment.getCreatedAt()), comment.getText(), head.pending(),
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
