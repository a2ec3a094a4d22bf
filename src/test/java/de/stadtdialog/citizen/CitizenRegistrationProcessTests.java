package de.stadtdialog.citizen;

import static de.stadtdialog.citizen.internal.CitizenProcesses.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Incident;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

import de.stadtdialog.MeasureFlowNodeCoverage;
import de.stadtdialog.TestMailGateway;
import de.stadtdialog.StadtdialogSpringTest;
import de.stadtdialog.citizen.internal.Citizen;
import de.stadtdialog.citizen.internal.CitizenAccounts;
import de.stadtdialog.citizen.internal.CitizenAccounts.LinkState;
import de.stadtdialog.citizen.internal.CitizenRepository;
import de.stadtdialog.citizen.internal.CitizenStatus;
import de.stadtdialog.citizen.internal.CitizenToken;
import de.stadtdialog.citizen.internal.CitizenTokenRepository;
import de.stadtdialog.citizen.internal.TokenPurpose;
import de.stadtdialog.notification.MailDeliveryException;
import de.stadtdialog.notification.OutgoingMail;

/**
 * The double opt-in, one test per path: the link confirms and the process ends; the period runs out and the
 * timer deletes the registration with its links; the mail server fails and the job is retried into an incident.
 * The engine clock is fixed so dates in assertions are readable.
 */
@StadtdialogSpringTest
@MeasureFlowNodeCoverage(REGISTRATION)
@Tag("database")
class CitizenRegistrationProcessTests {

    /** Monday 1 February 2027, 09:00 in Berlin. */
    private static final Instant NOW = LocalDateTime.parse("2027-02-01T09:00").atZone(ZoneId.of("Europe/Berlin"))
        .toInstant();

    @Autowired
    ProcessEngine processEngine;
    @Autowired
    ApplicationContext context;
    @Autowired
    RuntimeService runtimeService;
    @Autowired
    ManagementService managementService;
    @Autowired
    HistoryService historyService;
    @Autowired
    CitizenAccounts accounts;
    @Autowired
    CitizenRepository citizens;
    @Autowired
    CitizenTokenRepository tokens;
    @Autowired
    TestMailGateway mailGateway;

    CitizenScenario scenario;

    @BeforeEach
    void setUp() {
        BpmnAwareTests.init(processEngine);
        ClockUtil.setCurrentTime(Date.from(NOW));
        scenario = new CitizenScenario(context);
    }

    @AfterEach
    void tearDown() {
        ClockUtil.reset();
        mailGateway.failWith(null);
        BpmnAwareTests.reset();
    }

    private Citizen register(String name) {
        accounts.register(scenario.registration(name), scenario.client());
        return scenario.citizen(name);
    }

    private ProcessInstance instanceOf(Citizen citizen) {
        return scenario.instance(REGISTRATION, citizen.getId());
    }

