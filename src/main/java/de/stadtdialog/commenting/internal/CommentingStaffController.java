package de.stadtdialog.commenting.internal;

import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;

import org.camunda.bpm.engine.MismatchingMessageCorrelationException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import de.stadtdialog.commenting.CommentTargetNotFoundException;
import de.stadtdialog.commenting.CommentingService;
import de.stadtdialog.commenting.CommentingTimes;
import de.stadtdialog.commenting.Disposition;
import de.stadtdialog.commenting.Draft;
import de.stadtdialog.commenting.ParagraphDiff;
import de.stadtdialog.procedure.Procedure;
import de.stadtdialog.procedure.TenantRepository;
import de.stadtdialog.shared.InputRejectedException;
import de.stadtdialog.shared.StaffUser;

/**
 * Staff pages of a commenting procedure ({@code /kommentierung}): start a new one, its overview with extension and
 * council decision, the evaluation grouped by paragraph, workshop input, the results report (HTML, CSV) and the
 * differences between versions. Staff see only drafts of their own municipalities.
 */
@Controller
@RequestMapping("/kommentierung")
class CommentingStaffController {

    private final CommentingService commenting;
    private final ResultsReport reports;
    private final TenantRepository tenants;
    private final java.time.Clock clock;

    CommentingStaffController(CommentingService commenting, ResultsReport reports, TenantRepository tenants,
            java.time.Clock clock) {
        this.commenting = commenting;
        this.reports = reports;
        this.tenants = tenants;
        this.clock = clock;
    }

    @GetMapping("/neu")
    String newForm(Model model) {
        List<String> own = StaffUser.current().tenants();
        model.addAttribute("tenants", tenants.findByIdInOrderByName(own));
        model.addAttribute("tenantId", own.size() == 1 ? own.get(0) : null);
        return "commenting/staff-new";
    }

    @PostMapping("/neu")
    String create(@RequestParam(defaultValue = "") String tenantId, @RequestParam(defaultValue = "") String title,
            @RequestParam(defaultValue = "") String markdown, Model model, RedirectAttributes redirect) {
        try {
            if (!StaffUser.current().tenants().contains(tenantId)) {
                throw new InputRejectedException("tenantId", "Bitte wählen Sie eine Ihrer Städte.");
            }
            Procedure procedure = commenting.start(tenantId, title, markdown);
            Long draftId = commenting.draftOf(procedure).getId();
            redirect.addFlashAttribute("flashMessage", "Kommentierung „" + procedure.getTitle() + "“ angelegt ("
                + procedure.getBusinessKey() + "). Nächster Schritt: „Entwurf einrichten“ in Ihren Aufgaben.");
            return "redirect:/kommentierung/" + draftId;
        } catch (InputRejectedException rejected) {
            model.addAttribute("error", rejected.getMessage());
            model.addAttribute("errorField", rejected.field());
            model.addAttribute("title", title);
            model.addAttribute("markdown", markdown);
            model.addAttribute("tenants", tenants.findByIdInOrderByName(StaffUser.current().tenants()));
            model.addAttribute("tenantId", tenantId);
            return "commenting/staff-new";
        }
    }

    @GetMapping("/{draftId}")
    String overview(@PathVariable Long draftId, Model model) {
        Draft draft = ownDraft(draftId);
        model.addAttribute("draft", draft);
        model.addAttribute("procedure", commenting.procedure(draft));
        model.addAttribute("progress", commenting.progress(draftId));
        model.addAttribute("extensions", commenting.extensions(draftId));
        model.addAttribute("times", new Times());
        model.addAttribute("open", draft.isOpenAt(clock.instant()));
        return "commenting/staff-draft";
    }

    @PostMapping("/{draftId}/verlaengern")
    String extend(@PathVariable Long draftId, @RequestParam(defaultValue = "") String newEnd,
            @RequestParam(defaultValue = "") String reason, RedirectAttributes redirect) {
        ownDraft(draftId);
        try {
            LocalDateTime end = LocalDateTime.parse(newEnd);
            commenting.extend(draftId, end.atZone(CommentingTimes.ZONE).toInstant(), reason, StaffUser.current().id());
            redirect.addFlashAttribute("flashMessage", "Frist verlängert bis "
                + CommentingTimes.dateTime(commenting.draft(draftId).getClosesAt()) + ". Die Verlängerung wird "
                + "öffentlich angezeigt.");
        } catch (DateTimeParseException e) {
            redirect.addFlashAttribute("flashError", "Bitte geben Sie das neue Ende mit Datum und Uhrzeit an.");
        } catch (InputRejectedException rejected) {
            redirect.addFlashAttribute("flashError", rejected.getMessage());
        }
        return "redirect:/kommentierung/" + draftId;
    }

    @PostMapping("/{draftId}/ratsbeschluss")
    String councilDecision(@PathVariable Long draftId, @RequestParam(defaultValue = "") String decision,
            RedirectAttributes redirect) {
        ownDraft(draftId);
        try {
            commenting.recordCouncilDecision(draftId, decision);
            redirect.addFlashAttribute("flashMessage", "Ratsbeschluss eingetragen. Alle Kommentierenden erhalten "
                + "ihre Rückmeldung per E-Mail.");
        } catch (InputRejectedException rejected) {
            redirect.addFlashAttribute("flashError", rejected.getMessage());
        } catch (MismatchingMessageCorrelationException notWaiting) {
            redirect.addFlashAttribute("flashError", "Das Verfahren wartet gerade nicht auf einen Ratsbeschluss.");
        }
        return "redirect:/kommentierung/" + draftId;
    }

