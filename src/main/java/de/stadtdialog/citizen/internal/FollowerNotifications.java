package de.stadtdialog.citizen.internal;

import java.time.Clock;
import java.util.Map;

import org.camunda.bpm.engine.RuntimeService;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import de.stadtdialog.notification.MailService;
import de.stadtdialog.procedure.Procedure;
import de.stadtdialog.procedure.ProcedurePhaseChanged;
import de.stadtdialog.procedure.ProcedureRepository;

/**
 * Phase changes of followed procedures become mails. The listener runs inside the transaction of the process step
 * that changed the phase and only records the change and starts {@code FollowerNotificationProcess}; the mails
 * go out from that process's asynchronous step, so a slow or dead mail server never holds up the procedure.
 */
@Service
public class FollowerNotifications {

    private final FollowRepository follows;
    private final PhaseChangeRepository changes;
    private final CitizenRepository citizens;
    private final ProcedureRepository procedures;
    private final RuntimeService runtimeService;
    private final MailService mail;
    private final CitizenMails mails;
    private final Clock clock;

    FollowerNotifications(FollowRepository follows, PhaseChangeRepository changes, CitizenRepository citizens,
            ProcedureRepository procedures, RuntimeService runtimeService, MailService mail, CitizenMails mails,
            Clock clock) {
        this.follows = follows;
        this.changes = changes;
        this.citizens = citizens;
        this.procedures = procedures;
        this.runtimeService = runtimeService;
        this.mail = mail;
        this.mails = mails;
        this.clock = clock;
    }

    /** Procedures nobody follows cost one indexed query and nothing else. */
    @EventListener
    public void phaseChanged(ProcedurePhaseChanged event) {
        if (event.newPhase() == null || !follows.existsByProcedureId(event.procedureId())) {
            return;
        }
        Procedure procedure = procedures.findById(event.procedureId()).orElse(null);
        if (procedure == null) {
            return;
        }
        PhaseChange change = changes.save(new PhaseChange(event.tenantId(), event.procedureId(), event.oldPhase(),
            event.newPhase(), clock.instant()));
        runtimeService.createProcessInstanceByKey(CitizenProcesses.FOLLOWER_NOTIFICATION)
            .processDefinitionWithoutTenantId()
            .businessKey(procedure.getBusinessKey())
            .setVariables(Map.of(
                CitizenProcesses.VAR_PROCEDURE_ID, procedure.getId(),
                CitizenProcesses.VAR_PHASE_CHANGE_ID, change.getId(),
                CitizenProcesses.VAR_TENANT_ID, procedure.getTenantId()))
            .execute();
    }

    /**
     * Mails every confirmed follower, once per follower and phase change (dedup key). A change that a later one
     * of the same procedure has overtaken before its mails went out is skipped: the later one tells the current
     * phase, and followers get one mail instead of two within moments.
     *
     * @return the number of mails sent now
     */
    @Transactional
    public int notifyFollowers(Long phaseChangeId) {
        PhaseChange change = changes.findById(phaseChangeId).orElse(null);
        if (change == null || changes.existsByProcedureIdAndIdGreaterThan(change.getProcedureId(), change.getId())) {
            return 0;
        }
        Procedure procedure = procedures.findById(change.getProcedureId()).orElse(null);
        if (procedure == null) {
            return 0;
        }
        int sent = 0;
        for (Follow follow : follows.findByProcedureIdOrderById(change.getProcedureId())) {
            Citizen citizen = citizens.findById(follow.getCitizenId()).filter(Citizen::isConfirmed).orElse(null);
            if (citizen != null && mail.send(mails.phaseChanged(citizen, follow, procedure, change,
                    "follow-" + follow.getId() + "-phase-change-" + change.getId()))) {
                sent++;
            }
        }
        return sent;
    }
}
