package de.stadtdialog.commenting;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.camunda.bpm.engine.RuntimeService;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import de.stadtdialog.citizen.CitizenUser;
import de.stadtdialog.procedure.HistoricValues;
import de.stadtdialog.procedure.Procedure;
import de.stadtdialog.procedure.ProcedureRepository;
import de.stadtdialog.procedure.ProcedureService;
import de.stadtdialog.shared.InputRejectedException;

/**
 * The commenting phase's business rules: setting up and approving a draft, comments and their moderation,
 * workshop input, extension, evaluation, revised versions, the council decision and pseudonymisation. Process
 * steps (delegates, form listeners) and pages call this; every rule is checked here, not in the callers.
 */
@Service
@Transactional
public class CommentingService {

    private final DraftRepository drafts;
    private final DraftParagraphRepository paragraphs;
    private final CommentRepository comments;
    private final DeadlineExtensionRepository extensions;
    private final ProcedureService procedureService;
    private final ProcedureRepository procedures;
    private final RuntimeService runtimeService;
    private final HistoricValues historicValues;
    private final Clock clock;
    private final String defaultCommentingPeriod;
    private final String defaultModerationSla;
    private final String defaultPseudonymisationDelay;

    public CommentingService(DraftRepository drafts, DraftParagraphRepository paragraphs, CommentRepository comments,
            DeadlineExtensionRepository extensions, ProcedureService procedureService, ProcedureRepository procedures,
            RuntimeService runtimeService, HistoricValues historicValues, Clock clock,
            @Value("${stadtdialog.commenting.commenting-period:P21D}") String defaultCommentingPeriod,
            @Value("${stadtdialog.commenting.moderation-sla:PT48H}") String defaultModerationSla,
            @Value("${stadtdialog.commenting.pseudonymisation-delay:P90D}") String defaultPseudonymisationDelay) {
        this.drafts = drafts;
        this.paragraphs = paragraphs;
        this.comments = comments;
        this.extensions = extensions;
        this.procedureService = procedureService;
        this.procedures = procedures;
        this.runtimeService = runtimeService;
        this.historicValues = historicValues;
        this.clock = clock;
        this.defaultCommentingPeriod = defaultCommentingPeriod;
        this.defaultModerationSla = defaultModerationSla;
        this.defaultPseudonymisationDelay = defaultPseudonymisationDelay;
    }

    public String defaultCommentingPeriod() {
        return defaultCommentingPeriod;
    }

    // ---------------------------------------------------------------- set-up

    /** Creates the procedure and its draft (optionally with Markdown already imported) and starts the process. */
    public Procedure start(String tenantId, String title, String markdown) {
        String cleanTitle = required(title, "title", "Bitte geben Sie den Titel des Entwurfs an.");
        Draft draft = drafts.save(new Draft(tenantId, cleanTitle, defaultCommentingPeriod, defaultModerationSla,
            defaultPseudonymisationDelay));
        if (markdown != null && !markdown.isBlank()) {
            storeVersion(draft, 1, markdown, "markdown");
        }
        Procedure procedure = procedureService.create(tenantId, cleanTitle, CommentingPhaseProcess.TEMPLATE_KEY,
            CommentingPhaseProcess.PROCESS_ID);
        draft.linkProcedure(procedure.getId());
        return procedureService.startProcess(procedure, Map.of(
            CommentingPhaseProcess.VAR_DRAFT_ID, draft.getId(),
            CommentingPhaseProcess.VAR_COMMENTING_PERIOD, draft.getCommentingPeriod(),
            CommentingPhaseProcess.VAR_PSEUDONYMISATION_DELAY, draft.getPseudonymisationDelay()));
    }

    /**
     * For a procedure that calls the commenting process as a call activity (a composed procedure): creates the
     * draft linked to that procedure (with the Markdown imported, if given) — or finds the one created before, so
     * a step repeated after a crash creates no second draft — and returns the variables the call activity passes in
     * ({@code draftId}, the commenting period, the pseudonymisation delay). The officer sets the draft up in the
     * called process's first task, as on its own.
     */
    public Map<String, Object> prepareFor(Long procedureId, String tenantId, String title, String markdown) {
        Draft draft = drafts.findByProcedureId(procedureId).orElseGet(() -> {
            String cleanTitle = required(title, "title", "Bitte geben Sie den Titel des Entwurfs an.");
            Draft created = drafts.save(new Draft(tenantId, cleanTitle, defaultCommentingPeriod,
                defaultModerationSla, defaultPseudonymisationDelay));
            if (markdown != null && !markdown.isBlank()) {
                storeVersion(created, 1, markdown, "markdown");
            }
            created.linkProcedure(procedureId);
            return created;
        });
        return Map.of(CommentingPhaseProcess.VAR_DRAFT_ID, draft.getId(),
            CommentingPhaseProcess.VAR_COMMENTING_PERIOD, draft.getCommentingPeriod(),
            CommentingPhaseProcess.VAR_PSEUDONYMISATION_DELAY, draft.getPseudonymisationDelay());
    }