    @GetMapping("/{draftId}/auswertung")
    String evaluation(@PathVariable Long draftId, Model model) {
        Draft draft = ownDraft(draftId);
        model.addAttribute("report", reports.report(draft));
        model.addAttribute("dispositions", Disposition.values());
        model.addAttribute("editable", draft.isClosed() && draft.getReportPublishedAt() == null);
        return "commenting/staff-evaluation";
    }

    @PostMapping("/{draftId}/auswertung/{commentId}")
    String evaluate(@PathVariable Long draftId, @PathVariable Long commentId,
            @RequestParam(defaultValue = "") String disposition, @RequestParam(defaultValue = "") String reason,
            RedirectAttributes redirect) {
        ownDraft(draftId);
        try {
            commenting.evaluate(draftId, commentId, Disposition.parse(disposition), reason, StaffUser.current().id());
            redirect.addFlashAttribute("flashMessage", "Kommentar " + commentId + " ausgewertet – "
                + commenting.progress(draftId).text() + ".");
        } catch (InputRejectedException rejected) {
            redirect.addFlashAttribute("flashError", "Kommentar " + commentId + ": " + rejected.getMessage());
        } catch (CommentTargetNotFoundException gone) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
        return "redirect:/kommentierung/" + draftId + "/auswertung#kommentar-" + commentId;
    }

    @GetMapping("/{draftId}/werkstatt")
    String workshopForm(@PathVariable Long draftId, Model model) {
        Draft draft = ownDraft(draftId);
        model.addAttribute("draft", draft);
        model.addAttribute("paragraphs", commenting.paragraphs(draft, draft.getCommentedVersion()));
        return "commenting/staff-workshop";
    }

    @PostMapping("/{draftId}/werkstatt")
    String workshopInput(@PathVariable Long draftId, @RequestParam(required = false) Long paragraphId,
            @RequestParam(defaultValue = "") String source, @RequestParam(defaultValue = "") String text, Model model,
            RedirectAttributes redirect) {
        Draft draft = ownDraft(draftId);
        try {
            commenting.addWorkshopInput(draftId, paragraphId, source, text, StaffUser.current().id());
            redirect.addFlashAttribute("flashMessage", "Werkstatt-Beitrag erfasst und veröffentlicht.");
            redirect.addFlashAttribute("lastSource", source);
            return "redirect:/kommentierung/" + draftId + "/werkstatt";
        } catch (InputRejectedException rejected) {
            model.addAttribute("error", rejected.getMessage());
            model.addAttribute("errorField", rejected.field());
            model.addAttribute("draft", draft);
            model.addAttribute("paragraphs", commenting.paragraphs(draft, draft.getCommentedVersion()));
            model.addAttribute("source", source);
            model.addAttribute("text", text);
            model.addAttribute("paragraphId", paragraphId);
            return "commenting/staff-workshop";
        } catch (CommentTargetNotFoundException gone) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
    }

    @GetMapping("/{draftId}/bericht")
    String report(@PathVariable Long draftId, Model model) {
        Draft draft = ownDraft(draftId);
        model.addAttribute("report", reports.report(draft));
        model.addAttribute("extensions", commenting.extensions(draftId));
        model.addAttribute("times", new Times());
        return "commenting/report";
    }

    @GetMapping("/{draftId}/bericht.csv")
    ResponseEntity<byte[]> reportCsv(@PathVariable Long draftId) {
        Draft draft = ownDraft(draftId);
        return ResponseEntity.ok()
            .contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
            .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"kommentare-" + draftId + ".csv\"")
            .body(reports.csv(reports.report(draft)).getBytes(StandardCharsets.UTF_8));
    }

    @GetMapping("/{draftId}/fassungen")
    String versions(@PathVariable Long draftId, @RequestParam(name = "von", required = false) Integer from,
            @RequestParam(name = "bis", required = false) Integer to, Model model) {
        Draft draft = ownDraft(draftId);
        int newest = Math.max(1, draft.getCurrentVersion());
        int older = from == null ? Math.max(1, draft.getCommentedVersion()) : Math.max(1, Math.min(from, newest));
        int newer = to == null ? newest : Math.max(1, Math.min(to, newest));
        model.addAttribute("draft", draft);
        model.addAttribute("from", older);
        model.addAttribute("to", newer);
        model.addAttribute("versions", java.util.stream.IntStream.rangeClosed(1, newest).boxed().toList());
        model.addAttribute("lines", ParagraphDiff.between(commenting.paragraphs(draft, older),
            commenting.paragraphs(draft, newer)));
        return "commenting/staff-versions";
    }

    /** Formats instants for the templates, e.g. {@code ${times.of(draft.closesAt)}}. */
    static final class Times {

        public String of(java.time.Instant instant) {
            return CommentingTimes.dateTime(instant);
        }

        public String input(java.time.Instant instant) {
            return CommentingTimes.localInput(instant);
        }
    }

    private Draft ownDraft(Long draftId) {
        try {
            Draft draft = commenting.draft(draftId);
            if (StaffUser.current().tenants().contains(draft.getTenantId())) {
                return draft;
            }
        } catch (CommentTargetNotFoundException e) {
            // same answer as for another municipality's draft
        }
        throw new ResponseStatusException(HttpStatus.NOT_FOUND);
    }
}
