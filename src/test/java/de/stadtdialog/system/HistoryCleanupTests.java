package de.stadtdialog.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalTime;
import java.time.ZoneId;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import de.stadtdialog.StadtdialogSpringTest;

/**
 * The engine deletes history once each process's history time to live has passed: without a cleanup window it
 * never would, and form values with personal data would stay in the history for good.
 */
@StadtdialogSpringTest
class HistoryCleanupTests {

    @Autowired
    HistoryService historyService;
    @Autowired
    ProcessEngineConfigurationImpl configuration;

    @Test
    void historyCleanupIsScheduledEveryNightBetweenOneAndFive() {
        assertThat(configuration.getHistoryCleanupBatchWindowStartTime()).isEqualTo("01:00");
        assertThat(configuration.getHistoryCleanupBatchWindowEndTime()).isEqualTo("05:00");

        assertThat(historyService.findHistoryCleanupJobs()).isNotEmpty().allSatisfy((Job job) -> {
            LocalTime due = job.getDuedate().toInstant().atZone(ZoneId.systemDefault()).toLocalTime();
            assertThat(due).isBetween(LocalTime.of(1, 0), LocalTime.of(5, 0));
        });
    }
}
