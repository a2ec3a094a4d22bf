package de.stadtdialog.citizen;

import static de.stadtdialog.citizen.internal.CitizenProcesses.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
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

import de.stadtdialog.MeasureFlowNodeCoverage;
import de.stadtdialog.StadtdialogSpringTest;
import de.stadtdialog.citizen.internal.Citizen;
import de.stadtdialog.citizen.internal.CitizenAccounts;
import de.stadtdialog.citizen.internal.CitizenAccounts.LinkState;
import de.stadtdialog.citizen.internal.CitizenProcesses.AccountMail;
import de.stadtdialog.citizen.internal.CitizenTokenRepository;
import de.stadtdialog.citizen.internal.TokenPurpose;
import de.stadtdialog.notification.OutgoingMail;

/**
 * The account mails a request asks for, sent by the process's asynchronous step: a new opt-in link, the notice
 * to an address that registered again, the password-reset link. Each only if the account still fits when the
 * job runs.
 */
@StadtdialogSpringTest
@MeasureFlowNodeCoverage(ACCOUNT_MAIL)
@Tag("database")
class CitizenAccountMailProcessTests {

    private static final Instant NOW = LocalDateTime.parse("2027-02-01T09:00").atZone(ZoneId.of("Europe/Berlin"))
        .toInstant();

