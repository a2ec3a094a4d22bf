package de.stadtdialog.membercall.internal;

import java.math.BigDecimal;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.server.ResponseStatusException;

import de.stadtdialog.lottery.LotteryInput;
import de.stadtdialog.lottery.LotteryTable;
import de.stadtdialog.lottery.Person;
import de.stadtdialog.membercall.ApplicationStatus;
import de.stadtdialog.membercall.LotteryRun;
import de.stadtdialog.membercall.LotteryRunStatus;
import de.stadtdialog.membercall.MemberApplication;
import de.stadtdialog.membercall.MemberCall;
import de.stadtdialog.membercall.MemberCallService;

/**
 * The public pages of a call, without login: the call (seats, who may apply, deadline with every extension, the
 * plain-language summary), the commitment of the lottery table once published, and after the confirmed result
 * the result page with everything needed to check the draw, and the audit bundle. Names, e-mail addresses and
 * years of birth never reach these pages: the public sees pseudonymous codes only.
 */
@Controller
@RequestMapping("/oeffentlich/aufrufe")
class MemberCallPublicController {

    private final MemberCallService service;
    private final Clock clock;

    MemberCallPublicController(MemberCallService service, Clock clock) {
        this.service = service;
        this.clock = clock;
    }

    /** One line of the public result: a code, its selection probability and where it ended up. */
    public record ResultLine(String code, BigDecimal probability, BigDecimal optimal, String outcomeKey,
            Integer reservePosition) {
    }

    @GetMapping("/{callId}")
    String call(@PathVariable Long callId, Model model) {
        MemberCall call = publishedCall(callId);
        model.addAttribute("call", call);
        model.addAttribute("open", call.isOpenForApplications(clock.instant()));
        Optional<LotteryRun> commitment = committedRun(call);
        model.addAttribute("commitment", commitment.orElse(null));
        // announced before the draw, as the table shows it: whom no panel of the table contains
        model.addAttribute("neverSelected", commitment.map(r -> r.table().neverSelected()).orElse(List.of()));
        model.addAttribute("texts", new MemberCallViews());
        return "membercall/public-call";
    }

    @GetMapping("/{callId}/ergebnis")
    String result(@PathVariable Long callId, Model model) {
        MemberCall call = publishedCall(callId);
        if (call.getResultConfirmedAt() == null) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
        model.addAttribute("call", call);
        model.addAttribute("texts", new MemberCallViews());
        List<LotteryRun> runs = service.runs(callId);
        model.addAttribute("voidRuns", runs.stream().filter(r -> r.getStatus() == LotteryRunStatus.VOID).toList());
        Optional<LotteryRun> confirmed = runs.stream().filter(r -> r.getStatus() == LotteryRunStatus.CONFIRMED)
            .findFirst();
        model.addAttribute("run", confirmed.orElse(null));
        if (confirmed.isPresent()) {
            model.addAttribute("lines", lines(confirmed.get()));
        } else {
            model.addAttribute("admitted", service.applications(callId).stream()
                .filter(a -> a.getStatus() == ApplicationStatus.SELECTED || a.getStatus() == ApplicationStatus.LEFT)
                .map(MemberApplication::getCode).sorted().toList());
        }
        return "membercall/public-result";
    }

    private static List<ResultLine> lines(LotteryRun run) {
        LotteryTable table = run.table();
        LotteryInput input = table.input();
        List<String> selected = run.selected();
        List<String> reserve = run.reserve();
        List<ResultLine> lines = new ArrayList<>();
        for (Person person : input.people()) {
            int type = input.typeIndexOf(person.id());
            int position = reserve.indexOf(person.id()) + 1;
            String outcome = selected.contains(person.id()) ? "membercall.result.outcome.selected"
                : position > 0 ? "membercall.result.outcome.reserve" : "membercall.result.outcome.notSelected";
            lines.add(new ResultLine(person.id(), table.rounded(type), table.optimal(type), outcome,
                position > 0 ? position : null));
        }
        return lines;
    }

    @GetMapping("/{callId}/losung-{runNumber}.zip")
    ResponseEntity<byte[]> bundle(@PathVariable Long callId, @PathVariable int runNumber) {
        MemberCall call = publishedCall(callId);
        LotteryRun run = service.runs(call.getId()).stream().filter(r -> r.getRunNumber() == runNumber)
            .filter(LotteryRun::isDrawn).findFirst()
            .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        return ResponseEntity.ok().contentType(MediaType.parseMediaType("application/zip"))
            .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                .filename("losung-" + call.getId() + "-" + runNumber + ".zip").build().toString())
            .body(service.auditBundle(run));
    }

    private MemberCall publishedCall(Long callId) {
        try {
            MemberCall call = service.call(callId);
            if (call.getPublishedAt() == null) {
                throw new ResponseStatusException(HttpStatus.NOT_FOUND);
            }
            return call;
        } catch (IllegalArgumentException e) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
    }

    /** The latest run whose commitment is public (published and not void). */
    private Optional<LotteryRun> committedRun(MemberCall call) {
        List<LotteryRun> runs = service.runs(call.getId());
        for (int i = runs.size() - 1; i >= 0; i--) {
            LotteryRun run = runs.get(i);
            if (run.getCommittedAt() != null && run.getStatus() != LotteryRunStatus.VOID) {
                return Optional.of(run);
            }
        }
        return Optional.empty();
    }
}
