package de.stadtdialog.tasklist;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

import de.stadtdialog.StadtdialogSpringTest;
import de.stadtdialog.StaffLogin;
import de.stadtdialog.procedure.Procedure;
import de.stadtdialog.sessioncycle.SessionCycleService;

@StadtdialogSpringTest
class TasklistPageTests {

    @Autowired
    MockMvc mvc;
    @Autowired
    SessionCycleService sessionCycle;
    @Autowired
    RepositoryService repositoryService;
    @Autowired
    RuntimeService runtimeService;
    @Autowired
    TaskService taskService;
    @Autowired
    Clock clock;

    TasklistTestData data;

    @BeforeEach
    void setUp() {
        data = new TasklistTestData(sessionCycle, repositoryService, runtimeService, taskService, clock);
    }

    private String page(String view, String procedure) throws Exception {
        return mvc.perform(get("/aufgaben").param("ansicht", view).param("verfahren", procedure)
                .with(StaffLogin.as("officer")))
            .andExpect(status().isOk())
            .andReturn().getResponse().getContentAsString();
    }

    @Test
    void showsTheGroupsUnclaimedTaskWithItsProcedure() throws Exception {
        Procedure procedure = data.planSession(TasklistTestData.unique("Liste"));

        String html = page("gruppen", procedure.getBusinessKey());

        assertThat(html).contains("Tagesordnung entwerfen", procedure.getTitle(), procedure.getBusinessKey(),
            "noch niemand", "Übernehmen");
        assertThat(html).contains("<caption id=\"tasks-caption\">Aufgaben: 1 insgesamt, Seite 1 von 1</caption>");
    }
}
