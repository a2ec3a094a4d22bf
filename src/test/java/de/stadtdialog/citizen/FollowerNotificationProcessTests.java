package de.stadtdialog.citizen;

import static de.stadtdialog.citizen.internal.CitizenProcesses.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;

import de.stadtdialog.MeasureFlowNodeCoverage;
import de.stadtdialog.StadtdialogSpringTest;
import de.stadtdialog.citizen.internal.Citizen;
import de.stadtdialog.citizen.internal.CitizenAccounts;
import de.stadtdialog.citizen.internal.Follow;
import de.stadtdialog.citizen.internal.FollowRepository;
import de.stadtdialog.citizen.internal.FollowerNotifications;
import de.stadtdialog.citizen.internal.Follows;
import de.stadtdialog.citizen.internal.PhaseChange;
import de.stadtdialog.citizen.internal.PhaseChangeRepository;
import de.stadtdialog.notification.OutgoingMail;
import de.stadtdialog.procedure.Procedure;
import de.stadtdialog.sessioncycle.SessionCycleProcess;
import de.stadtdialog.sessioncycle.SessionCycleScenario;

/**
 * Followers hear of phase changes: a session-cycle procedure moves on, the read model's phase-change event starts
 * the notification process in the same transaction, and its asynchronous step mails every follower once, with a
 * link that unsubscribes without login. Procedures nobody follows start nothing.
 */
@StadtdialogSpringTest
@MeasureFlowNodeCoverage(FOLLOWER_NOTIFICATION)
@Tag("database")
class FollowerNotificationProcessTests {

    private static final Instant NOW = SessionCycleScenario.berlin("2027-02-01T09:00");
    private static final Instant SESSION = SessionCycleScenario.berlin("2027-02-17T18:00");

    @Autowired
    ProcessEngine processEngine;
    @Autowired
    ApplicationContext context;
    @Autowired
    RuntimeService runtimeService;
    @Autowired
    Follows follows;
    @Autowired
    FollowRepository followRows;
    @Autowired
    PhaseChangeRepository phaseChanges;
    @Autowired
    FollowerNotifications notifications;
    @Autowired
    CitizenAccounts accounts;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    MockMvc mvc;

    CitizenScenario citizens;
    SessionCycleScenario sessions;

    @BeforeEach
    void setUp() {
        BpmnAwareTests.init(processEngine);
        ClockUtil.setCurrentTime(Date.from(NOW));
        citizens = new CitizenScenario(context);
        sessions = new SessionCycleScenario(context);
    }

    @AfterEach
    void tearDown() {
        ClockUtil.reset();
        BpmnAwareTests.reset();
    }

    private List<ProcessInstance> notificationsOf(Procedure procedure) {
        return runtimeService.createProcessInstanceQuery().processDefinitionKey(FOLLOWER_NOTIFICATION)
            .processInstanceBusinessKey(procedure.getBusinessKey()).list();
    }

    private Procedure followedBy(Citizen... followers) {
        Procedure procedure = sessions.plan(SESSION, "P4D");
        for (Citizen follower : followers) {
            follows.follow(CitizenScenario.user(follower), procedure);
        }
        return procedure;
    }

