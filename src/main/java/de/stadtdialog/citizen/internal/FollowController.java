package de.stadtdialog.citizen.internal;

import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.context.MessageSource;
import org.springframework.data.domain.Sort;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import de.stadtdialog.citizen.CitizenUser;
import de.stadtdialog.procedure.Procedure;
import de.stadtdialog.procedure.ProcedureRepository;
import de.stadtdialog.procedure.ProcedureStatus;
import de.stadtdialog.shared.InputRejectedException;

/**
 * Following a procedure: the buttons of the fragment {@code citizen/follow} post here and the citizen goes back
 * to the page they came from. {@code /buerger/verfahren} lists the municipality's running procedures with the
 * same buttons. The unsubscribe link from the mails works without login: one click shows what it stops, a
 * button stops it.
 */
@Controller
class FollowController {

    static final String LIST = "/buerger/verfahren";

    private final Follows follows;
    private final ProcedureRepository procedures;
    private final MessageSource messages;

    FollowController(Follows follows, ProcedureRepository procedures, MessageSource messages) {
        this.follows = follows;
        this.procedures = procedures;
        this.messages = messages;
    }

    @GetMapping(LIST)
    String list(@AuthenticationPrincipal CitizenUser citizen, Model model) {
        List<Procedure> running = procedures.findAll((root, query, cb) -> cb.and(
            cb.equal(root.get("tenantId"), citizen.tenantId()),
            cb.equal(root.get("status"), ProcedureStatus.RUNNING)), Sort.by("title"));
        model.addAttribute("procedures", running);
        return "citizen/procedures";
    }

    /** Where "Anmelden, um zu folgen" leads after the login. */
    @GetMapping("/buerger/folgen/{procedureId}")
    String followPage(@AuthenticationPrincipal CitizenUser citizen, @PathVariable String procedureId, Model model) {
        model.addAttribute("procedure", procedure(citizen, procedureId));
        return "citizen/follow-confirm";
    }

    @PostMapping("/buerger/folgen/{procedureId}")
    String follow(@AuthenticationPrincipal CitizenUser citizen, @PathVariable String procedureId,
            @RequestParam(required = false) String returnTo, HttpServletRequest request,
            RedirectAttributes redirect, Locale locale) {
        Procedure procedure = procedure(citizen, procedureId);
        try {
            follows.follow(citizen, procedure);
            redirect.addFlashAttribute("flashMessage", messages.getMessage("citizen.follow.started",
                new Object[] {procedure.getTitle()}, locale));
        } catch (InputRejectedException rejected) {
            redirect.addFlashAttribute("flashError", rejected.getMessage());
        }
        return "redirect:" + back(request, returnTo);
    }

    @PostMapping("/buerger/entfolgen/{procedureId}")
    String unfollow(@AuthenticationPrincipal CitizenUser citizen, @PathVariable String procedureId,
            @RequestParam(required = false) String returnTo, HttpServletRequest request,
            RedirectAttributes redirect, Locale locale) {
        Procedure procedure = procedure(citizen, procedureId);
        follows.unfollow(citizen, procedure.getId());
        redirect.addFlashAttribute("flashMessage", messages.getMessage("citizen.follow.stopped",
            new Object[] {procedure.getTitle()}, locale));
        return "redirect:" + back(request, returnTo);
    }

    @GetMapping("/buerger/abbestellen")
    String unsubscribePage(@RequestParam(required = false) String token, Model model, HttpServletResponse response) {
        Optional<Follows.FollowedProcedure> followed = follows.byUnsubscribeToken(token);
        if (followed.isEmpty()) {
            response.setStatus(HttpStatus.NOT_FOUND.value());
            return "citizen/unsubscribe";
        }
        model.addAttribute("token", token);
        model.addAttribute("procedureTitle", followed.get().title());
        return "citizen/unsubscribe";
    }

    @PostMapping("/buerger/abbestellen")
    String unsubscribe(@RequestParam(required = false) String token, Model model, HttpServletResponse response) {
        Optional<String> title = follows.unsubscribe(token);
        if (title.isEmpty()) {
            response.setStatus(HttpStatus.NOT_FOUND.value());
            return "citizen/unsubscribe";
        }
        model.addAttribute("unsubscribed", title.get());
        return "citizen/unsubscribe";
    }

    private Procedure procedure(CitizenUser citizen, String procedureId) {
        Long id;
        try {
            id = Long.valueOf(procedureId);
        } catch (NumberFormatException e) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
        return follows.followable(citizen, id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
    }

    /**
     * Back where the button was: {@code returnTo} if the page passed one, else the referring page of this site;
     * never another site, never the login page.
     */
    static String back(HttpServletRequest request, String returnTo) {
        String candidate = returnTo;
        if (candidate == null || candidate.isBlank()) {
            String referer = request.getHeader("Referer");
            candidate = null;
            if (referer != null) {
                try {
                    URI uri = URI.create(referer);
                    if (uri.getHost() == null || uri.getHost().equalsIgnoreCase(request.getServerName())) {
                        candidate = uri.getRawPath() + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
                    }
                } catch (IllegalArgumentException unreadable) {
                    candidate = null;
                }
            }
        }
        String context = request.getContextPath();
        if (candidate == null || !candidate.startsWith("/") || candidate.startsWith("//")
                || candidate.contains("\\") || candidate.startsWith(context + CitizenSecurityConfiguration.LOGIN_PAGE)
                || candidate.startsWith(context + "/buerger/folgen/")) {
            return LIST;
        }
        // the redirect adds the context path itself
        return candidate.startsWith(context) && !context.isEmpty() ? candidate.substring(context.length())
            : candidate;
    }
}
