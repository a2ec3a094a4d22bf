package de.stadtdialog.council.internal;

import static de.stadtdialog.council.CouncilDecisionProcess.*;

import java.lang.management.ManagementFactory;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import com.fasterxml.jackson.databind.JsonNode;

import de.stadtdialog.council.ConsultationResult;
import de.stadtdialog.council.Motion;
import de.stadtdialog.council.MotionRepository;
import de.stadtdialog.shared.InputRejectedException;

/**
 * Takes scheduling and results of our motions from a municipality's council information system (RIS) over OParl
 * 1.1, instead of the secretariat typing them in. The RIS is the system of record where it exists; the paper whose
 * {@code reference} is our motion's reference ({@code BV/2027/0012}) carries its consultations, each with its
 * meeting and agenda item. A motion waiting to be scheduled is scheduled for the earliest RIS meeting still ahead
 * that has no result yet; a motion waiting for its result gets the result of the agenda item in the meeting it
 * was scheduled for. Both go through the same task forms and rules as manual entry (notice period, guard, required
 * changes), completed as user {@value #ACTOR}; a refused entry stays for the secretariat and is reported.
 * <p>
 * Cluster-safe: a lease row per municipality decides which node polls; what was taken over is in the tasks and the
 * domain rows, so a poll that dies half-way repeats harmlessly (a completed task is not there to complete again).
 */
@Component
class RisPoller {

    static final String ACTOR = "Ratsinformationssystem";
    private static final Logger LOG = LoggerFactory.getLogger(RisPoller.class);
    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    private static final Duration LEASE = Duration.ofMinutes(10);
    /** Changes are asked for from a little before the last successful run: clocks of two systems differ. */
    private static final Duration OVERLAP = Duration.ofHours(1);
    private static final DateTimeFormatter FORM_DATE_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm");

    private final RisSources sources;
    private final RisPollStateRepository states;
    private final MotionRepository motions;
    private final TaskService taskService;
    private final FormService formService;
    private final OParlReader reader;
    private final TransactionTemplate transaction;
    private final Clock clock;
    private final String node = ManagementFactory.getRuntimeMXBean().getName();

    RisPoller(RisSources sources, RisPollStateRepository states, MotionRepository motions, TaskService taskService,
            FormService formService, OParlReader reader, PlatformTransactionManager transactions, Clock clock) {
        this.sources = sources;
        this.states = states;
        this.motions = motions;
        this.taskService = taskService;
        this.formService = formService;
        this.reader = reader;
        this.transaction = new TransactionTemplate(transactions);
        this.clock = clock;
    }

    /** What one poll did, for the log, the secretariat and the tests. */
    record Outcome(boolean ran, boolean failed, int scheduled, int results, List<String> refused, String message) {
    }

    @Scheduled(fixedDelayString = "${stadtdialog.council.ris.check-every:PT1M}", initialDelayString = "PT1M")
    void pollWhereDue() {
        sources.sources().forEach((tenantId, source) -> {
            if (source.enabled() && source.url() != null && due(tenantId, source.interval())) {
                poll(tenantId, source.url());
            }
        });
    }

    private boolean due(String tenantId, Duration interval) {
        return states.findById(tenantId).map(RisPollState::getLastRunAt)
            .map(last -> !last.plus(interval).isAfter(clock.instant())).orElse(true);
    }

    /** One poll of the RIS at {@code systemUrl} for the municipality; skipped if another node holds the lease. */
    Outcome poll(String tenantId, URI systemUrl) {
        Instant started = clock.instant();
        boolean leased = Boolean.TRUE.equals(transaction.execute(status -> {
            if (!states.existsById(tenantId)) {
                states.saveAndFlush(new RisPollState(tenantId));
            }
            return states.lease(tenantId, node, started, started.plus(LEASE)) == 1;
        }));
        if (!leased) {
            return new Outcome(false, false, 0, 0, List.of(), "Ein anderer Knoten fragt gerade ab.");
        }
        Outcome outcome;
        try {
            Instant since = states.findById(tenantId).map(RisPollState::getLastSuccessAt).map(t -> t.minus(OVERLAP))
                .orElse(null);
            outcome = takeOver(tenantId, systemUrl, since);
        } catch (RuntimeException unreadable) {
            LOG.warn("Council information system of {} at {} not read: {}", tenantId, systemUrl,
                unreadable.getMessage());
            outcome = new Outcome(true, true, 0, 0, List.of(), "Abfrage fehlgeschlagen: " + unreadable.getMessage());
        }
        Outcome done = outcome;
        transaction.executeWithoutResult(status -> {
            RisPollState state = states.findById(tenantId).orElseThrow();
            if (done.failed()) {
                state.failed(started, done.message());
            } else {
                state.succeeded(started, done.message());
            }
            states.flush();
            states.release(tenantId, node);
        });
        return done;
    }

