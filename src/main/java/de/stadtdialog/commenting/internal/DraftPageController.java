package de.stadtdialog.commenting.internal;

import java.time.Clock;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import de.stadtdialog.citizen.CitizenUser;
import de.stadtdialog.commenting.Comment;
import de.stadtdialog.commenting.CommentStatus;
import de.stadtdialog.commenting.CommentTargetNotFoundException;
import de.stadtdialog.commenting.CommentingService;
import de.stadtdialog.commenting.Draft;
import de.stadtdialog.shared.InputRejectedException;

/**
 * The public draft page ({@code /oeffentlich/entwuerfe/{id}}, anyone) and the citizens' comment form, which posts
 * to {@code /buerger/kommentare/{id}} (logged-in citizens only). "Vorschau" shows the text as it will appear
 * (escaped) without storing it; "Absenden" stores it as pending and starts its moderation.
 */
@Controller
class DraftPageController {

    static final String ACTION_PREVIEW = "vorschau";

    private final CommentingService commenting;
    private final DraftView view;
    private final Clock clock;

    DraftPageController(CommentingService commenting, DraftView view, Clock clock) {
        this.commenting = commenting;
        this.view = view;
        this.clock = clock;
    }

    /** What the comment form posts. */
    public static class CommentForm {

        private Long paragraphId;
        private Long parentId;
        private String text;

        public Long getParagraphId() {
            return paragraphId;
        }

        public void setParagraphId(Long paragraphId) {
            this.paragraphId = paragraphId;
        }

        public Long getParentId() {
            return parentId;
        }

        public void setParentId(Long parentId) {
            this.parentId = parentId;
        }

        public String getText() {
            return text;
        }

        public void setText(String text) {
            this.text = text;
        }
    }

    @GetMapping("/oeffentlich/entwuerfe/{draftId}")
    String draft(@PathVariable Long draftId, @RequestParam(name = "sortierung", required = false) String sort,
            @RequestParam(name = "absatz", required = false) Long paragraphId,
            @RequestParam(name = "antwort", required = false) Long parentId,
            @RequestParam(name = "alle", required = false) String showAll, Model model) {
        Draft draft = publicDraft(draftId);
        CommentForm form = new CommentForm();
        if (paragraphId != null && commenting.paragraphOf(draft, paragraphId).isPresent()) {
            form.setParagraphId(paragraphId);
        }
        if (parentId != null && replyable(draft, parentId)) {
            form.setParentId(parentId);
        }
        return page(draft, form, sort, showAll, model);
    }

    /** After logging in from "Anmelden, um zu kommentieren", back to the draft's comment form. */
    @GetMapping("/buerger/kommentare/{draftId}")
    String toCommentForm(@PathVariable Long draftId) {
        return "redirect:/oeffentlich/entwuerfe/" + publicDraft(draftId).getId() + "#kommentieren";
    }

    @PostMapping("/buerger/kommentare/{draftId}")
    String comment(@PathVariable Long draftId, @ModelAttribute("commentForm") CommentForm form,
            @RequestParam(name = "aktion", defaultValue = "absenden") String action, Model model,
            RedirectAttributes redirect) {
        Draft draft = publicDraft(draftId);
        CitizenUser citizen = CitizenUser.current()
            .orElseThrow(() -> new ResponseStatusException(HttpStatus.FORBIDDEN));
        if (form.getParagraphId() != null && commenting.paragraphOf(draft, form.getParagraphId()).isEmpty()) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND, "Dieser Absatz gehört nicht zu diesem Entwurf.");
        }
        if (form.getParentId() != null && !replyable(draft, form.getParentId())) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND, "Diesen Kommentar gibt es zu diesem Entwurf nicht.");
        }
        try {
            if (ACTION_PREVIEW.equals(action)) {
                model.addAttribute("preview", CommentingService.checkText(form.getText()));
                return page(draft, form, null, null, model);
            }
            Comment comment = commenting.submit(citizen, draft.getId(), form.getParagraphId(), form.getParentId(),
                form.getText());
            redirect.addFlashAttribute("flashMessage", "Danke! Ihr Kommentar ist eingegangen und wartet auf "
                + "Freigabe. Sie erhalten eine E-Mail, sobald er geprüft ist.");
            return "redirect:/oeffentlich/entwuerfe/" + draft.getId() + "#kommentar-" + comment.getId();
        } catch (InputRejectedException rejected) {
            model.addAttribute("commentError", rejected.getMessage());
            return page(draft, form, null, null, model);
        } catch (CommentTargetNotFoundException gone) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND, gone.getMessage());
        }
    }

    private String page(Draft draft, CommentForm form, String sort, String showAll, Model model) {
        Long reader = CitizenUser.current().map(CitizenUser::id).orElse(null);
        DraftView.Page page = view.page(draft, reader, sort, showAll, clock.instant());
        model.addAttribute("page", page);
        model.addAttribute("commentForm", form);
        model.addAttribute("maxLength", Comment.MAX_LENGTH);
        model.addAttribute("remaining", Comment.MAX_LENGTH - (form.getText() == null ? 0 : form.getText().length()));
        model.addAttribute("citizen", reader != null);
        if (form.getParentId() != null) {
            Comment parent = commenting.comment(form.getParentId());
            model.addAttribute("replyTo", parent);
            model.addAttribute("replyToAuthor", view.author(parent, new java.util.HashMap<>()));
        }
        return "commenting/public-draft";
    }

    private boolean replyable(Draft draft, Long commentId) {
        try {
            Comment parent = commenting.comment(commentId);
            return parent.getDraftId().equals(draft.getId()) && parent.getStatus() == CommentStatus.APPROVED;
        } catch (CommentTargetNotFoundException e) {
            return false;
        }
    }

    private Draft publicDraft(Long draftId) {
        try {
            Draft draft = commenting.draft(draftId);
            if (draft.isPublic()) {
                return draft;
            }
        } catch (CommentTargetNotFoundException e) {
            // same answer as for an unpublished draft: nothing to see here
        }
        throw new ResponseStatusException(HttpStatus.NOT_FOUND);
    }
}
