package de.stadtdialog.procedure;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

import de.stadtdialog.StadtdialogSpringTest;
import de.stadtdialog.sessioncycle.SessionCycleProcess;
import de.stadtdialog.sessioncycle.SessionCycleScenario;

/**
 * A user logged into the engine (Camunda Tasklist, REST) who may not read process instances still leaves a
 * correct read model behind: the procedure keeps running.
 */
@StadtdialogSpringTest
@Tag("database")
class ProcedureStatusAsEngineUserTests {

    @Autowired
    ApplicationContext context;

    @Autowired
    IdentityService identityService;

    @Autowired
    TaskService taskService;

    @Autowired
    ProcedureRepository procedures;

    @Test
    void claimByAnOfficerThroughTheEngineKeepsTheProcedureRunning() {
        SessionCycleScenario scenario = new SessionCycleScenario(context);
        Procedure procedure = scenario.plan(Instant.now().plus(30, ChronoUnit.DAYS), "P4D");
        String taskId = scenario.task(procedure, SessionCycleProcess.TASK_DRAFT_AGENDA).getId();

        identityService.setAuthentication("officer", List.of("officer"), List.of("kaiserslautern"));
        try {
            taskService.claim(taskId, "officer");
        } finally {
            identityService.clearAuthentication();
        }

        Procedure reloaded = procedures.findById(procedure.getId()).orElseThrow();
        assertThat(reloaded.getStatus()).isEqualTo(ProcedureStatus.RUNNING);
        assertThat(reloaded.getPhase()).isEqualTo("Tagesordnung entwerfen");
        assertThat(reloaded.getOpenTasks()).contains("officer");
    }
}
