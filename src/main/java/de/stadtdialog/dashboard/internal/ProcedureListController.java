package de.stadtdialog.dashboard.internal;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.springframework.context.MessageSource;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;

import de.stadtdialog.procedure.Procedure;
import de.stadtdialog.procedure.ProcedureRepository;
import de.stadtdialog.shared.StaffUser;

/** The status overview of all procedures of the user's municipalities, and the same list as CSV. */
@Controller
class ProcedureListController {

    static final int PAGE_SIZE = 50;
    private static final MediaType CSV = new MediaType("text", "csv", java.nio.charset.StandardCharsets.UTF_8);

    private final ProcedureRepository procedures;
    private final ProcedureNames names;
    private final DashboardDates dates;
    private final MessageSource messages;
    private final Clock clock;

    ProcedureListController(ProcedureRepository procedures, ProcedureNames names, DashboardDates dates,
            MessageSource messages, Clock clock) {
        this.procedures = procedures;
        this.names = names;
        this.dates = dates;
        this.messages = messages;
        this.clock = clock;
    }

    @GetMapping("/verfahren")
    String list(@ModelAttribute("filter") ProcedureFilter filter, Model model, Locale locale) {
        StaffUser user = StaffUser.current();
        Instant now = clock.instant();
        Map<String, String> tenantNames = names.tenants(user.tenants());
        Map<String, String> templateNames = names.templatesIn(user.tenants(), locale);
        Page<Procedure> page = procedures.findAll(ProcedureListQuery.of(filter, user.tenants(), now),
            PageRequest.of(filter.pageNumber(), PAGE_SIZE));
        model.addAttribute("procedures", page.map(p -> row(p, templateNames, tenantNames, now, locale)));
        model.addAttribute("templates", templateNames);
        model.addAttribute("tenants", tenantNames);
        return "dashboard/procedures";
    }

    @GetMapping("/verfahren/export.csv")
    ResponseEntity<byte[]> export(@ModelAttribute("filter") ProcedureFilter filter, Locale locale) {
        StaffUser user = StaffUser.current();
        Instant now = clock.instant();
        Map<String, String> tenantNames = names.tenants(user.tenants());
        Map<String, String> templateNames = names.templatesIn(user.tenants(), locale);
        ProcedureCsv csv = new ProcedureCsv().row(List.of("businessKey", "title", "template", "tenant", "phase",
            "nextDeadline", "openTasks", "overdue", "status").stream()
            .map(column -> messages.getMessage("dashboard.csv." + column, null, column, locale)).toList());
        String yes = messages.getMessage("dashboard.csv.yes", null, "ja", locale);
        for (Procedure procedure : procedures.findAll(ProcedureListQuery.of(filter, user.tenants(), now))) {
            ProcedureRow row = row(procedure, templateNames, tenantNames, now, locale);
            List<String> cells = new ArrayList<>();
            cells.add(procedure.getBusinessKey());
            cells.add(procedure.getTitle());
            cells.add(row.templateName());
            cells.add(row.tenantName());
            cells.add(procedure.getPhase());
            cells.add(dates.spreadsheet(procedure.getNextDeadline()));
            cells.add(String.join("; ", row.openTasks()));
            cells.add(row.overdue() ? yes : "");
            cells.add(names.status(procedure.getStatus(), locale));
            csv.row(cells);
        }
        String filename = "verfahren-" + LocalDate.ofInstant(now, DashboardDates.ZONE) + ".csv";
        return ResponseEntity.ok()
            .contentType(CSV)
            .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=" + filename)
            .body(csv.bytes());
    }

    private ProcedureRow row(Procedure procedure, Map<String, String> templateNames, Map<String, String> tenantNames,
            Instant now, Locale locale) {
        String template = templateNames.getOrDefault(procedure.getTemplateKey(),
            names.template(procedure.getTemplateKey(), locale));
        return ProcedureRow.of(procedure, template,
            tenantNames.getOrDefault(procedure.getTenantId(), procedure.getTenantId()), procedure.isOverdue(now));
    }
}
