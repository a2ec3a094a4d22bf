package de.stadtdialog.voting.internal;

import java.io.IOException;
import java.time.Clock;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.springframework.context.MessageSource;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import de.stadtdialog.procedure.Procedure;
import de.stadtdialog.procedure.ProcedureRepository;
import de.stadtdialog.procedure.TenantRepository;
import de.stadtdialog.shared.InputRejectedException;
import de.stadtdialog.shared.StaffUser;
import de.stadtdialog.shared.StartForms;
import de.stadtdialog.voting.BallotRejectedException;
import de.stadtdialog.voting.BallotStore;
import de.stadtdialog.voting.Vote;
import de.stadtdialog.voting.VoteProcess;
import de.stadtdialog.voting.VoteRepository;
import de.stadtdialog.voting.VoteTexts;
import de.stadtdialog.voting.VotingMethod;
import de.stadtdialog.voting.VotingService;
import de.stadtdialog.voting.VotingService.NewOption;
import de.stadtdialog.voting.VotingService.SetUpVote;

/**
 * Staff pages of votes: "Abstimmung anlegen" (stores the vote, starts its procedure and lands on the procedure
 * page), and per vote the paper ballot entry and the extension of its end. Tie and turnout decisions are tasks.
 */
@Controller
@RequestMapping("/abstimmungen")
class VoteStaffController {

    static final String FORM = "voteSetup";
    static final int OPTION_ROWS = 5;
    private static final long MAX_IMAGE_BYTES = 2_000_000;
    private static final Set<String> IMAGE_TYPES = Set.of("image/png", "image/jpeg", "image/webp");
    private static final Set<String> FORM_FIELDS = Set.of("tenantId", "title", "question", "opensAt", "closesAt",
        "unlinkDelay", "options");

    private final VotingService voting;
    private final VoteRepository votes;
    private final ProcedureRepository procedures;
    private final TenantRepository tenants;
    private final VoteViews views;
    private final BallotStore ballots;
    private final MessageSource messages;
    private final Clock clock;

    VoteStaffController(VotingService voting, VoteRepository votes, ProcedureRepository procedures,
            TenantRepository tenants, VoteViews views, BallotStore ballots, MessageSource messages, Clock clock) {
        this.voting = voting;
        this.votes = votes;
        this.procedures = procedures;
        this.tenants = tenants;
        this.views = views;
        this.ballots = ballots;
        this.messages = messages;
        this.clock = clock;
    }

    /** One option row of the set-up form; an uploaded image wins over a URL. */
    public static class OptionForm {
        @Size(max = 200)
        private String title;
        @Size(max = 4000)
        private String description;
        @Size(max = 500)
        private String imageUrl;
        @Size(max = 300)
        private String imageAlt;
        private MultipartFile image;

        public String getTitle() { return title; }
        public void setTitle(String title) { this.title = title; }
        public String getDescription() { return description; }
        public void setDescription(String description) { this.description = description; }
        public String getImageUrl() { return imageUrl; }
        public void setImageUrl(String imageUrl) { this.imageUrl = imageUrl; }
        public String getImageAlt() { return imageAlt; }
        public void setImageAlt(String imageAlt) { this.imageAlt = imageAlt; }
        public MultipartFile getImage() { return image; }
        public void setImage(MultipartFile image) { this.image = image; }
    }

    /** What the set-up form posts; times are local date-times in the municipality's time zone. */
    public static class VoteSetupForm {
        @NotBlank
        private String tenantId;
        @NotBlank
        @Size(max = 200)
        private String title;
        @NotBlank
        @Size(max = 1000)
        private String question;
        @Size(max = 4000)
        private String description;
        @NotNull
        private VotingMethod method = VotingMethod.SINGLE_CHOICE;
        private boolean bindingForCouncil;
        private boolean changeAllowed;
        @Min(1)
        @Max(120)
        private Integer minimumAge;
        @Min(1)
        private Integer minimumTurnout;
        @NotNull
        @DateTimeFormat(pattern = "yyyy-MM-dd'T'HH:mm", fallbackPatterns = {"yyyy-MM-dd'T'HH:mm:ss",
            "dd.MM.yyyy HH:mm", "dd.MM.yyyy, HH:mm"})
        private LocalDateTime opensAt;
        @NotNull
        @DateTimeFormat(pattern = "yyyy-MM-dd'T'HH:mm", fallbackPatterns = {"yyyy-MM-dd'T'HH:mm:ss",
            "dd.MM.yyyy HH:mm", "dd.MM.yyyy, HH:mm"})
        private LocalDateTime closesAt;
        @NotBlank
        @Size(max = 32)
        private String unlinkDelay = VoteProcess.DEFAULT_UNLINK_DELAY;
        @Valid
        private List<OptionForm> options = new ArrayList<>();