    public record SetUp(String title, String introduction, String plainSummary, String markdown, Instant opensAt,
            String commentingPeriod, String by) {
    }

    /** Stores the officer's set-up; the draft text replaces the not yet published version. */
    public Draft setUp(Long draftId, SetUp command) {
        Draft draft = draft(draftId);
        if (draft.isPublic()) {
            throw new InputRejectedException("Der Entwurf ist bereits veröffentlicht und kann nicht mehr eingerichtet werden.");
        }
        String title = required(command.title(), "draftTitle", "Bitte geben Sie den Titel des Entwurfs an.");
        if (title.length() > 200) {
            throw new InputRejectedException("draftTitle", "Der Titel darf höchstens 200 Zeichen lang sein.");
        }
        String period = command.commentingPeriod() == null || command.commentingPeriod().isBlank()
            ? defaultCommentingPeriod : command.commentingPeriod().trim().toUpperCase();
        if (command.opensAt() == null) {
            throw new InputRejectedException("opensAt", "Bitte geben Sie an, wann die Kommentierung beginnt.");
        }
        Instant closesAt = CommentingTimes.plus(command.opensAt(), period, "commentingPeriod");
        if (!closesAt.isAfter(clock.instant())) {
            throw new InputRejectedException("opensAt", "Die Kommentierung wäre schon vorbei: Sie endete am "
                + CommentingTimes.dateTime(closesAt) + ". Bitte wählen Sie einen späteren Beginn.");
        }
        draft.describe(title, blankToNull(command.introduction()), blankToNull(command.plainSummary()));
        storeVersion(draft, 1, command.markdown(), "draftMarkdown");
        draft.schedule(period, command.opensAt(), closesAt, command.by());
        return draft;
    }

    /** Four eyes: whoever set the draft up cannot approve it. */
    public void decideOnDraft(Long draftId, String decision, String note, String by) {
        Draft draft = draft(draftId);
        if (!CommentingPhaseProcess.DECISION_APPROVE.equals(decision)
                && !CommentingPhaseProcess.DECISION_REWORK.equals(decision)) {
            throw new InputRejectedException(CommentingPhaseProcess.VAR_DRAFT_DECISION,
                "Bitte wählen Sie: Entwurf freigeben oder zur Überarbeitung zurückgeben.");
        }
        if (by != null && by.equals(draft.getSetUpBy())) {
            throw new InputRejectedException(CommentingPhaseProcess.VAR_DRAFT_DECISION, "Vier-Augen-Prinzip: "
                + "Der Entwurf muss von einer anderen Person freigegeben werden als von " + by
                + ", die ihn eingerichtet hat.");
        }
        String cleanNote = blankToNull(note);
        if (CommentingPhaseProcess.DECISION_REWORK.equals(decision)) {
            if (cleanNote == null) {
                throw new InputRejectedException("approvalNote", "Bitte schreiben Sie, was zu überarbeiten ist.");
            }
            draft.returnForRework(by, cleanNote);
            return;
        }
        if (!draft.getClosesAt().isAfter(clock.instant())) {
            throw new InputRejectedException(CommentingPhaseProcess.VAR_DRAFT_DECISION, "Die geplante Frist endete "
                + "bereits am " + CommentingTimes.dateTime(draft.getClosesAt())
                + ". Bitte zur Überarbeitung zurückgeben und neue Termine wählen.");
        }
        draft.approve(by, cleanNote);
    }

    // ---------------------------------------------------------------- phase steps (idempotent)

    public boolean open(Long draftId) {
        return draft(draftId).markOpened(clock.instant());
    }

    public boolean close(Long draftId) {
        return draft(draftId).markClosed(clock.instant());
    }

    public boolean publishReport(Long draftId) {
        return draft(draftId).markReportPublished(clock.instant());
    }

