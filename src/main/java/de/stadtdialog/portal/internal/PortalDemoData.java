package de.stadtdialog.portal.internal;

import java.time.Clock;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.annotation.Order;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import de.stadtdialog.procedure.Procedure;
import de.stadtdialog.procedure.ProcedureRepository;

/**
 * Demo profile only: the public side of the demo. Every demo procedure gets a published project-list entry, and
 * one project without a procedure shows the status "kann beantragt werden". Runs after the demo procedures exist
 * ({@code demo.DemoData} has order 100) and adds only what is missing, so a restart adds nothing.
 */
@Component
@Order(200)
@ConditionalOnProperty(name = "stadtdialog.demo.enabled", havingValue = "true")
class PortalDemoData implements ApplicationRunner {

    static final String TENANT = "kaiserslautern";
    static final String REQUESTABLE_TITLE = "Neugestaltung des Stiftsplatzes";
    /** The demo procedures are the first ones of the demo tenant; later ones are the users' own. */
    private static final int DEMO_PROCEDURES = 5;

    private static final Logger log = LoggerFactory.getLogger(PortalDemoData.class);

    private final ProjectListEntryRepository entries;
    private final ProcedureRepository procedures;
    private final Clock clock;

    PortalDemoData(ProjectListEntryRepository entries, ProcedureRepository procedures, Clock clock) {
        this.entries = entries;
        this.procedures = procedures;
        this.clock = clock;
    }

    @Override
    @Transactional
    public void run(ApplicationArguments args) {
        List<Procedure> demo = procedures.findByTenantIdIn(List.of(TENANT),
            PageRequest.of(0, DEMO_PROCEDURES, Sort.by("id"))).getContent();
        int added = 0;
        for (Procedure procedure : demo) {
            if (!entries.existsByProcedureId(procedure.getId())) {
                entries.save(entryFor(procedure));
                added++;
            }
        }
        if (added > 0) {
            // first start: also the first procedure of every other kind the modules' demo data started (call for
            // members, commenting, vote, council); after that, new procedures are the users' own
            Set<String> kinds = new HashSet<>();
            demo.forEach(procedure -> kinds.add(procedure.getTemplateKey()));
            for (Procedure procedure : procedures.findByTenantIdIn(List.of(TENANT),
                    PageRequest.of(0, 200, Sort.by("id"))).getContent()) {
                if (kinds.add(procedure.getTemplateKey()) && !entries.existsByProcedureId(procedure.getId())) {
                    entries.save(entryOfAnotherKind(procedure));
                    added++;
                }
            }
        }
        if (!entries.existsByTenantIdAndTitle(TENANT, REQUESTABLE_TITLE)) {
            ProjectListEntry requestable = new ProjectListEntry(TENANT, clock.instant());
            requestable.change(null, REQUESTABLE_TITLE,
                "Der Stiftsplatz soll neu gestaltet werden: mehr Bäume und Schatten, Sitzplätze, ein barrierefreier "
                    + "Zugang zur Stiftskirche und Platz für Wochenmarkt und Feste. Eine Bürgerbeteiligung kann "
                    + "beantragt werden.",
                "Stiftsplatz, Innenstadt", ParticipationStatus.CAN_BE_REQUESTED, "rund 2,4 Mio. Euro (Schätzung)",
                "Planung ab 2027, Bau frühestens 2029", true, clock.instant());
            entries.save(requestable);
            added++;
        }
        if (added > 0) {
            log.info("Added {} demo entries to the project list", added);
        }
    }

    private ProjectListEntry entryOfAnotherKind(Procedure procedure) {
        ProjectListEntry entry = new ProjectListEntry(TENANT, clock.instant());
        entry.change(procedure.getId(), procedure.getTitle(), "Beteiligung zu „" + procedure.getTitle()
                + "“: wo das Verfahren steht, die nächsten Termine und was Sie jetzt tun können.",
            "Kaiserslautern", ParticipationStatus.INFORMAL, null, null, true, clock.instant());
        return entry;
    }

    private ProjectListEntry entryFor(Procedure procedure) {
        boolean advisoryBoard = procedure.getTitle().startsWith("Beteiligungsbeirat");
        String description = advisoryBoard
            ? "Der Beteiligungsbeirat berät Rat und Verwaltung zu Bürgerbeteiligung. Seine Sitzungen sind "
                + "öffentlich; Einladung, Tagesordnung und Protokoll stehen hier."
            : "Der Arbeitskreis schreibt die Leitlinien für Bürgerbeteiligung in Kaiserslautern. Seine Sitzungen "
                + "sind öffentlich; Einladung, Tagesordnung und Protokoll stehen hier.";
        ProjectListEntry entry = new ProjectListEntry(TENANT, clock.instant());
        entry.change(procedure.getId(), procedure.getTitle(), description, "Rathaus Kaiserslautern",
            ParticipationStatus.INFORMAL, null, advisoryBoard ? "Sitzungen etwa alle acht Wochen"
                : "Leitlinien bis Ende 2027", true, clock.instant());
        return entry;
    }
}