    private Outcome takeOver(String tenantId, URI systemUrl, Instant since) {
        JsonNode system = reader.object(systemUrl);
        List<JsonNode> bodies = reader.list(reader.link(system, "body"), null);
        if (bodies.isEmpty()) {
            throw new IllegalStateException("Das OParl-System nennt keine Körperschaft (body).");
        }
        int scheduled = 0;
        int results = 0;
        List<String> refused = new ArrayList<>();
        for (JsonNode body : bodies) {
            URI paperList = reader.link(body, "paper");
            if (paperList == null) {
                continue;
            }
            for (JsonNode paper : reader.list(paperList, since)) {
                String reference = paper.path("reference").asText(null);
                Optional<Motion> motion = reference == null ? Optional.empty()
                    : motions.findFirstByTenantIdAndReference(tenantId, reference.trim());
                if (motion.isEmpty()) {
                    continue;
                }
                // one paper the RIS serves badly (a broken link, an odd date) must not keep the others from
                // being taken over: it is reported and tried again next time
                try {
                    switch (take(motion.get(), consultations(paper), refused)) {
                        case SCHEDULED -> scheduled++;
                        case RESULT -> results++;
                        default -> {
                        }
                    }
                } catch (RuntimeException unreadable) {
                    refused.add(motion.get().getReference() + ": nicht lesbar (" + unreadable.getMessage() + ")");
                }
            }
        }
        String message = String.format(Locale.GERMAN, "%d Beratung(en) terminiert, %d Ergebnis(se) übernommen%s",
            scheduled, results, refused.isEmpty() ? "" : "; nicht übernommen: " + String.join("; ", refused));
        return new Outcome(true, false, scheduled, results, List.copyOf(refused), message);
    }

    /** One consultation of a paper as the RIS has it: its meeting's start and place, its agenda item's result. */
    record RisConsultation(Instant meetingStart, String location, String result, String resolutionText) {
    }

    private List<RisConsultation> consultations(JsonNode paper) {
        List<RisConsultation> found = new ArrayList<>();
        for (JsonNode entry : paper.path("consultation")) {
            JsonNode consultation = entry.isTextual() ? reader.object(URI.create(entry.asText())) : entry;
            JsonNode meeting = reader.embeddedOrLinked(consultation, "meeting");
            JsonNode agendaItem = reader.embeddedOrLinked(consultation, "agendaItem");
            Instant start = meeting == null || !meeting.hasNonNull("start") ? null
                : OffsetDateTime.parse(meeting.get("start").asText()).toInstant();
            if (start == null || meeting.path("cancelled").asBoolean(false)) {
                continue;
            }
            JsonNode location = meeting.get("location");
            String place = location == null ? null : location.isTextual()
                ? Optional.ofNullable(reader.object(URI.create(location.asText())).get("description"))
                    .map(JsonNode::asText).orElse(null)
                : location.path("description").asText(null);
            found.add(new RisConsultation(start, place, agendaItem == null ? null
                : agendaItem.path("result").asText(null), agendaItem == null ? null
                : agendaItem.path("resolutionText").asText(null)));
        }
        found.sort((a, b) -> a.meetingStart().compareTo(b.meetingStart()));
        return found;
    }

    private enum Taken {
        NOTHING, SCHEDULED, RESULT
    }

