package de.stadtdialog.commenting;

import static de.stadtdialog.commenting.CommentingScenario.berlin;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

import de.stadtdialog.StadtdialogSpringTest;
import de.stadtdialog.citizen.CitizenScenario;
import de.stadtdialog.citizen.CitizenUser;
import de.stadtdialog.procedure.Procedure;

/**
 * Two citizens comment on the same draft at the same moment: each comment starts its own moderation, and both
 * change the procedure's read model (its open tasks). Both comments must be stored and both moderations counted;
 * before the read model locked the procedure row, the later commit failed on the version check and the citizen saw
 * an error page (found by the commenting benchmark: 87 % of 2,000 comments from 50 concurrent clients).
 */
@StadtdialogSpringTest
@Tag("database")
class ConcurrentCommentsTests {

    @Autowired
    ApplicationContext context;
    @Autowired
    CommentingService commenting;
    @Autowired
    TaskService taskService;
    @Autowired
    PlatformTransactionManager transactions;

    @AfterEach
    void tearDown() {
        ClockUtil.reset();
    }

    @Test
    void twoCommentsCommittingAtOnce_bothStored_bothModerationsInTheReadModel() throws Exception {
        Instant opens = berlin("2027-09-01T09:00");
        ClockUtil.setCurrentTime(Date.from(opens.minus(Duration.ofDays(1))));
        CommentingScenario scenario = new CommentingScenario(context);
        CitizenScenario citizens = new CitizenScenario(context);
        Procedure procedure = scenario.openForComment(opens, "P21D");
        Long draftId = scenario.draft(procedure).getId();
        Long paragraphId = scenario.paragraphs(procedure).get(0).getId();
        List<CitizenUser> authors = List.of(CitizenScenario.user(citizens.confirmed("gleich1")),
            CitizenScenario.user(citizens.confirmed("gleich2")));
        ClockUtil.setCurrentTime(Date.from(opens.plus(Duration.ofHours(1))));
        int tasksBefore = scenario.reload(procedure).getOpenTaskCount();

        // both transactions have stored their comment and started its moderation before either commits
        CyclicBarrier bothWritten = new CyclicBarrier(authors.size());
        ExecutorService threads = Executors.newFixedThreadPool(authors.size());
        try {
            List<Future<Long>> submitted = authors.stream().map(author -> threads.submit(() ->
                new TransactionTemplate(transactions).execute(status -> {
                    TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                        @Override
                        public void beforeCommit(boolean readOnly) {
                            await(bothWritten);
                        }
                    });
                    return commenting.submit(author, draftId, paragraphId, null, "Gleichzeitig: " + author.username())
                        .getId();
                }))).toList();
            for (Future<Long> comment : submitted) {
                assertThat(commenting.comment(comment.get(30, TimeUnit.SECONDS)).getStatus())
                    .isEqualTo(CommentStatus.PENDING);
            }
        } finally {
            threads.shutdownNow();
        }

        Procedure after = scenario.reload(procedure);
        long moderationTasks = taskService.createTaskQuery().processInstanceBusinessKey(procedure.getBusinessKey())
            .processDefinitionKey(CommentModerationProcess.PROCESS_ID).count();
        assertThat(moderationTasks).isEqualTo(2);
        assertThat(after.getOpenTaskCount()).isEqualTo(tasksBefore + 2);
    }

    private static void await(CyclicBarrier barrier) {
        try {
            barrier.await(20, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("the other transaction did not arrive", e);
        }
    }
}