    @Test
    void sessionCycleChangesPhase_everyFollowerGetsOneMailWithAnUnsubscribeLink() throws Exception {
        Citizen anna = citizens.confirmed("anna");
        Citizen ben = citizens.confirmed("ben");
        Procedure procedure = followedBy(anna, ben);
        assertThat(sessions.reload(procedure).getPhase()).isEqualTo("Tagesordnung entwerfen");
        assertThat(notificationsOf(procedure)).as("following is no phase change").isEmpty();

        sessions.submit(procedure, SessionCycleProcess.TASK_DRAFT_AGENDA, "officer", SessionCycleScenario.agenda());

        List<ProcessInstance> started = notificationsOf(procedure);
        assertThat(started).hasSize(1);
        ProcessInstance instance = started.get(0);
        assertThat(instance.getTenantId()).isEqualTo("kaiserslautern");
        Map<String, Object> variables = runtimeService.getVariables(instance.getId());
        assertThat(variables).containsOnlyKeys(VAR_PROCEDURE_ID, VAR_PHASE_CHANGE_ID, VAR_TENANT_ID)
            .containsEntry(VAR_PROCEDURE_ID, procedure.getId());
        PhaseChange change = phaseChanges.findById(((Number) variables.get(VAR_PHASE_CHANGE_ID)).longValue())
            .orElseThrow();
        assertThat(change.getOldPhase()).isEqualTo("Tagesordnung entwerfen");
        assertThat(change.getNewPhase()).isEqualTo("Einladung versenden und bekannt machen");
        assertThat(change.getChangedAt()).isEqualTo(NOW);
        BpmnAwareTests.assertThat(instance).isWaitingAtExactly(TASK_NOTIFY_FOLLOWERS);
        BpmnAwareTests.assertThat(job(TASK_NOTIFY_FOLLOWERS, instance)).hasRetries(3);
        assertThat(citizens.mailsTo(anna.getEmail())).as("sent by the job only").hasSize(1);

        execute(job(TASK_NOTIFY_FOLLOWERS, instance));

        for (Citizen follower : List.of(anna, ben)) {
            List<OutgoingMail> mails = citizens.mailsTo(follower.getEmail());
            assertThat(mails).hasSize(2);
            OutgoingMail mail = mails.get(1);
            assertThat(mail.subject()).isEqualTo("Neue Phase: " + procedure.getTitle());
            assertThat(mail.body()).contains("Guten Tag Erika " + follower.getLastName(),
                "„" + procedure.getTitle() + "“", "Einladung versenden und bekannt machen",
                "(seit 01.02.2027, 09:00 Uhr)", "/buerger/verfahren#verfahren-" + procedure.getId(),
                "/buerger/abbestellen?token=");
            Follow follow = followRows.findByCitizenIdAndProcedureId(follower.getId(), procedure.getId())
                .orElseThrow();
            assertThat(CitizenScenario.tokenIn(mail.body())).isEqualTo(follow.getUnsubscribeToken());
            assertThat(jdbc.queryForObject("select count(*) from outbox_mail where dedup_key = ?", Integer.class,
                "follow-" + follow.getId() + "-phase-change-" + change.getId())).isEqualTo(1);
        }
        BpmnAwareTests.assertThat(instance).hasPassed(TASK_NOTIFY_FOLLOWERS, END_FOLLOWERS_NOTIFIED).isEnded();

        // a retried job mails nobody twice
        assertThat(notifications.notifyFollowers(change.getId())).isZero();
        assertThat(citizens.mailsTo(anna.getEmail())).hasSize(2);

        // Ben unsubscribes with the link from his mail, without logging in
        String link = CitizenScenario.linkIn(citizens.mailsTo(ben.getEmail()).get(1).body(), "/buerger/abbestellen");
        mvc.perform(get(link)).andExpect(status().isOk());
        mvc.perform(post("/buerger/abbestellen").with(csrf())
                .param("token", CitizenScenario.tokenIn(link)))
            .andExpect(status().isOk());
        sessions.executeJob(procedure, SessionCycleProcess.TASK_SEND_INVITATION);
        execute(job(TASK_NOTIFY_FOLLOWERS, notificationsOf(procedure).get(0)));

        assertThat(citizens.mailsTo(anna.getEmail())).hasSize(3);
        assertThat(citizens.mailsTo(anna.getEmail()).get(2).body()).contains("Warten auf „Sitzungsbeginn erreicht“");
        assertThat(citizens.mailsTo(ben.getEmail())).hasSize(2);
    }

    @Test
    void aChangeOvertakenBeforeItsMailsWentOutIsSkipped() {
        Citizen follower = citizens.confirmed("ueberholt");
        Procedure procedure = followedBy(follower);
        sessions.submit(procedure, SessionCycleProcess.TASK_DRAFT_AGENDA, "officer", SessionCycleScenario.agenda());
        ProcessInstance first = notificationsOf(procedure).get(0);
        sessions.executeJob(procedure, SessionCycleProcess.TASK_SEND_INVITATION);
        List<ProcessInstance> both = notificationsOf(procedure);
        assertThat(both).hasSize(2);
        ProcessInstance second = both.stream().filter(i -> !i.getId().equals(first.getId())).findFirst()
            .orElseThrow();

        execute(job(TASK_NOTIFY_FOLLOWERS, first));
        assertThat(citizens.mailsTo(follower.getEmail())).as("only the confirmation mail").hasSize(1);
        BpmnAwareTests.assertThat(first).isEnded();

        execute(job(TASK_NOTIFY_FOLLOWERS, second));
        List<OutgoingMail> mails = citizens.mailsTo(follower.getEmail());
        assertThat(mails).hasSize(2);
        assertThat(mails.get(1).body()).contains("Warten auf „Sitzungsbeginn erreicht“")
            .doesNotContain("Einladung versenden");
    }

    @Test
    void proceduresNobodyFollowsStartNoNotification() {
        Procedure procedure = sessions.plan(SESSION, "P4D");

        sessions.submit(procedure, SessionCycleProcess.TASK_DRAFT_AGENDA, "officer", SessionCycleScenario.agenda());

        assertThat(sessions.reload(procedure).getPhase()).isEqualTo("Einladung versenden und bekannt machen");
        assertThat(notificationsOf(procedure)).isEmpty();
    }

    @Test
    void deletedFollowersAreNotMailed() {
        Citizen staying = citizens.confirmed("bleibt");
        Citizen leaving = citizens.confirmed("geht");
        Procedure procedure = followedBy(staying, leaving);
        sessions.submit(procedure, SessionCycleProcess.TASK_DRAFT_AGENDA, "officer", SessionCycleScenario.agenda());
        accounts.deleteAccount(CitizenScenario.user(leaving), CitizenScenario.PASSWORD, citizens.client());

        execute(job(TASK_NOTIFY_FOLLOWERS, notificationsOf(procedure).get(0)));

        assertThat(citizens.mailsTo(staying.getEmail())).hasSize(2);
        assertThat(citizens.mailsTo(leaving.getEmail())).hasSize(1);
    }
}
