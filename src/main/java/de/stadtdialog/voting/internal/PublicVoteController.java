package de.stadtdialog.voting.internal;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

import de.stadtdialog.procedure.Tenant;
import de.stadtdialog.procedure.TenantRepository;
import de.stadtdialog.voting.BallotStore;
import de.stadtdialog.voting.Vote;
import de.stadtdialog.voting.VoteOptionRepository;
import de.stadtdialog.voting.VoteRepository;
import de.stadtdialog.voting.VotingMethod;
import de.stadtdialog.voting.VotingService;

/**
 * The public pages of votes, without login: approved votes with their rules (stated before they open), options
 * side by side, the result with its rounds once counted, the receipt check, and the open data once published.
 * Votes not yet approved do not exist here (404). Ballots are never shown, only counts and receipt codes.
 */
@Controller
@RequestMapping("/oeffentlich/abstimmungen")
class PublicVoteController {

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private final VoteRepository votes;
    private final VoteOptionRepository options;
    private final VoteViews views;
    private final VotingService voting;
    private final BallotStore ballots;
    private final TenantRepository tenants;
    private final Clock clock;
    private final String publicBaseUrl;

    PublicVoteController(VoteRepository votes, VoteOptionRepository options, VoteViews views, VotingService voting,
            BallotStore ballots, TenantRepository tenants, Clock clock,
            @Value("${stadtdialog.public-base-url:http://localhost:8080}") String publicBaseUrl) {
        this.votes = votes;
        this.options = options;
        this.views = views;
        this.voting = voting;
        this.ballots = ballots;
        this.tenants = tenants;
        this.clock = clock;
        this.publicBaseUrl = publicBaseUrl;
    }

    @GetMapping
    String list(@RequestParam(name = "mandant", required = false) String tenantId, Model model) {
        List<Tenant> all = tenants.findAll();
        Tenant tenant = tenantId != null ? tenants.findById(tenantId).orElseThrow(() -> notFound())
            : all.size() == 1 ? all.get(0) : null;
        Instant now = clock.instant();
        List<Map<String, Object>> rows = new ArrayList<>();
        if (tenant != null) {
            for (Vote vote : votes.findByTenantIdAndApprovedAtIsNotNullOrderByOpensAtDesc(tenant.getId())) {
                rows.add(Map.of("vote", vote, "stage", vote.stage(now).name(),
                    "period", VoteViews.dateTime(vote.getOpensAt()) + " – " + VoteViews.dateTime(vote.getClosesAt())));
            }
        }
        model.addAttribute("tenant", tenant);
        model.addAttribute("tenants", all);
        model.addAttribute("votes", rows);
        return "voting/public-votes";
    }

    @GetMapping("/{id}")
    String show(@PathVariable String id, Model model) {
        Vote vote = approved(id);
        addVote(model, vote, views, clock.instant());
        model.addAttribute("receiptListAvailable", vote.isCounted());
        return "voting/public-vote";
    }

    /** Shared by the public page and the citizens' voting form. */
    static void addVote(Model model, Vote vote, VoteViews views, Instant now) {
        model.addAttribute("vote", vote);
        model.addAttribute("stage", vote.stage(now).name());
        model.addAttribute("ranked", vote.getMethod() == VotingMethod.RANKED_CHOICE);
        model.addAttribute("options", views.options(vote));
        model.addAttribute("extensions", views.extensions(vote));
        model.addAttribute("result", views.result(vote));
        model.addAttribute("opensAtText", VoteViews.dateTime(vote.getOpensAt()));
        model.addAttribute("closesAtText", VoteViews.dateTime(vote.getClosesAt()));
    }

    @GetMapping("/{id}/quittung")
    String receipt(@PathVariable String id, @RequestParam(name = "code", required = false) String code, Model model) {
        Vote vote = approved(id);
        model.addAttribute("vote", vote);
        model.addAttribute("code", code);
        if (code != null && !code.isBlank()) {
            model.addAttribute("checked", true);
            model.addAttribute("found", voting.receiptCounted(vote.getId(), code));
            model.addAttribute("counted", vote.isCounted());
        }
        return "voting/receipt-check";
    }

    @GetMapping(value = "/{id}/quittungen.csv", produces = "text/csv;charset=UTF-8")
    ResponseEntity<byte[]> receiptCodes(@PathVariable String id) {
        Vote vote = approved(id);
        if (!vote.isCounted()) {
            throw notFound();
        }
        StringBuilder csv = new StringBuilder("receipt_code\r\n");
        ballots.receiptCodes(vote.getId()).forEach(code -> csv.append(code).append("\r\n"));
        return file(csv.toString(), "text/csv;charset=UTF-8", "abstimmung-" + vote.getId() + "-quittungen.csv");
    }

    @GetMapping(value = "/{id}/ergebnis.csv", produces = "text/csv;charset=UTF-8")
    ResponseEntity<byte[]> resultCsv(@PathVariable String id) {
        Vote vote = published(id);
        VoteViews.ResultView result = views.result(vote);
        Map<Long, Integer> positions = positions(vote);
        StringBuilder csv = new StringBuilder("vote_id,round,option_position,option_title,votes,eliminated\r\n");
        for (VoteViews.RoundView round : result.rounds()) {
            for (VoteViews.RoundRow row : round.rows()) {
                csv.append(vote.getId()).append(',').append(round.number()).append(',')
                    .append(positions.get(row.optionId())).append(',').append(csvText(row.title())).append(',')
                    .append(row.votes()).append(',').append(row.eliminated()).append("\r\n");
            }
            if (vote.getMethod() == VotingMethod.RANKED_CHOICE) {
                csv.append(vote.getId()).append(',').append(round.number()).append(",,")
                    .append(csvText("(erschöpfte Stimmzettel)")).append(',').append(round.exhausted())
                    .append(",false\r\n");
            }
        }
        return file(csv.toString(), "text/csv;charset=UTF-8", "abstimmung-" + vote.getId() + "-ergebnis.csv");
    }