    public boolean markFeedbackSent(Long draftId) {
        return draft(draftId).markFeedbackSent(clock.instant());
    }

    /** Authors of all comments of the draft become anonymous; texts and dispositions stay. */
    public void pseudonymiseAuthors(Long draftId) {
        Draft draft = draft(draftId);
        comments.findByDraftIdOrderByCreatedAtAscIdAsc(draftId).forEach(Comment::pseudonymiseAuthor);
        Procedure procedure = procedure(draft);
        historicValues.forget(historicValues.instancesOf(CommentModerationProcess.PROCESS_ID,
            procedure.getBusinessKey(), procedure.getTenantId()), AUTHOR_IN_MODERATION_FORMS);
        draft.markPseudonymised(clock.instant());
    }

    // ---------------------------------------------------------------- comments

    /**
     * A citizen's comment on a paragraph (or the whole draft, {@code paragraphId} null), or a reply. Stored as
     * pending and handed to its own moderation process in the same transaction: either both happen or neither.
     */
    public Comment submit(CitizenUser citizen, Long draftId, Long paragraphId, Long parentId, String rawText) {
        Draft draft = draft(draftId);
        if (!draft.getTenantId().equals(citizen.tenantId())) {
            throw new InputRejectedException("Dieser Entwurf gehört zu einer anderen Stadt.");
        }
        requireOpen(draft);
        String text = checkText(rawText);
        Long target = paragraphId;
        if (parentId != null) {
            Comment parent = comments.findById(parentId)
                .filter(c -> c.getDraftId().equals(draftId) && c.getStatus() == CommentStatus.APPROVED)
                .orElseThrow(() -> new CommentTargetNotFoundException("Kommentar " + parentId));
            target = parent.getParagraphId();
        } else if (paragraphId != null) {
            paragraphOf(draft, paragraphId).orElseThrow(() -> new CommentTargetNotFoundException("Absatz " + paragraphId));
        }
        Comment comment = comments.save(Comment.byCitizen(draft, target, parentId, citizen.id(), text,
            clock.instant()));
        startModeration(draft, comment);
        return comment;
    }

    public Comment addWorkshopInput(Long draftId, Long paragraphId, String source, String rawText, String staffId) {
        Draft draft = draft(draftId);
        if (!draft.isPublic()) {
            throw new InputRejectedException("Der Entwurf ist noch nicht veröffentlicht.");
        }
        if (draft.getReportPublishedAt() != null) {
            throw new InputRejectedException("Der Ergebnisbericht ist veröffentlicht; es kann nichts mehr erfasst werden.");
        }
        String cleanSource = required(source, "source", "Bitte geben Sie an, woher der Beitrag stammt "
            + "(z. B. Werkstatt, Datum).");
        if (cleanSource.length() > 200) {
            throw new InputRejectedException("source", "Die Herkunft darf höchstens 200 Zeichen lang sein.");
        }
        String text = checkText(rawText);
        if (paragraphId != null) {
            paragraphOf(draft, paragraphId).orElseThrow(() -> new CommentTargetNotFoundException("Absatz " + paragraphId));
        }
        return comments.save(Comment.fromWorkshop(draft, paragraphId, cleanSource, staffId, text, clock.instant()));
    }

    /** Approve or reject a pending comment; a comment already moderated stays as it is. */
    public Comment moderate(Long commentId, String decision, String reasonValue, String note, String by) {
        Comment comment = comment(commentId);
        if (comment.getStatus() != CommentStatus.PENDING) {
            throw new InputRejectedException(CommentModerationProcess.VAR_MODERATION_DECISION, "Dieser Kommentar wurde "
                + "bereits am " + CommentingTimes.dateTime(comment.getModeratedAt()) + " moderiert ("
                + (comment.getStatus() == CommentStatus.APPROVED ? "freigegeben" : "abgelehnt") + ").");
        }
        if (CommentModerationProcess.DECISION_APPROVE.equals(decision)) {
            comment.approve(by, clock.instant());
        } else if (CommentModerationProcess.DECISION_REJECT.equals(decision)) {
            RejectionReason reason = RejectionReason.parse(reasonValue);
            if (reason == null) {
                throw new InputRejectedException("rejectionReason", "Bitte wählen Sie einen Ablehnungsgrund aus der Liste.");
            }
            String cleanNote = blankToNull(note);
            if (cleanNote != null && cleanNote.length() > 1000) {
                throw new InputRejectedException("rejectionNote", "Die Erläuterung darf höchstens 1000 Zeichen lang sein.");
            }
            comment.reject(reason, cleanNote, by, clock.instant());
        } else {
            throw new InputRejectedException(CommentModerationProcess.VAR_MODERATION_DECISION,
                "Bitte wählen Sie: Kommentar freigeben oder ablehnen.");
        }
        return comment;
    }

