package de.stadtdialog.commenting;

import static de.stadtdialog.commenting.CommentModerationProcess.*;
import static de.stadtdialog.commenting.CommentingScenario.berlin;
import static de.stadtdialog.commenting.CommentingScenario.moderation;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

import de.stadtdialog.MeasureFlowNodeCoverage;
import de.stadtdialog.StadtdialogSpringTest;
import de.stadtdialog.TestMailGateway;
import de.stadtdialog.citizen.CitizenScenario;
import de.stadtdialog.citizen.CitizenUser;
import de.stadtdialog.notification.OutgoingMail;
import de.stadtdialog.procedure.Procedure;
import de.stadtdialog.shared.InputRejectedException;

/** Moderation of one comment: approve, reject with a reason, escalation after the SLA, double moderation. */
@StadtdialogSpringTest
@MeasureFlowNodeCoverage(PROCESS_ID)
@Tag("database")
class CommentModerationProcessTests {

    private static final Instant NOW = berlin("2027-05-03T09:00");
    private static final Instant OPENS = berlin("2027-05-04T09:00");

    @Autowired
    ProcessEngine processEngine;
    @Autowired
    ApplicationContext context;
    @Autowired
    TestMailGateway mailGateway;
    @Autowired
    CommentingService commenting;

    private CommentingScenario scenario;
    private CitizenScenario citizens;
    private Procedure procedure;
    private Draft draft;
    private CitizenUser carla;

    @BeforeEach
    void prepare() {
        BpmnAwareTests.init(processEngine);
        ClockUtil.setCurrentTime(Date.from(NOW));
        mailGateway.reset();
        scenario = new CommentingScenario(context);
        citizens = new CitizenScenario(context);
        procedure = scenario.openForComment(OPENS, "P21D");
        draft = scenario.draft(procedure);
        carla = CitizenScenario.user(citizens.confirmed("carla"));
    }

    @AfterEach
    void tearDown() {
        ClockUtil.reset();
        mailGateway.reset();
        BpmnAwareTests.reset();
    }

    @Test
    void approved_isPublicAndTheAuthorIsTold() {
        Comment comment = commenting.submit(carla, draft.getId(), null, null, "Mehr Bänke im Park, bitte.");

        ProcessInstance instance = scenario.moderation(comment);
        assertThat(instance.getBusinessKey()).isEqualTo(procedure.getBusinessKey());
        assertThat(instance.getTenantId()).isEqualTo(CommentingScenario.TENANT);
        Task task = scenario.moderationTask(comment);
        BpmnAwareTests.assertThat(task).hasDefinitionKey(TASK_MODERATE_COMMENT).hasCandidateGroup("officer");
        assertThat(processEngine.getTaskService().getVariablesLocal(task.getId()))
            .containsEntry("commentText", "Mehr Bänke im Park, bitte.")
            .containsEntry("commentTarget", "Zum ganzen Entwurf")
            .containsEntry("commentAuthor", carla.username());
        BpmnAwareTests.assertThat(BpmnAwareTests.job(TIMER_MODERATION_OVERDUE, instance))
            .hasDueDate(Date.from(OPENS.plus(Duration.ofHours(48))));

        scenario.submit(task, "officer", moderation(DECISION_APPROVE, null, null));

        Comment approved = scenario.comment(comment.getId());
        assertThat(approved.getStatus()).isEqualTo(CommentStatus.APPROVED);
        assertThat(approved.getModeratedBy()).isEqualTo("officer");
        assertThat(mailsToCarla()).as("mail only from the job").isEmpty();
        BpmnAwareTests.assertThat(instance).isWaitingAt(TASK_NOTIFY_AUTHOR_OF_APPROVAL);

        scenario.executeJob(instance.getId(), TASK_NOTIFY_AUTHOR_OF_APPROVAL);

        assertThat(mailsToCarla()).singleElement().satisfies(mail -> {
            assertThat(mail.subject()).startsWith("Ihr Kommentar ist veröffentlicht");
            assertThat(mail.body()).contains("/oeffentlich/entwuerfe/" + draft.getId() + "#kommentar-" + comment.getId());
        });
        BpmnAwareTests.assertThat(instance).isEnded().hasPassed(END_COMMENT_APPROVED);
    }