    @Autowired
    ProcessEngine processEngine;
    @Autowired
    ApplicationContext context;
    @Autowired
    RuntimeService runtimeService;
    @Autowired
    CitizenAccounts accounts;
    @Autowired
    CitizenTokenRepository tokens;

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
        BpmnAwareTests.reset();
    }

    private ProcessInstance onlyMailProcessOf(Citizen citizen) {
        List<ProcessInstance> instances = scenario.instances(ACCOUNT_MAIL, citizen.getId());
        assertThat(instances).hasSize(1);
        return instances.get(0);
    }

    @Test
    void passwordReset_linkValidForAnHourMailedByTheJob() {
        Citizen citizen = scenario.confirmed("reset");
        int mailsBefore = scenario.mailsTo(citizen.getEmail()).size();

        accounts.requestPasswordReset(citizen.getEmail(), scenario.client());

        ProcessInstance instance = onlyMailProcessOf(citizen);
        assertThat(instance.getBusinessKey()).isEqualTo(String.valueOf(citizen.getId()));
        assertThat(instance.getTenantId()).isEqualTo("kaiserslautern");
        assertThat(runtimeService.getVariables(instance.getId())).containsOnly(
            Map.entry(VAR_CITIZEN_ID, citizen.getId()), Map.entry(VAR_TENANT_ID, "kaiserslautern"),
            Map.entry(VAR_MAIL_KIND, "PASSWORD_RESET"));
        BpmnAwareTests.assertThat(instance).isWaitingAtExactly(TASK_SEND_ACCOUNT_MAIL);
        BpmnAwareTests.assertThat(job(TASK_SEND_ACCOUNT_MAIL, instance)).hasRetries(3);
        assertThat(tokens.findByCitizenIdAndPurpose(citizen.getId(), TokenPurpose.PASSWORD_RESET))
            .as("the link is made when the mail goes out").isEmpty();

        execute(job(TASK_SEND_ACCOUNT_MAIL, instance));

        List<OutgoingMail> mails = scenario.mailsTo(citizen.getEmail());
        assertThat(mails).hasSize(mailsBefore + 1);
        OutgoingMail mail = mails.get(mails.size() - 1);
        assertThat(mail.subject()).isEqualTo("Neues Passwort für Stadtdialog");
        assertThat(mail.body()).contains("Der Link gilt bis 01.02.2027, 10:00 Uhr und nur einmal");
        assertThat(accounts.resetState(CitizenScenario.tokenIn(mail.body()))).isEqualTo(LinkState.VALID);
        assertThat(tokens.findByCitizenIdAndPurpose(citizen.getId(), TokenPurpose.PASSWORD_RESET).get(0)
            .getExpiresAt()).isEqualTo(NOW.plus(Duration.ofHours(1)));
        BpmnAwareTests.assertThat(instance).hasPassed(TASK_SEND_ACCOUNT_MAIL, END_ACCOUNT_MAIL_SENT).isEnded();

        // the step again, as a retried job: the dedup key is per requested mail
        accounts.sendAccountMail(citizen.getId(), AccountMail.PASSWORD_RESET, instance.getId());
        assertThat(scenario.mailsTo(citizen.getEmail())).hasSize(mailsBefore + 1);
    }

    @Test
    void alreadyRegistered_noticeWithoutAnyLinkToken() {
        Citizen citizen = scenario.confirmed("schonda");

        accounts.register(new CitizenAccounts.Registration(scenario.username("neuer"), "Max", "Neu",
            citizen.getEmail(), CitizenScenario.PASSWORD), scenario.client());
        ProcessInstance instance = onlyMailProcessOf(citizen);
        assertThat(runtimeService.getVariable(instance.getId(), VAR_MAIL_KIND)).isEqualTo("ALREADY_REGISTERED");
        execute(job(TASK_SEND_ACCOUNT_MAIL, instance));

        OutgoingMail notice = scenario.mailsTo(citizen.getEmail()).get(1);
        assertThat(notice.subject()).isEqualTo("Sie haben bereits ein Konto");
        assertThat(notice.body()).contains("„" + citizen.getUsername() + "“", "Ein zweites Konto wurde nicht angelegt")
            .doesNotContain("token=");
        BpmnAwareTests.assertThat(instance).isEnded();
    }

    @Test
    void confirmationAgain_newLinkUntilTheOriginalDeadline() {
        Citizen pending = scenario.registered("nochmal");
        ClockUtil.setCurrentTime(Date.from(NOW.plus(Duration.ofHours(20))));

        accounts.requestNewConfirmation(pending.getEmail(), scenario.client());
        execute(job(TASK_SEND_ACCOUNT_MAIL, onlyMailProcessOf(pending)));

        List<OutgoingMail> mails = scenario.mailsTo(pending.getEmail());
        assertThat(mails).hasSize(2);
        assertThat(mails.get(1).body()).contains("Der Link gilt bis 03.02.2027, 09:00 Uhr");
        assertThat(CitizenScenario.tokenIn(mails.get(1).body())).isNotEqualTo(CitizenScenario.tokenIn(mails.get(0)
            .body()));
        assertThat(accounts.confirm(CitizenScenario.tokenIn(mails.get(1).body()))).isEqualTo(LinkState.VALID);
        assertThat(accounts.confirm(CitizenScenario.tokenIn(mails.get(0).body()))).as("the older link")
            .isEqualTo(LinkState.USED);
    }

    @Test
    void nothingIsSentWhenTheAccountChangedBeforeTheJobRan() {
        Citizen confirmedMeanwhile = scenario.registered("inzwischen");
        accounts.requestNewConfirmation(confirmedMeanwhile.getEmail(), scenario.client());
        accounts.confirm(scenario.tokenFromLastMailTo(confirmedMeanwhile.getEmail()));

        execute(job(TASK_SEND_ACCOUNT_MAIL, onlyMailProcessOf(confirmedMeanwhile)));

        assertThat(scenario.mailsTo(confirmedMeanwhile.getEmail())).hasSize(1);

        // past the deadline a new link would be dead on arrival
        Citizen late = scenario.registered("spaet");
        accounts.requestNewConfirmation(late.getEmail(), scenario.client());
        ClockUtil.setCurrentTime(Date.from(NOW.plus(Duration.ofDays(3))));
        execute(job(TASK_SEND_ACCOUNT_MAIL, onlyMailProcessOf(late)));
        assertThat(scenario.mailsTo(late.getEmail())).hasSize(1);

        // and an account deleted meanwhile gets nothing
        accounts.sendAccountMail(Long.MAX_VALUE, AccountMail.PASSWORD_RESET, "gone");
    }
}