    private Taken take(Motion motion, List<RisConsultation> consultations, List<String> refused) {
        Task waiting = taskService.createTaskQuery().processVariableValueEquals(VAR_MOTION_ID, motion.getId())
            .taskDefinitionKeyIn(TASK_SCHEDULE_CONSULTATION, TASK_RECORD_RESULT).singleResult();
        if (waiting == null) {
            return Taken.NOTHING;
        }
        Instant now = clock.instant();
        Map<String, Object> values = new HashMap<>();
        Taken taken;
        if (TASK_SCHEDULE_CONSULTATION.equals(waiting.getTaskDefinitionKey())) {
            Optional<RisConsultation> next = consultations.stream()
                .filter(c -> c.meetingStart().isAfter(now) && blank(c.result())).findFirst();
            if (next.isEmpty()) {
                return Taken.NOTHING;
            }
            values.put("meetingStart", FORM_DATE_TIME.format(next.get().meetingStart().atZone(BERLIN)));
            values.put("location", blank(next.get().location()) ? "laut Ratsinformationssystem"
                : next.get().location());
            taken = Taken.SCHEDULED;
        } else {
            Instant scheduledFor = ((java.util.Date) taskService.getVariable(waiting.getId(), VAR_MEETING_STARTS_AT))
                .toInstant();
            Optional<RisConsultation> held = consultations.stream()
                .filter(c -> c.meetingStart().truncatedTo(ChronoUnit.MINUTES)
                    .equals(scheduledFor.truncatedTo(ChronoUnit.MINUTES)) && !blank(c.result()))
                .findFirst();
            if (held.isEmpty()) {
                return Taken.NOTHING;
            }
            ConsultationResult result = result(held.get().result());
            if (result == null) {
                refused.add(motion.getReference() + ": Ergebnis „" + held.get().result() + "“ unbekannt");
                return Taken.NOTHING;
            }
            values.put("result", result.name());
            String text = blank(held.get().resolutionText()) ? "laut Ratsinformationssystem"
                : held.get().resolutionText();
            if (result == ConsultationResult.ADOPTED_WITH_CHANGES) {
                values.put("changes", text);
            }
            if (result == ConsultationResult.REFERRED_BACK) {
                values.put("resultNote", text);
            }
            taken = Taken.RESULT;
        }
        try {
            transaction.executeWithoutResult(status -> {
                // the form rules name who entered it: the RIS, not whoever holds the task
                taskService.setAssignee(waiting.getId(), ACTOR);
                formService.submitTaskForm(waiting.getId(), values);
            });
            return taken;
        } catch (RuntimeException failed) {
            // the engine wraps what a task listener throws; a refused entry is the rules speaking, not a failure
            InputRejectedException rejected = refusal(failed);
            if (rejected == null) {
                throw failed;
            }
            refused.add(motion.getReference() + ": " + rejected.getMessage());
            return Taken.NOTHING;
        }
    }

    private static InputRejectedException refusal(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof InputRejectedException rejected) {
                return rejected;
            }
        }
        return null;
    }

    /** OParl leaves the result's wording to the RIS; these are the usual German ones. */
    static ConsultationResult result(String text) {
        String value = text == null ? "" : text.trim().toLowerCase(Locale.GERMAN);
        if (value.contains("änderung") || value.contains("geändert")) {
            return ConsultationResult.ADOPTED_WITH_CHANGES;
        }
        if (value.startsWith("abgelehnt")) {
            return ConsultationResult.REJECTED;
        }
        if (value.startsWith("vertagt") || value.startsWith("zurückgestellt") || value.startsWith("abgesetzt")) {
            return ConsultationResult.DEFERRED;
        }
        if (value.startsWith("zurückverwiesen") || value.startsWith("verwiesen")) {
            return ConsultationResult.REFERRED_BACK;
        }
        if (value.startsWith("beschlossen") || value.startsWith("einstimmig beschlossen")
                || value.startsWith("mehrheitlich beschlossen") || value.equals("zugestimmt")) {
            return ConsultationResult.ADOPTED;
        }
        return null;
    }

    private static boolean blank(String text) {
        return text == null || text.isBlank();
    }
}
