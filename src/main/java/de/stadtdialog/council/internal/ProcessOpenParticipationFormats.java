package de.stadtdialog.council.internal;

import java.util.List;

import org.camunda.bpm.engine.RuntimeService;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

import de.stadtdialog.council.CouncilDecisionProcess;
import de.stadtdialog.council.OpenParticipationFormats;
import de.stadtdialog.procedure.Procedure;
import de.stadtdialog.procedure.ProcedureRepository;
import de.stadtdialog.procedure.ProcedureStatus;

/**
 * The default guard until the participation modules report their formats themselves: a participation procedure
 * counts as open while its process runs and is not yet waiting for the council, i.e. neither waits for the message
 * {@value CouncilDecisionProcess#MESSAGE_DECISION_TAKEN} nor has called this council process. A motion that runs
 * in its own procedure without a related participation procedure has nothing open.
 */
@Component
class ProcessOpenParticipationFormats implements OpenParticipationFormats {

    private final ProcedureRepository procedures;
    private final RuntimeService runtimeService;
    private final ObjectProvider<OpenParticipationFormats> modules;

    ProcessOpenParticipationFormats(ProcedureRepository procedures, RuntimeService runtimeService,
            ObjectProvider<OpenParticipationFormats> modules) {
        this.procedures = procedures;
        this.runtimeService = runtimeService;
        this.modules = modules;
    }

    @Override
    public List<String> openFormatsOf(Long participationProcedureId) {
        Procedure procedure = procedures.findById(participationProcedureId).orElse(null);
        if (procedure == null || procedure.getStatus() != ProcedureStatus.RUNNING
                || CouncilDecisionProcess.PROCESS_ID.equals(procedure.getProcessDefinitionKey())
                || procedure.getProcessInstanceId() == null) {
            return List.of();
        }
        if (modules.stream().anyMatch(module -> module != this && module.runsFormatsIn(participationProcedureId))) {
            return List.of();
        }
        String instance = procedure.getProcessInstanceId();
        boolean waitsForCouncil = runtimeService.createEventSubscriptionQuery().processInstanceId(instance)
            .eventType("message").eventName(CouncilDecisionProcess.MESSAGE_DECISION_TAKEN).count() > 0
            || runtimeService.createProcessInstanceQuery().superProcessInstanceId(instance)
                .processDefinitionKey(CouncilDecisionProcess.PROCESS_ID).count() > 0;
        if (waitsForCouncil) {
            return List.of();
        }
        return List.of("„" + procedure.getTitle() + "“ (" + procedure.getBusinessKey()
            + (procedure.getPhase() == null ? "" : ", derzeit: " + procedure.getPhase()) + ")");
    }
}