    // ---------------------------------------------------------------- extension and closing

    /** Moves the end date; the process replaces its closing timer with one at the new date. */
    public DeadlineExtension extend(Long draftId, Instant newEnd, String reason, String by) {
        Draft draft = draft(draftId);
        Instant now = clock.instant();
        if (!draft.isOpenAt(now)) {
            throw new InputRejectedException("newEnd", "Verlängern ist nur während der laufenden Kommentierung möglich.");
        }
        if (newEnd == null || !newEnd.isAfter(draft.getClosesAt())) {
            throw new InputRejectedException("newEnd", "Das neue Ende muss nach dem bisherigen Ende ("
                + CommentingTimes.dateTime(draft.getClosesAt()) + ") liegen.");
        }
        String cleanReason = required(reason, "reason", "Bitte geben Sie den Grund der Verlängerung an; er wird "
            + "öffentlich angezeigt.");
        if (cleanReason.length() > 1000) {
            throw new InputRejectedException("reason", "Der Grund darf höchstens 1000 Zeichen lang sein.");
        }
        DeadlineExtension extension = extensions.save(new DeadlineExtension(draft.getTenantId(), draftId,
            draft.getClosesAt(), newEnd, cleanReason, by, now));
        draft.extendTo(newEnd);
        runtimeService.createMessageCorrelation(CommentingPhaseProcess.MESSAGE_COMMENTING_EXTENDED)
            .processInstanceId(procedure(draft).getProcessInstanceId())
            .setVariable(CommentingPhaseProcess.VAR_CLOSES_AT, Date.from(newEnd))
            .correlate();
        return extension;
    }

    // ---------------------------------------------------------------- evaluation

    public record Progress(long evaluated, long total, long pending) {

        public boolean complete() {
            return pending == 0 && evaluated == total;
        }

        /** "34 von 61 Kommentaren ausgewertet" */
        public String text() {
            return evaluated + " von " + total + " Kommentaren ausgewertet"
                + (pending == 0 ? "" : " (" + pending + " noch in Moderation)");
        }
    }

    @Transactional(readOnly = true)
    public Progress progress(Long draftId) {
        return new Progress(comments.countByDraftIdAndStatusAndDispositionIsNotNull(draftId, CommentStatus.APPROVED),
            comments.countByDraftIdAndStatus(draftId, CommentStatus.APPROVED),
            comments.countByDraftIdAndStatus(draftId, CommentStatus.PENDING));
    }

    public Comment evaluate(Long draftId, Long commentId, Disposition disposition, String reason, String by) {
        Draft draft = draft(draftId);
        Comment comment = comment(commentId);
        if (!comment.getDraftId().equals(draftId)) {
            throw new CommentTargetNotFoundException("Kommentar " + commentId);
        }
        if (!draft.isClosed()) {
            throw new InputRejectedException("disposition", "Ausgewertet wird erst nach dem Ende der Kommentierung.");
        }
        if (draft.getReportPublishedAt() != null) {
            throw new InputRejectedException("disposition", "Der Ergebnisbericht ist veröffentlicht; die Auswertung "
                + "kann nicht mehr geändert werden.");
        }
        if (comment.getStatus() != CommentStatus.APPROVED) {
            throw new InputRejectedException("disposition", "Nur freigegebene Kommentare werden ausgewertet.");
        }
        if (disposition == null) {
            throw new InputRejectedException("disposition", "Bitte wählen Sie, was aus dem Kommentar wird.");
        }
        String cleanReason = required(reason, "dispositionReason", "Bitte begründen Sie die Entscheidung.");
        if (cleanReason.length() > 2000) {
            throw new InputRejectedException("dispositionReason", "Die Begründung darf höchstens 2000 Zeichen lang sein.");
        }
        comment.evaluate(disposition, cleanReason, by, clock.instant());
        return comment;
    }

