package de.stadtdialog.commenting.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

import de.stadtdialog.StadtdialogSpringTest;
import de.stadtdialog.commenting.CommentingPhaseProcess;
import de.stadtdialog.commenting.CommentingService;
import de.stadtdialog.commenting.Draft;
import de.stadtdialog.commenting.DraftRepository;

/** The demo drafts exist in the states the demo promises: one open with comments, one in evaluation. */
@StadtdialogSpringTest
class CommentingDemoDataTests {

    @Autowired
    DraftRepository drafts;
    @Autowired
    CommentingService commenting;
    @Autowired
    RuntimeService runtimeService;
    @Autowired
    MockMvc mvc;

    @Test
    void openDraft_hasApprovedCommentsAndWorkshopInputOnItsPublicPage() throws Exception {
        Draft open = demo(CommentingDemoData.OPEN_TITLE);
        assertThat(open.isPublic()).isTrue();
        assertThat(open.isClosed()).isFalse();
        String page = mvc.perform(get("/oeffentlich/entwuerfe/" + open.getId())).andExpect(status().isOk())
            .andReturn().getResponse().getContentAsString();
        assertThat(page).contains("200 Unterschriften sind für kleine Ortsbezirke zu viele",
            "Beitrag aus: Werkstatt Stadtteilbüro Nord", "Auch Online-Unterschriften")
            .doesNotContain("innerhalb von drei Monaten");
        assertThat(commenting.progress(open.getId()).pending()).isEqualTo(1);
    }

    @Test
    void draftInEvaluation_waitsForTheEvaluationTask_threeOfFourEvaluated() {
        Draft evaluating = demo(CommentingDemoData.EVALUATION_TITLE);
        assertThat(evaluating.isClosed()).isTrue();
        assertThat(commenting.progress(evaluating.getId()).text()).isEqualTo("3 von 4 Kommentaren ausgewertet");
        assertThat(runtimeService.getActiveActivityIds(commenting.procedure(evaluating).getProcessInstanceId()))
            .containsExactly(CommentingPhaseProcess.TASK_EVALUATE_COMMENTS);
    }

    private Draft demo(String title) {
        return drafts.findAll().stream().filter(d -> title.equals(d.getTitle())).findFirst().orElseThrow();
    }
}