    @Test
    void happyPath_mailWithLink_linkConfirms_processEnds() {
        Citizen citizen = register("gluecklich");

        assertThat(citizen.getStatus()).isEqualTo(CitizenStatus.PENDING);
        assertThat(citizen.getCreatedAt()).isEqualTo(NOW);
        ProcessInstance instance = instanceOf(citizen);
        assertThat(instance.getBusinessKey()).isEqualTo(String.valueOf(citizen.getId()));
        assertThat(instance.getTenantId()).isEqualTo("kaiserslautern");
        assertThat(runtimeService.getVariables(instance.getId())).containsOnly(
            Map.entry(VAR_CITIZEN_ID, citizen.getId()), Map.entry(VAR_TENANT_ID, "kaiserslautern"),
            Map.entry(VAR_CONFIRMATION_PERIOD, "PT48H"));
        BpmnAwareTests.assertThat(instance).isWaitingAtExactly(TASK_SEND_CONFIRMATION_MAIL);
        BpmnAwareTests.assertThat(job(TASK_SEND_CONFIRMATION_MAIL, instance)).hasRetries(3);
        assertThat(scenario.mailsTo(citizen.getEmail())).as("nothing sent before the job runs").isEmpty();

        execute(job(TASK_SEND_CONFIRMATION_MAIL, instance));

        List<OutgoingMail> mails = scenario.mailsTo(citizen.getEmail());
        assertThat(mails).hasSize(1);
        assertThat(mails.get(0).tenantId()).isEqualTo("kaiserslautern");
        assertThat(mails.get(0).body()).contains("Der Link gilt bis 03.02.2027, 09:00 Uhr");
        String token = CitizenScenario.tokenIn(mails.get(0).body());
        List<CitizenToken> stored = tokens.findByCitizenIdAndPurpose(citizen.getId(), TokenPurpose.CONFIRMATION);
        assertThat(stored).hasSize(1);
        assertThat(stored.get(0).getTokenHash()).hasSize(64).isNotEqualTo(token).doesNotContain(token);
        assertThat(stored.get(0).getExpiresAt()).isEqualTo(NOW.plus(Duration.ofDays(2)));
        // an event-based gateway waits itself, with the message subscription and the timer job as its exits
        BpmnAwareTests.assertThat(instance).hasPassed(TASK_SEND_CONFIRMATION_MAIL)
            .isWaitingAtExactly(GATEWAY_CONFIRMED_OR_EXPIRED);
        assertThat(runtimeService.createEventSubscriptionQuery().processInstanceId(instance.getId())
            .eventName(MESSAGE_REGISTRATION_CONFIRMED).count()).isEqualTo(1);
        BpmnAwareTests.assertThat(job(TIMER_CONFIRMATION_PERIOD_EXPIRED, instance))
            .hasDueDate(Date.from(NOW.plus(Duration.ofDays(2))));

        ClockUtil.setCurrentTime(Date.from(NOW.plus(Duration.ofHours(30))));
        assertThat(accounts.confirm(token)).isEqualTo(LinkState.VALID);

        Citizen confirmed = citizens.findById(citizen.getId()).orElseThrow();
        assertThat(confirmed.getStatus()).isEqualTo(CitizenStatus.CONFIRMED);
        assertThat(confirmed.getConfirmedAt()).isEqualTo(NOW.plus(Duration.ofHours(30)));
        assertThat(tokens.findByCitizenIdAndPurpose(citizen.getId(), TokenPurpose.CONFIRMATION).get(0).getUsedAt())
            .isNotNull();
        BpmnAwareTests.assertThat(instance).hasPassed(EVENT_REGISTRATION_CONFIRMED, END_REGISTRATION_CONFIRMED)
            .hasNotPassed(TIMER_CONFIRMATION_PERIOD_EXPIRED).isEnded();
        assertThat(managementService.createJobQuery().processInstanceId(instance.getId()).count())
            .as("the timer is gone with the process").isZero();
        assertThat(accounts.confirm(token)).as("a second use").isEqualTo(LinkState.USED);
    }

    @Test
    void periodRunsOut_timerDeletesTheRegistrationAndItsLinks() {
        Citizen citizen = register("vergessen");
        ProcessInstance instance = instanceOf(citizen);
        execute(job(TASK_SEND_CONFIRMATION_MAIL, instance));
        String token = scenario.tokenFromLastMailTo(citizen.getEmail());

        ClockUtil.setCurrentTime(Date.from(NOW.plus(Duration.ofDays(2)).plusSeconds(1)));
        assertThat(accounts.confirmationState(token)).as("expired before the timer ran").isEqualTo(LinkState.EXPIRED);
        assertThat(accounts.confirm(token)).isEqualTo(LinkState.EXPIRED);
        execute(job(TIMER_CONFIRMATION_PERIOD_EXPIRED, instance));

        assertThat(citizens.findById(citizen.getId())).isEmpty();
        assertThat(tokens.findByCitizenIdAndPurpose(citizen.getId(), TokenPurpose.CONFIRMATION)).isEmpty();
        assertThat(accounts.confirmationState(token)).isEqualTo(LinkState.UNKNOWN);
        BpmnAwareTests.assertThat(instance).hasPassed(TIMER_CONFIRMATION_PERIOD_EXPIRED,
            TASK_DELETE_UNCONFIRMED_REGISTRATION, END_UNCONFIRMED_REGISTRATION_DELETED)
            .hasNotPassed(EVENT_REGISTRATION_CONFIRMED).isEnded();
        assertThat(historyService.createHistoricProcessInstanceQuery().processInstanceId(instance.getId())
            .singleResult().getEndActivityId()).isEqualTo(END_UNCONFIRMED_REGISTRATION_DELETED);
        // the name and the address are free again
        Citizen again = register("vergessen");
        assertThat(again.getId()).isNotEqualTo(citizen.getId());
    }

