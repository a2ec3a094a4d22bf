package de.stadtdialog.membercall;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import de.stadtdialog.StadtdialogSpringTest;
import de.stadtdialog.procedure.Procedure;
import de.stadtdialog.procedure.ProcedureService;

/** A composed procedure prepares its call for members before calling the process (call activity). */
@StadtdialogSpringTest
class MemberCallPreparationTests {

    @Autowired
    MemberCallService service;
    @Autowired
    MemberCallRepository calls;
    @Autowired
    ProcedureService procedures;

    @Test
    void preparingTwice_givesOneCallLinkedToTheCallingProcedure_andTheCallActivitysVariables() {
        Procedure composed = procedures.create("kaiserslautern", "Leitlinien für Bürgerbeteiligung (Vorbereitung)",
            "TEST_COMPOSED", "TestComposedProcedure");
        MemberCallService.CreateCall call = new MemberCallService.CreateCall("kaiserslautern",
            "Mitglieder für den Arbeitskreis Leitlinien", "Arbeitskreis Leitlinien", "officer", "P6M", null);

        Map<String, Object> first = service.prepareFor(composed.getId(), call);
        Map<String, Object> again = service.prepareFor(composed.getId(), call);

        assertThat(again).as("repeated after a crash: the same call").isEqualTo(first);
        assertThat(first).containsEntry(MemberCallProcess.VAR_APPLICANT_RETENTION, "P6M")
            .containsEntry(MemberCallProcess.VAR_MEMBER_RETENTION, MemberCallProcess.DEFAULT_RETENTION);
        MemberCall prepared = calls.findById((Long) first.get(MemberCallProcess.VAR_CALL_ID)).orElseThrow();
        assertThat(prepared.getProcedureId()).isEqualTo(composed.getId());
        assertThat(calls.findByProcedureId(composed.getId()).map(MemberCall::getId)).contains(prepared.getId());
        assertThat(prepared.getTitle()).isEqualTo("Mitglieder für den Arbeitskreis Leitlinien");
    }
}
