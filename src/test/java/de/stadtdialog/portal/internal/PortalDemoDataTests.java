package de.stadtdialog.portal.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.DefaultApplicationArguments;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;

import de.stadtdialog.StadtdialogSpringTest;
import de.stadtdialog.procedure.Procedure;
import de.stadtdialog.procedure.ProcedureRepository;

/** The demo's public side: every demo procedure is on the project list, plus one project one may request. */
@StadtdialogSpringTest
class PortalDemoDataTests {

    @Autowired
    PortalDemoData demoData;
    @Autowired
    ProjectListEntryRepository entries;
    @Autowired
    ProcedureRepository procedures;

    @Test
    void everyDemoProcedureHasAPublishedEntryAndARestartAddsNothing() {
        List<Procedure> demo = procedures.findByTenantIdIn(List.of("kaiserslautern"),
            PageRequest.of(0, 5, Sort.by("id"))).getContent();
        assertThat(demo).hasSize(5);
        List<ProjectListEntry> published = entries.findByTenantIdAndPublishedTrueOrderByTitleAsc("kaiserslautern");
        for (Procedure procedure : demo) {
            assertThat(published).as("entry for %s", procedure.getTitle())
                .anySatisfy(entry -> {
                    assertThat(entry.getProcedureId()).isEqualTo(procedure.getId());
                    assertThat(entry.getTitle()).isEqualTo(procedure.getTitle());
                });
        }
        assertThat(published).filteredOn(entry -> entry.getTitle().equals(PortalDemoData.REQUESTABLE_TITLE))
            .singleElement().satisfies(entry -> {
                assertThat(entry.getProcedureId()).isNull();
                assertThat(entry.getParticipationStatus()).isEqualTo(ParticipationStatus.CAN_BE_REQUESTED);
            });

        assertThat(published).as("a call, a commenting phase, a vote and a council decision are listed too")
            .extracting(ProjectListEntry::getProcedureId).filteredOn(java.util.Objects::nonNull)
            .extracting(id -> procedures.findById(id).orElseThrow().getTemplateKey())
            .contains("T2_MEMBER_CALL", "T4_COMMENTING", "T5_VOTE", "T6_COUNCIL_DECISION");

        long before = entries.count();
        demoData.run(new DefaultApplicationArguments());
        assertThat(entries.count()).isEqualTo(before);
    }
}