    @Test
    void deletingKeepsConfirmedAccountsAndMayRunTwice() {
        Citizen confirmed = scenario.confirmed("bestaetigt");
        Citizen pending = register("zweifach");

        // started before the deletion step for a confirmed account, as after a very late confirmation
        ProcessInstance late = runtimeService.createProcessInstanceByKey(REGISTRATION)
            .processDefinitionWithoutTenantId().businessKey(String.valueOf(confirmed.getId()))
            .setVariables(Map.of(VAR_CITIZEN_ID, confirmed.getId(), VAR_TENANT_ID, "kaiserslautern",
                VAR_CONFIRMATION_PERIOD, "PT48H"))
            .startBeforeActivity(TASK_DELETE_UNCONFIRMED_REGISTRATION).execute();

        BpmnAwareTests.assertThat(late).hasPassed(END_UNCONFIRMED_REGISTRATION_DELETED).isEnded();
        assertThat(citizens.findById(confirmed.getId())).isPresent();

        accounts.deleteUnconfirmed(pending.getId());
        accounts.deleteUnconfirmed(pending.getId());
        assertThat(citizens.findById(pending.getId())).isEmpty();
    }

    @Test
    void sendingTheLinkTwiceAfterACrashMailsOnce() {
        Citizen citizen = register("doppelt");
        ProcessInstance instance = instanceOf(citizen);
        execute(job(TASK_SEND_CONFIRMATION_MAIL, instance));

        // the step runs again, as a job retried after a crash between mail and commit would
        accounts.sendConfirmationMail(citizen.getId());

        assertThat(scenario.mailsTo(citizen.getEmail())).hasSize(1);
    }

    @Test
    void failingMailServerIsRetriedThenRaisesAnIncident_andTheRetryAfterRepairMailsOnce() {
        Citizen citizen = register("stoerung");
        ProcessInstance instance = instanceOf(citizen);
        Job job = job(TASK_SEND_CONFIRMATION_MAIL, instance);
        mailGateway.failWith("SMTP-Server antwortet nicht");

        List<Integer> retriesLeft = new ArrayList<>();
        for (int attempt = 1; attempt <= 3; attempt++) {
            Throwable failure = catchThrowable(() -> managementService.executeJob(job.getId()));
            assertThat(failure).as("attempt %d fails", attempt).isNotNull();
            assertThat(causes(failure)).anySatisfy(cause -> assertThat(cause)
                .isInstanceOf(MailDeliveryException.class));
            retriesLeft.add(managementService.createJobQuery().jobId(job.getId()).singleResult().getRetries());
        }

        assertThat(retriesLeft).containsExactly(2, 1, 0);
        assertThat(managementService.createJobQuery().jobId(job.getId()).singleResult().getDuedate())
            .isEqualTo(Date.from(NOW.plus(Duration.ofMinutes(5))));
        Incident incident = runtimeService.createIncidentQuery().processInstanceId(instance.getId()).singleResult();
        assertThat(incident.getActivityId()).isEqualTo(TASK_SEND_CONFIRMATION_MAIL);
        assertThat(tokens.findByCitizenIdAndPurpose(citizen.getId(), TokenPurpose.CONFIRMATION))
            .as("no link without its mail").isEmpty();

        mailGateway.failWith(null);
        managementService.setJobRetries(job.getId(), 1);
        managementService.executeJob(job.getId());

        assertThat(scenario.mailsTo(citizen.getEmail())).hasSize(1);
        assertThat(tokens.findByCitizenIdAndPurpose(citizen.getId(), TokenPurpose.CONFIRMATION)).hasSize(1);
        BpmnAwareTests.assertThat(instance).isWaitingAtExactly(GATEWAY_CONFIRMED_OR_EXPIRED);
    }

    private static List<Throwable> causes(Throwable error) {
        List<Throwable> chain = new ArrayList<>();
        for (Throwable t = error; t != null && !chain.contains(t); t = t.getCause()) {
            chain.add(t);
        }
        return chain;
    }
}
