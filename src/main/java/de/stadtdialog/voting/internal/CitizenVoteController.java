package de.stadtdialog.voting.internal;

import static de.stadtdialog.voting.BallotRejectedException.Reason.*;

import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.IntStream;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import de.stadtdialog.citizen.CitizenUser;
import de.stadtdialog.voting.BallotRejectedException;
import de.stadtdialog.voting.BallotStore;
import de.stadtdialog.voting.Vote;
import de.stadtdialog.voting.VoteRepository;
import de.stadtdialog.voting.VoteTexts;
import de.stadtdialog.voting.VotingMethod;
import de.stadtdialog.voting.VotingService;
import de.stadtdialog.voting.VotingService.Receipt;

/**
 * Voting for logged-in citizens (the citizens' security chain guards {@code /buerger/**}): the form, the ballot
 * and the receipt, shown once. Whatever arrives is checked by {@link VotingService}; a rejected ballot leaves
 * nothing stored and the form says why (status 422), with the citizen's choice kept.
 */
@Controller
@RequestMapping("/buerger/abstimmungen")
class CitizenVoteController {

    private static final String RANK_PREFIX = "rank_";

    private final VoteRepository votes;
    private final VoteViews views;
    private final VotingService voting;
    private final BallotStore ballots;
    private final MessageSource messages;
    private final Clock clock;

    CitizenVoteController(VoteRepository votes, VoteViews views, VotingService voting, BallotStore ballots,
            MessageSource messages, Clock clock) {
        this.votes = votes;
        this.views = views;
        this.voting = voting;
        this.ballots = ballots;
        this.messages = messages;
        this.clock = clock;
    }

    @GetMapping("/{id}")
    String form(@PathVariable String id, Model model) {
        Vote vote = approved(id);
        return page(model, vote, Map.of(), null);
    }

    @PostMapping("/{id}")
    String cast(@PathVariable String id, HttpServletRequest request, HttpServletResponse response, Model model,
            RedirectAttributes redirect, Locale locale) {
        Vote vote = approved(id);
        CitizenUser citizen = CitizenUser.current().orElseThrow(() -> new ResponseStatusException(HttpStatus.FORBIDDEN));
        Map<String, String> entered = new HashMap<>();
        request.getParameterMap().forEach((name, values) -> {
            if (name.equals("choice") || name.startsWith(RANK_PREFIX) || name.equals("birthYear")) {
                entered.put(name, values.length == 0 ? "" : values[0]);
            }
        });
        try {
            List<Long> choice = vote.getMethod() == VotingMethod.RANKED_CHOICE ? ranking(request)
                : single(request);
            Receipt receipt = voting.cast(citizen, vote, choice, birthYear(request.getParameter("birthYear")));
            redirect.addFlashAttribute("receiptCode", receipt.code());
            redirect.addFlashAttribute("receiptReplaced", receipt.replaced());
            redirect.addFlashAttribute("receiptCastAt", VoteTexts.dateTime(receipt.castAt()));
            return "redirect:/buerger/abstimmungen/" + vote.getId() + "/quittung";
        } catch (BallotRejectedException rejected) {
            response.setStatus(HttpStatus.UNPROCESSABLE_ENTITY.value());
            model.addAttribute("rejection", messages.getMessage(rejected.messageKey(), null, rejected.getMessage(),
                locale));
            model.addAttribute("rejectionField", rejected.field());
            model.addAttribute("rejectionReason", rejected.reason().name());
            return page(model, vote, entered, rejected);
        }
    }

    @GetMapping("/{id}/quittung")
    String receipt(@PathVariable String id, Model model) {
        Vote vote = approved(id);
        if (!model.containsAttribute("receiptCode")) {
            return "redirect:/buerger/abstimmungen/" + vote.getId();
        }
        model.addAttribute("vote", vote);
        return "voting/receipt";
    }

