package de.stadtdialog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.camunda.bpm.engine.RepositoryService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

@StadtdialogSpringTest
class ApplicationSmokeTests {

    @Autowired
    RepositoryService repositoryService;

    @Autowired
    MockMvc mvc;

    @Test
    void deploysProcessesAndFormsAtStartup() {
        assertThat(repositoryService.createProcessDefinitionQuery().processDefinitionKey("SessionCycleProcess")
            .count()).isEqualTo(1);
        assertThat(repositoryService.getDeploymentResourceNames(
            repositoryService.createDeploymentQuery().deploymentName("stadtdialog").singleResult().getId()))
            .contains("forms/sessioncycle/session-draft-agenda.form");
    }

    @Test
    void engineRestNeedsAuthentication() throws Exception {
        mvc.perform(get("/engine-rest/process-definition")).andExpect(status().isUnauthorized());
        mvc.perform(get("/engine-rest/process-definition").with(httpBasic("no-such-user", "wrong")))
            .andExpect(status().isUnauthorized());
    }
}