    @Test
    void rejected_needsAReasonFromTheList_andTheAuthorGetsIt() {
        Comment comment = commenting.submit(carla, draft.getId(), scenario.paragraphs(procedure).get(1).getId(), null,
            "Der Nachbar Herr X. wohnt in der Musterstraße 5.");
        Task task = scenario.moderationTask(comment);
        assertThat((String) processEngine.getTaskService().getVariableLocal(task.getId(), "commentTarget"))
            .startsWith("Absatz 2 (1. Ziele):").contains("Beteiligung ist ergebnisoffen.");

        Throwable noReason = catchThrowable(() -> scenario.submit(task, "officer",
            moderation(DECISION_REJECT, null, null)));
        assertThat(InputRejectedException.in(noReason).field()).isEqualTo("rejectionReason");
        Throwable notInList = catchThrowable(() -> scenario.submit(task, "officer",
            moderation(DECISION_REJECT, "BORING", null)));
        assertThat(InputRejectedException.in(notInList).field()).isEqualTo("rejectionReason");
        assertThat(scenario.comment(comment.getId()).getStatus()).isEqualTo(CommentStatus.PENDING);

        scenario.submit(task, "officer", moderation(DECISION_REJECT, "PERSONAL_DATA", "Bitte ohne Namen und Adressen."));

        Comment rejected = scenario.comment(comment.getId());
        assertThat(rejected.getStatus()).isEqualTo(CommentStatus.REJECTED);
        assertThat(rejected.getRejectionReason()).isEqualTo(RejectionReason.PERSONAL_DATA);
        ProcessInstance instance = scenario.moderation(comment);
        scenario.executeJob(instance.getId(), TASK_NOTIFY_AUTHOR_OF_REJECTION);
        assertThat(mailsToCarla()).singleElement().satisfies(mail -> {
            assertThat(mail.subject()).startsWith("Ihr Kommentar wurde nicht veröffentlicht");
            assertThat(mail.body()).contains("Grund: enthält personenbezogene Daten Dritter",
                "Erläuterung: Bitte ohne Namen und Adressen.");
        });
        BpmnAwareTests.assertThat(instance).isEnded().hasPassed(END_COMMENT_REJECTED);
    }

    @Test
    void overdue_movesToCoordination() {
        Comment comment = commenting.submit(carla, draft.getId(), null, null, "Wann gibt es die Ergebnisse?");
        ProcessInstance instance = scenario.moderation(comment);

        ClockUtil.setCurrentTime(Date.from(OPENS.plus(Duration.ofHours(49))));
        scenario.executeJob(instance.getId(), TIMER_MODERATION_OVERDUE);

        Task escalated = scenario.moderationTask(comment);
        BpmnAwareTests.assertThat(escalated).hasDefinitionKey(TASK_MODERATE_OVERDUE_COMMENT)
            .hasCandidateGroup("coordination");
        assertThat(processEngine.getTaskService().getVariableLocal(escalated.getId(), "commentText"))
            .isEqualTo("Wann gibt es die Ergebnisse?");
        BpmnAwareTests.assertThat(instance).hasPassed(TIMER_MODERATION_OVERDUE);

        scenario.submit(escalated, "coordination", moderation(DECISION_APPROVE, null, null));

        assertThat(scenario.comment(comment.getId()).getModeratedBy()).isEqualTo("coordination");
        scenario.executeJob(instance.getId(), TASK_NOTIFY_AUTHOR_OF_APPROVAL);
        BpmnAwareTests.assertThat(instance).isEnded();
    }

    @Test
    void moderatingAgain_isRefusedWithAFriendlyMessage() {
        Comment comment = commenting.submit(carla, draft.getId(), null, null, "Gut so.");
        scenario.approve(comment);

        Throwable again = catchThrowable(() -> commenting.moderate(comment.getId(), DECISION_REJECT, "OFF_TOPIC",
            null, "coordination"));

        assertThat(again).isInstanceOf(InputRejectedException.class)
            .hasMessageContaining("bereits am 04.05.2027, 09:00 Uhr moderiert (freigegeben)");
        assertThat(scenario.comment(comment.getId()).getStatus()).isEqualTo(CommentStatus.APPROVED);
    }

    private List<OutgoingMail> mailsToCarla() {
        return mailGateway.delivered().stream().filter(m -> m.to().equals(citizens.email("carla")) && m.dedupKey().startsWith("commenting-")).toList();
    }
}
