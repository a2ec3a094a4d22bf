package de.stadtdialog.portal.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Date;
import java.util.Map;
import java.util.UUID;

import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import de.stadtdialog.StadtdialogSpringTest;
import de.stadtdialog.guidelines.GuidelinesProcess;
import de.stadtdialog.guidelines.GuidelinesService;
import de.stadtdialog.membercall.MemberCallProcess;
import de.stadtdialog.procedure.Procedure;
import de.stadtdialog.procedure.ProcedureRepository;
import de.stadtdialog.portal.internal.PublicTimeline.PastStep;
import de.stadtdialog.portal.internal.PublicTimeline.UpcomingDate;

/**
 * The public timeline of a composed procedure: steps marked internal in the BPMN stay off it, and the dates ahead
 * come from the processes it called (here the call for members' application deadline).
 */
@StadtdialogSpringTest
class ComposedProcedureTimelineTests {

    @Autowired
    PublicTimelines timelines;
    @Autowired
    GuidelinesService guidelines;
    @Autowired
    ProcedureRepository procedures;
    @Autowired
    RuntimeService runtimeService;
    @Autowired
    TaskService taskService;
    @Autowired
    FormService formService;
    @Autowired
    ManagementService managementService;

    @AfterEach
    void resetClock() {
        ClockUtil.reset();
    }

    @Test
    void internalStepsAreHidden_andTheCalledProcessesDeadlinesAreAhead() {
        ClockUtil.setCurrentTime(Date.from(berlin("2023-06-01T10:00")));
        String token = UUID.randomUUID().toString().substring(0, 8);
        Procedure procedure = guidelines.start(new GuidelinesService.StartGuidelines("kaiserslautern",
            "Leitlinien " + token, "Arbeitskreis " + token));
        submit(procedure.getProcessInstanceId(), GuidelinesProcess.TASK_RECORD_COUNCIL_MANDATE, "officer",
            Map.of("mandateReference", "Antrag vom Mai 2022", "mandateDate", "2022-05-16",
                "mandateSummary", "Leitlinien erarbeiten und vorlegen.", "workingGroup", "Arbeitskreis " + token));
        String call = runtimeService.createProcessInstanceQuery().superProcessInstanceId(
            procedure.getProcessInstanceId()).singleResult().getId();
        submit(call, MemberCallProcess.TASK_EDIT_CALL, "officer", Map.ofEntries(Map.entry("title", "Aufruf " + token),
            Map.entry("workingGroup", "Arbeitskreis " + token), Map.entry("citizenSeats", 4),
            Map.entry("nominatedSeats", "Verwaltung: 1"), Map.entry("residence", "Kaiserslautern"),
            Map.entry("minimumAge", 14), Map.entry("term", "1 Jahr"), Map.entry("termEndsAt", "2024-06-30T00:00"),
            Map.entry("meetingFrequency", "monatlich"), Map.entry("deadline", "2023-07-23T23:59"),
            Map.entry("quotas", ""), Map.entry("plainSummary", "Machen Sie mit.")));
        submit(call, MemberCallProcess.TASK_APPROVE_CALL, "coordination",
            Map.of(MemberCallProcess.VAR_APPROVAL_DECISION, MemberCallProcess.DECISION_APPROVE));
        managementService.executeJob(managementService.createJobQuery().processInstanceId(call)
            .activityId(MemberCallProcess.TASK_PUBLISH_CALL).singleResult().getId());

        PublicTimeline timeline = timelines.of(procedures.findById(procedure.getId()).orElseThrow());

        assertThat(timeline.past()).extracting(PastStep::name).contains("Ratsauftrag erfassen")
            .doesNotContain("Aufruf zur Mitwirkung vorbereiten");
        assertThat(timeline.upcoming()).extracting(UpcomingDate::at).contains(berlin("2023-07-23T23:59"));
    }

    private void submit(String processInstanceId, String taskKey, String user, Map<String, Object> values) {
        Task task = taskService.createTaskQuery().processInstanceId(processInstanceId).taskDefinitionKey(taskKey)
            .singleResult();
        taskService.claim(task.getId(), user);
        formService.submitTaskForm(task.getId(), values);
    }

    private static java.time.Instant berlin(String local) {
        return LocalDateTime.parse(local).atZone(ZoneId.of("Europe/Berlin")).toInstant();
    }
}
