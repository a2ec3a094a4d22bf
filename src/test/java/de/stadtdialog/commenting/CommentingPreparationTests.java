package de.stadtdialog.commenting;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import de.stadtdialog.StadtdialogSpringTest;
import de.stadtdialog.procedure.Procedure;
import de.stadtdialog.procedure.ProcedureService;

/** A composed procedure prepares its draft before calling the commenting process (call activity). */
@StadtdialogSpringTest
class CommentingPreparationTests {

    @Autowired
    CommentingService commenting;
    @Autowired
    DraftRepository drafts;
    @Autowired
    ProcedureService procedures;

    @Test
    void preparingTwice_givesOneDraftWithItsText_linkedToTheCallingProcedure() {
        Procedure composed = procedures.create("kaiserslautern", "Leitlinien für Bürgerbeteiligung (Entwurf)",
            "TEST_COMPOSED", "TestComposedProcedure");

        Map<String, Object> first = commenting.prepareFor(composed.getId(), "kaiserslautern",
            "Entwurf der Leitlinien", CommentingScenario.MARKDOWN);
        Map<String, Object> again = commenting.prepareFor(composed.getId(), "kaiserslautern",
            "Entwurf der Leitlinien", CommentingScenario.MARKDOWN);

        assertThat(again).as("repeated after a crash: the same draft").isEqualTo(first);
        assertThat(first).containsEntry(CommentingPhaseProcess.VAR_COMMENTING_PERIOD,
            commenting.defaultCommentingPeriod()).containsKey(CommentingPhaseProcess.VAR_PSEUDONYMISATION_DELAY);
        Draft draft = drafts.findById((Long) first.get(CommentingPhaseProcess.VAR_DRAFT_ID)).orElseThrow();
        assertThat(draft.getProcedureId()).isEqualTo(composed.getId());
        assertThat(commenting.paragraphs(draft, 1)).as("the Markdown is imported").isNotEmpty();
    }
}