        public String getTenantId() { return tenantId; }
        public void setTenantId(String tenantId) { this.tenantId = tenantId; }
        public String getTitle() { return title; }
        public void setTitle(String title) { this.title = title; }
        public String getQuestion() { return question; }
        public void setQuestion(String question) { this.question = question; }
        public String getDescription() { return description; }
        public void setDescription(String description) { this.description = description; }
        public VotingMethod getMethod() { return method; }
        public void setMethod(VotingMethod method) { this.method = method; }
        public boolean isBindingForCouncil() { return bindingForCouncil; }
        public void setBindingForCouncil(boolean bindingForCouncil) { this.bindingForCouncil = bindingForCouncil; }
        public boolean isChangeAllowed() { return changeAllowed; }
        public void setChangeAllowed(boolean changeAllowed) { this.changeAllowed = changeAllowed; }
        public Integer getMinimumAge() { return minimumAge; }
        public void setMinimumAge(Integer minimumAge) { this.minimumAge = minimumAge; }
        public Integer getMinimumTurnout() { return minimumTurnout; }
        public void setMinimumTurnout(Integer minimumTurnout) { this.minimumTurnout = minimumTurnout; }
        public LocalDateTime getOpensAt() { return opensAt; }
        public void setOpensAt(LocalDateTime opensAt) { this.opensAt = opensAt; }
        public LocalDateTime getClosesAt() { return closesAt; }
        public void setClosesAt(LocalDateTime closesAt) { this.closesAt = closesAt; }
        public String getUnlinkDelay() { return unlinkDelay; }
        public void setUnlinkDelay(String unlinkDelay) { this.unlinkDelay = unlinkDelay; }
        public List<OptionForm> getOptions() { return options; }
        public void setOptions(List<OptionForm> options) { this.options = options; }
    }

    @GetMapping("/neu")
    String form(Model model) {
        VoteSetupForm form = new VoteSetupForm();
        List<String> own = StaffUser.current().tenants();
        if (own.size() == 1) {
            form.setTenantId(own.get(0));
        }
        model.addAttribute(FORM, form);
        return setupPage(model, form);
    }

    @PostMapping("/neu")
    String setUp(@Valid @ModelAttribute(FORM) VoteSetupForm form, BindingResult errors, Model model,
            RedirectAttributes redirect, Locale locale) {
        StartForms.checkTenant(form.getTenantId(), errors);
        List<NewOption> options = new ArrayList<>();
        for (int i = 0; i < form.getOptions().size(); i++) {
            OptionForm option = form.getOptions().get(i);
            byte[] data = null;
            String type = null;
            if (option.getImage() != null && !option.getImage().isEmpty()) {
                type = option.getImage().getContentType();
                if (!IMAGE_TYPES.contains(type) || option.getImage().getSize() > MAX_IMAGE_BYTES) {
                    errors.rejectValue("options[" + i + "].image", "image", messages.getMessage(
                        "voting.setup.imageRejected", null, locale));
                    continue;
                }
                try {
                    data = option.getImage().getBytes();
                } catch (IOException e) {
                    errors.rejectValue("options[" + i + "].image", "image", e.getMessage());
                    continue;
                }
            }
            options.add(new NewOption(option.getTitle(), option.getDescription(), option.getImageUrl(),
                option.getImageAlt(), data, type));
        }
        if (errors.hasErrors()) {
            return setupPage(model, form);
        }
        Procedure procedure;
        try {
            procedure = voting.setUp(new SetUpVote(form.getTenantId(), form.getTitle(), form.getQuestion(),
                form.getDescription(), form.getMethod(), form.isBindingForCouncil(), form.isChangeAllowed(),
                form.getMinimumAge(), form.getMinimumTurnout(), form.getOpensAt().atZone(VoteTexts.ZONE).toInstant(),
                form.getClosesAt().atZone(VoteTexts.ZONE).toInstant(), form.getUnlinkDelay(), options,
                StaffUser.current().id()));
        } catch (InputRejectedException rejected) {
            StartForms.show(rejected, errors, FORM_FIELDS);
            return setupPage(model, form);
        }
        redirect.addFlashAttribute("flashMessage", messages.getMessage("voting.setup.created",
            new Object[] {procedure.getTitle(), procedure.getBusinessKey()}, locale));
        redirect.addAttribute("businessKey", procedure.getBusinessKey());
        return "redirect:/verfahren/{businessKey}";
    }