    private String page(Model model, Vote vote, Map<String, String> entered, BallotRejectedException rejected) {
        PublicVoteController.addVote(model, vote, views, clock.instant());
        CitizenUser citizen = CitizenUser.current().orElse(null);
        boolean eligible = citizen != null && vote.getTenantId().equals(citizen.tenantId());
        Optional<BallotStore.OwnBallot> own = citizen == null ? Optional.empty()
            : ballots.ballotOf(vote.getId(), citizen.id());
        model.addAttribute("eligible", eligible);
        model.addAttribute("hasVoted", own.isPresent());
        model.addAttribute("votedOnPaper", own.map(b -> "PAPER".equals(b.channel())).orElse(false));
        model.addAttribute("canVote", eligible && vote.acceptsBallots(clock.instant())
            && (own.isEmpty() || vote.isChangeAllowed() && "ONLINE".equals(own.get().channel())));
        model.addAttribute("entered", entered);
        model.addAttribute("rankChoices", IntStream.rangeClosed(1,
            ((List<?>) model.getAttribute("options")).size()).boxed().toList());
        return "voting/ballot-form";
    }

    /** The one option chosen; more than one value or something else than an option id is tampering. */
    private static List<Long> single(HttpServletRequest request) {
        String[] values = request.getParameterValues("choice");
        if (values == null || values.length == 0 || values[0].isBlank()) {
            return List.of();
        }
        if (values.length > 1) {
            throw new BallotRejectedException(ONE_CHOICE_ONLY, "choice", "Bitte wählen Sie genau eine Option.");
        }
        return List.of(optionId(values[0]));
    }

    /** Options in order of their rank (1, 2, …); ranks must not repeat or skip; unranked options are left out. */
    private static List<Long> ranking(HttpServletRequest request) {
        TreeMap<Integer, Long> byRank = new TreeMap<>();
        for (Map.Entry<String, String[]> parameter : request.getParameterMap().entrySet()) {
            if (!parameter.getKey().startsWith(RANK_PREFIX)) {
                continue;
            }
            if (parameter.getValue().length != 1) {
                throw new BallotRejectedException(DUPLICATE_OPTION, "choice",
                    "Jede Option kann nur einmal eingeordnet werden.");
            }
            String value = parameter.getValue()[0].trim();
            if (value.isEmpty()) {
                continue;
            }
            Long option = optionId(parameter.getKey().substring(RANK_PREFIX.length()));
            int rank;
            try {
                rank = Integer.parseInt(value);
            } catch (NumberFormatException e) {
                throw new BallotRejectedException(RANK_GAP, "choice", "Ränge sind die Zahlen 1, 2, 3 …");
            }
            if (byRank.put(rank, option) != null) {
                throw new BallotRejectedException(DUPLICATE_RANK, "choice",
                    "Jeder Rang kann nur einmal vergeben werden.");
            }
        }
        List<Integer> ranks = new ArrayList<>(byRank.keySet());
        for (int i = 0; i < ranks.size(); i++) {
            if (ranks.get(i) != i + 1) {
                throw new BallotRejectedException(RANK_GAP, "choice", "Bitte vergeben Sie die Ränge lückenlos ab 1.");
            }
        }
        return new ArrayList<>(byRank.values());
    }

    private static Long optionId(String text) {
        try {
            return Long.parseLong(text.trim());
        } catch (NumberFormatException e) {
            throw new BallotRejectedException(UNKNOWN_OPTION, "choice",
                "Diese Option gehört nicht zu dieser Abstimmung.");
        }
    }

    private static Integer birthYear(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return Integer.parseInt(text.trim());
        } catch (NumberFormatException e) {
            throw new BallotRejectedException(BIRTH_YEAR_MISSING, "birthYear", "Bitte geben Sie Ihr Geburtsjahr als Zahl an, "
                + "z. B. 1984.");
        }
    }

    private Vote approved(String id) {
        try {
            return votes.findByIdAndApprovedAtIsNotNull(Long.parseLong(id))
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        } catch (NumberFormatException e) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
    }
}