    @Transactional(readOnly = true)
    public void requireEvaluationComplete(Long draftId) {
        Progress progress = progress(draftId);
        if (!progress.complete()) {
            throw new InputRejectedException("Die Auswertung ist noch nicht vollständig: " + progress.text()
                + ". Bitte werten Sie alle Kommentare auf der Auswertungsseite aus.");
        }
    }

    /** The revised draft becomes the next version; the commented version stays as it was. */
    public Draft revise(Long draftId, String markdown) {
        Draft draft = draft(draftId);
        if (!draft.isClosed()) {
            throw new InputRejectedException("draftMarkdown", "Überarbeitet wird erst nach der Kommentierung.");
        }
        int version = Math.max(draft.getCurrentVersion(), draft.getCommentedVersion() + 1);
        storeVersion(draft, version, markdown, "draftMarkdown");
        return draft;
    }

    // ---------------------------------------------------------------- council

    /**
     * Staff record the council's decision (until the council module sends {@code CouncilDecisionTaken} itself)
     * and the process moves on to the feedback.
     */
    public void recordCouncilDecision(Long draftId, String decision) {
        Draft draft = draft(draftId);
        String text = required(decision, "councilDecision", "Bitte geben Sie den Beschluss des Rates ein.");
        if (text.length() > 4000) {
            throw new InputRejectedException("councilDecision", "Der Beschluss darf höchstens 4000 Zeichen lang sein.");
        }
        if (draft.getReportPublishedAt() == null) {
            throw new InputRejectedException("councilDecision", "Erst nach dem Ergebnisbericht kann ein Ratsbeschluss "
                + "eingetragen werden.");
        }
        if (draft.getCouncilDecidedAt() != null) {
            throw new InputRejectedException("councilDecision", "Der Ratsbeschluss wurde bereits am "
                + CommentingTimes.dateTime(draft.getCouncilDecidedAt()) + " eingetragen.");
        }
        draft.recordCouncilDecision(text, clock.instant());
        runtimeService.createMessageCorrelation(CommentingPhaseProcess.MESSAGE_COUNCIL_DECISION_TAKEN)
            .processInstanceBusinessKey(procedure(draft).getBusinessKey())
            .correlate();
    }

    /** The citizen deletes the account: their comments stay (public contributions) without an author. */
    public void pseudonymiseCitizen(Long citizenId) {
        List<Comment> own = comments.findByAuthorCitizenIdOrderByCreatedAtAsc(citizenId);
        own.forEach(Comment::pseudonymiseAuthor);
        historicValues.forget(own.stream().flatMap(comment -> historicValues.instancesWith(
            CommentModerationProcess.VAR_COMMENT_ID, comment.getId()).stream()).toList(),
            AUTHOR_IN_MODERATION_FORMS);
    }

    /** The moderation form showed the author's name; the engine's history kept it (see {@link HistoricValues}). */
    private static final List<String> AUTHOR_IN_MODERATION_FORMS = List.of("commentAuthor");

    /**
     * The council module sends {@code CouncilDecisionTaken} with the decision's text (variable
     * {@link CommentingPhaseProcess#VAR_COUNCIL_DECISION}); kept on the draft for the feedback unless staff already
     * recorded it.
     */
    public void takeOverCouncilDecision(Long draftId, String decision) {
        Draft draft = draft(draftId);
        if (draft.getCouncilDecidedAt() == null && decision != null && !decision.isBlank()) {
            draft.recordCouncilDecision(decision.strip(), clock.instant());
        }
    }

    // ---------------------------------------------------------------- reading

    @Transactional(readOnly = true)
    public List<Comment> commentsBy(Long citizenId) {
        return comments.findByAuthorCitizenIdOrderByCreatedAtAsc(citizenId);
    }

    @Transactional(readOnly = true)
    public Draft draft(Long draftId) {
        return drafts.findById(draftId).orElseThrow(() -> new CommentTargetNotFoundException("Entwurf " + draftId));
    }

    @Transactional(readOnly = true)
    public Comment comment(Long commentId) {
        return comments.findById(commentId)
            .orElseThrow(() -> new CommentTargetNotFoundException("Kommentar " + commentId));
    }

    @Transactional(readOnly = true)
    public List<DraftParagraph> paragraphs(Draft draft, int version) {
        return paragraphs.findByDraftIdAndVersionOrderByPosition(draft.getId(), version);
    }

