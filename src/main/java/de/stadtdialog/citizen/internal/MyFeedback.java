package de.stadtdialog.citizen.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import de.stadtdialog.citizen.CitizenUser;
import de.stadtdialog.citizen.ParticipationHistory;
import de.stadtdialog.citizen.ParticipationHistory.OwnContribution;
import de.stadtdialog.citizen.ProcedureDecisions;
import de.stadtdialog.citizen.ProcedureDecisions.Decision;
import de.stadtdialog.procedure.Procedure;
import de.stadtdialog.procedure.ProcedureRepository;

/**
 * Collects "Meine Rückmeldungen": every procedure the citizen took part in (newest contribution first), their own
 * contributions in it with what became of them, and the decision that concluded it where there is one. Only what
 * the modules still link to the logged-in account is asked for, so nobody sees another person's contributions.
 */
@Component
class MyFeedback {

    private final List<ParticipationHistory> histories;
    private final List<ProcedureDecisions> decisions;
    private final ProcedureRepository procedures;

    MyFeedback(List<ParticipationHistory> histories, List<ProcedureDecisions> decisions,
            ProcedureRepository procedures) {
        this.histories = histories;
        this.decisions = decisions;
        this.procedures = procedures;
    }

    record Entry(String contribution, String outcome, String at, String link) {
    }

    record ProcedureFeedback(Long procedureId, String title, String businessKey, List<Entry> contributions,
            Decision decision) {
    }

    @Transactional(readOnly = true)
    List<ProcedureFeedback> collect(CitizenUser citizen) {
        Map<Long, List<OwnContribution>> byProcedure = new LinkedHashMap<>();
        histories.stream().flatMap(history -> history.contributionsOf(citizen).stream())
            .sorted(Comparator.comparing(OwnContribution::at, Comparator.nullsLast(Comparator.reverseOrder())))
            .forEach(own -> byProcedure.computeIfAbsent(own.procedureId(), id -> new ArrayList<>()).add(own));
        List<ProcedureFeedback> result = new ArrayList<>();
        byProcedure.forEach((procedureId, own) -> {
            Optional<Procedure> procedure = procedures.findById(procedureId)
                .filter(p -> p.getTenantId().equals(citizen.tenantId()));
            if (procedure.isEmpty()) {
                return;
            }
            List<Entry> entries = own.stream().sorted(Comparator.comparing(OwnContribution::at,
                Comparator.nullsLast(Comparator.<Instant>naturalOrder())))
                .map(o -> new Entry(o.contribution(), o.outcome(), CitizenTimes.format(o.at()), o.link())).toList();
            Decision decision = decisions.stream().map(d -> d.decisionOn(procedureId)).flatMap(Optional::stream)
                .findFirst().orElse(null);
            result.add(new ProcedureFeedback(procedureId, procedure.get().getTitle(),
                procedure.get().getBusinessKey(), entries, decision));
        });
        return result;
    }
}