    private String setupPage(Model model, VoteSetupForm form) {
        while (form.getOptions().size() < OPTION_ROWS) {
            form.getOptions().add(new OptionForm());
        }
        model.addAttribute("tenants", tenants.findByIdInOrderByName(StaffUser.current().tenants()));
        model.addAttribute("methods", VotingMethod.values());
        return "voting/setup";
    }

    @GetMapping("/{id}")
    String show(@PathVariable String id, Model model) {
        Vote vote = ownVote(id);
        PublicVoteController.addVote(model, vote, views, clock.instant());
        model.addAttribute("procedure", procedures.findById(vote.getProcedureId()).orElse(null));
        model.addAttribute("paperBallots", ballots.countPaper(vote.getId()));
        model.addAttribute("acceptsPaper", vote.acceptsPaperBallots());
        model.addAttribute("extendable", vote.getClosedAt() == null && vote.getClosesAt().isAfter(clock.instant()));
        return "voting/staff-vote";
    }

    @PostMapping("/{id}/papier")
    String paperBallot(@PathVariable String id, @RequestParam(name = "paperNumber", required = false) String number,
            @RequestParam(name = "choice", required = false) List<String> choice,
            @RequestParam(name = "voterUsername", required = false) String voterUsername,
            RedirectAttributes redirect, Locale locale) {
        Vote vote = ownVote(id);
        try {
            List<Long> ids = new ArrayList<>();
            for (String value : choice == null ? List.<String>of() : choice) {
                if (!value.isBlank()) {
                    ids.add(parse(value));
                }
            }
            voting.enterPaperBallot(vote.getId(), number, ids, voterUsername, StaffUser.current().id());
            redirect.addFlashAttribute("flashMessage", messages.getMessage("voting.staff.paperEntered",
                new Object[] {number == null ? "" : number.trim()}, locale));
        } catch (BallotRejectedException rejected) {
            redirect.addFlashAttribute("flashError", messages.getMessage(rejected.messageKey(), null,
                rejected.getMessage(), locale) + " (" + (number == null ? "" : number.trim()) + ")");
        }
        return "redirect:/abstimmungen/" + vote.getId();
    }

    @PostMapping("/{id}/verlaengern")
    String extend(@PathVariable String id,
            @RequestParam(name = "closesAt", required = false)
            @DateTimeFormat(pattern = "yyyy-MM-dd'T'HH:mm") LocalDateTime closesAt,
            @RequestParam(name = "reason", required = false) String reason, RedirectAttributes redirect,
            Locale locale) {
        Vote vote = ownVote(id);
        try {
            voting.extend(vote.getId(), closesAt == null ? null : closesAt.atZone(VoteTexts.ZONE).toInstant(), reason,
                StaffUser.current().id());
            redirect.addFlashAttribute("flashMessage", messages.getMessage("voting.staff.extended",
                new Object[] {VoteTexts.dateTime(closesAt.atZone(VoteTexts.ZONE).toInstant())}, locale));
        } catch (InputRejectedException rejected) {
            redirect.addFlashAttribute("flashError", rejected.getMessage());
        }
        return "redirect:/abstimmungen/" + vote.getId();
    }

    private Vote ownVote(String id) {
        Vote vote = votes.findById(parseOrNotFound(id)).orElseThrow(() -> new ResponseStatusException(
            HttpStatus.NOT_FOUND));
        if (!StaffUser.current().tenants().contains(vote.getTenantId())) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
        return vote;
    }

    private static Long parse(String value) {
        try {
            return Long.parseLong(value.trim());
        } catch (NumberFormatException e) {
            throw new BallotRejectedException(BallotRejectedException.Reason.UNKNOWN_OPTION, "choice",
                "Diese Option gehört nicht zu dieser Abstimmung.");
        }
    }

    private static Long parseOrNotFound(String id) {
        try {
            return Long.parseLong(id);
        } catch (NumberFormatException e) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
    }
}