    /** A paragraph of the version open for comment, only if it belongs to this draft. */
    @Transactional(readOnly = true)
    public Optional<DraftParagraph> paragraphOf(Draft draft, Long paragraphId) {
        return paragraphs.findById(paragraphId).filter(p -> p.getDraftId().equals(draft.getId())
            && p.getVersion() == draft.getCommentedVersion());
    }

    @Transactional(readOnly = true)
    public List<DeadlineExtension> extensions(Long draftId) {
        return extensions.findByDraftIdOrderByExtendedAt(draftId);
    }

    @Transactional(readOnly = true)
    public Draft draftOf(Procedure procedure) {
        return drafts.findByProcedureId(procedure.getId())
            .orElseThrow(() -> new CommentTargetNotFoundException("Entwurf zu " + procedure.getBusinessKey()));
    }

    @Transactional(readOnly = true)
    public Procedure procedure(Draft draft) {
        return procedures.findById(draft.getProcedureId()).orElseThrow();
    }

    /** Trimmed, line ends as "\n", at least one character and at most {@link Comment#MAX_LENGTH}. */
    public static String checkText(String raw) {
        String text = raw == null ? "" : raw.replace("\r\n", "\n").replace('\r', '\n').strip();
        if (text.isEmpty()) {
            throw new InputRejectedException("text", "Bitte schreiben Sie Ihren Kommentar.");
        }
        if (text.length() > Comment.MAX_LENGTH) {
            throw new InputRejectedException("text", "Ihr Kommentar ist " + text.length() + " Zeichen lang; erlaubt "
                + "sind höchstens " + Comment.MAX_LENGTH + " Zeichen.");
        }
        return text;
    }

    private void requireOpen(Draft draft) {
        Instant now = clock.instant();
        if (draft.isOpenAt(now)) {
            return;
        }
        if (!draft.isPublic()) {
            throw new InputRejectedException("text", "Die Kommentierung hat noch nicht begonnen.");
        }
        throw new InputRejectedException("text", "Die Kommentierungsfrist ist am "
            + CommentingTimes.dateTime(draft.getClosedAt() != null && draft.getClosedAt().isBefore(draft.getClosesAt())
                ? draft.getClosedAt() : draft.getClosesAt())
            + " abgelaufen. Ihr Kommentar wurde nicht gespeichert.");
    }

    private void startModeration(Draft draft, Comment comment) {
        Procedure procedure = procedure(draft);
        Map<String, Object> variables = new HashMap<>();
        variables.put(ProcedureService.PROCEDURE_ID, procedure.getId());
        variables.put(ProcedureService.TENANT_ID, draft.getTenantId());
        variables.put(CommentModerationProcess.VAR_DRAFT_ID, draft.getId());
        variables.put(CommentModerationProcess.VAR_COMMENT_ID, comment.getId());
        variables.put(CommentModerationProcess.VAR_MODERATION_SLA, draft.getModerationSla());
        runtimeService.createProcessInstanceByKey(CommentModerationProcess.PROCESS_ID)
            .processDefinitionWithoutTenantId()
            .businessKey(procedure.getBusinessKey())
            .setVariables(variables)
            .execute();
    }

    private void storeVersion(Draft draft, int version, String markdown, String field) {
        List<MarkdownDraft.Section> sections = MarkdownDraft.parse(markdown);
        if (sections.isEmpty()) {
            throw new InputRejectedException(field, "Der Entwurf hat keinen Absatz. Bitte geben Sie den Text ein "
                + "(Überschriften mit # oder ##, Absätze durch Leerzeilen getrennt).");
        }
        List<DraftParagraph> rows = new ArrayList<>();
        int position = 0;
        for (MarkdownDraft.Section section : sections) {
            for (String text : section.paragraphs()) {
                if (text.length() > 20_000) {
                    throw new InputRejectedException(field, "Ein Absatz ist länger als 20.000 Zeichen. Bitte teilen "
                        + "Sie ihn durch Leerzeilen.");
                }
                rows.add(new DraftParagraph(draft.getTenantId(), draft.getId(), version, ++position,
                    section.number(), section.title(), text));
            }
        }
        paragraphs.deleteByDraftIdAndVersion(draft.getId(), version);
        paragraphs.flush();
        paragraphs.saveAll(rows);
        draft.newVersion(version);
    }

    private static String required(String value, String field, String message) {
        String clean = blankToNull(value);
        if (clean == null) {
            throw new InputRejectedException(field, message);
        }
        return clean;
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