    @GetMapping(value = "/{id}/ergebnis.json", produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<byte[]> resultJson(@PathVariable String id) throws JsonProcessingException {
        Vote vote = published(id);
        VoteViews.ResultView result = views.result(vote);
        Map<Long, Integer> positions = positions(vote);
        String base = publicBaseUrl + "/oeffentlich/abstimmungen/" + vote.getId();
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("id", vote.getId());
        json.put("title", vote.getTitle());
        json.put("question", vote.getQuestion());
        json.put("municipality", tenants.findById(vote.getTenantId()).map(Tenant::getName).orElse(vote.getTenantId()));
        json.put("method", vote.getMethod().name());
        json.put("countingRule", vote.getMethod() == VotingMethod.RANKED_CHOICE
            ? "instant runoff; ties broken by earlier rounds, else decided by staff (docs/voting.md)"
            : "most votes; ties decided by staff (docs/voting.md)");
        json.put("bindingForCouncil", vote.isBindingForCouncil());
        json.put("opensAt", vote.getOpensAt().toString());
        json.put("closesAt", vote.getClosesAt().toString());
        json.put("extensions", views.extensions(vote));
        json.put("ballots", result.ballots());
        json.put("paperBallots", result.paperBallots());
        json.put("minimumTurnout", vote.getMinimumTurnout());
        json.put("turnoutReached", vote.getTurnoutReached());
        json.put("tie", vote.isTie());
        json.put("winner", vote.getWinnerOptionId() == null ? null : Map.of("position",
            positions.get(vote.getWinnerOptionId()), "title", result.winnerTitle()));
        json.put("decisionReason", vote.getDecisionReason());
        json.put("outcomeSource", vote.getOutcomeSource());
        json.put("outcome", vote.getOutcome());
        List<Map<String, Object>> rounds = new ArrayList<>();
        for (VoteViews.RoundView round : result.rounds()) {
            Map<String, Object> r = new LinkedHashMap<>();
            r.put("round", round.number());
            r.put("exhausted", round.exhausted());
            r.put("options", round.rows().stream().map(row -> Map.of("position", positions.get(row.optionId()),
                "title", row.title(), "votes", row.votes(), "eliminated", row.eliminated())).toList());
            rounds.add(r);
        }
        json.put("rounds", rounds);
        json.put("talliedAt", vote.getTalliedAt().toString());
        json.put("publishedAt", vote.getPublishedAt().toString());
        json.put("license", "dl-de/by-2-0");
        json.put("source", base);
        json.put("csv", base + "/ergebnis.csv");
        json.put("receiptCodes", base + "/quittungen.csv");
        return file(JSON.writeValueAsString(json), MediaType.APPLICATION_JSON_VALUE,
            "abstimmung-" + vote.getId() + "-ergebnis.json");
    }

    @GetMapping("/{id}/optionen/{optionId}/bild")
    ResponseEntity<byte[]> image(@PathVariable String id, @PathVariable String optionId) {
        Vote vote = approved(id);
        return parse(optionId).flatMap(options::findById).filter(o -> o.getVoteId().equals(vote.getId()))
            .filter(o -> o.hasStoredImage())
            .map(o -> ResponseEntity.ok().contentType(MediaType.parseMediaType(o.getImageContentType()))
                .cacheControl(CacheControl.noCache()).header("X-Content-Type-Options", "nosniff")
                .body(o.getImageData()))
            .orElseThrow(PublicVoteController::notFound);
    }

    private Map<Long, Integer> positions(Vote vote) {
        Map<Long, Integer> positions = new LinkedHashMap<>();
        options.findByVoteIdOrderByPosition(vote.getId()).forEach(o -> positions.put(o.getId(), o.getPosition()));
        return positions;
    }

    private Vote approved(String id) {
        return parse(id).flatMap(votes::findByIdAndApprovedAtIsNotNull).orElseThrow(PublicVoteController::notFound);
    }

    private Vote published(String id) {
        Vote vote = approved(id);
        if (vote.getPublishedAt() == null) {
            throw notFound();
        }
        return vote;
    }

    private static ResponseEntity<byte[]> file(String body, String type, String name) {
        return ResponseEntity.ok().contentType(MediaType.parseMediaType(type))
            .header("Content-Disposition", "inline; filename=\"" + name + "\"")
            .header("Access-Control-Allow-Origin", "*")
            .body(body.getBytes(StandardCharsets.UTF_8));
    }

    private static String csvText(String text) {
        return "\"" + text.replace("\"", "\"\"") + "\"";
    }

    private static Optional<Long> parse(String id) {
        try {
            return Optional.of(Long.parseLong(id));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    private static ResponseStatusException notFound() {
        return new ResponseStatusException(HttpStatus.NOT_FOUND);
    }
}
