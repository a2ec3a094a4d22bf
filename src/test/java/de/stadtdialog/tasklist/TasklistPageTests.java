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
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.history.UserOperationLogEntry;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

import de.stadtdialog.StadtdialogSpringTest;
import de.stadtdialog.StaffLogin;
import de.stadtdialog.procedure.Procedure;
import de.stadtdialog.sessioncycle.SessionCycleService;

/** The task list of an officer: whose tasks, filter, order, paging, overdue marker, claiming and releasing. */
@StadtdialogSpringTest
@Tag("database")
class TasklistPageTests {

    private static final String OTHER_TENANT = "tasklist-nachbarstadt";

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
    FormService formService;
    @Autowired
    HistoryService historyService;
    @Autowired
    Clock clock;

    TasklistTestData data;

    @BeforeEach
    void setUp() {
        data = new TasklistTestData(sessionCycle, repositoryService, runtimeService, taskService, clock);
    }

    private String list(String user, String view, String procedure) throws Exception {
        return mvc.perform(get("/aufgaben").param("ansicht", view).param("verfahren", procedure)
                .with(StaffLogin.as(user)))
            .andExpect(status().isOk())
            .andReturn().getResponse().getContentAsString();
    }

    private static List<String> taskLinks(String html) {
        Matcher matcher = Pattern.compile("<th scope=\"row\" role=\"rowheader\"><a href=\"/aufgaben/([^\"]+)\">").matcher(html);
        List<String> ids = new java.util.ArrayList<>();
        while (matcher.find()) {
            ids.add(matcher.group(1));
        }
        return ids;
    }

    private Task fixture(String tenant, String group, String title, Instant due, String businessKey) {
        return data.startFixture(tenant, group, title, due, businessKey, Map.of());
    }

    @Test
    void showsTheGroupsUnclaimedTaskWithItsProcedure() throws Exception {
        Procedure procedure = data.planSession(TasklistTestData.unique("Liste"));
        Task task = data.draftAgenda(procedure);

        String html = list("officer", "gruppen", procedure.getBusinessKey());

        assertThat(taskLinks(html)).containsExactly(task.getId());
        assertThat(html).contains("Tagesordnung entwerfen", procedure.getTitle(), procedure.getBusinessKey(),
            "noch niemand", "Übernehmen", "<caption id=\"tasks-caption\">Aufgaben: 1 insgesamt, Seite 1 von 1</caption>",
            "<th scope=\"col\" role=\"columnheader\">Fällig</th>");
        assertThat(html).doesNotContain("überfällig");
    }

    @Test
    void showsMyTasksAndMyGroupsTasksButNotThoseOfAnotherTenantOrAnotherGroup() throws Exception {
        Procedure mine = data.planSession(TasklistTestData.unique("Meine"));
        Task myTask = data.draftAgenda(mine);
        taskService.claim(myTask.getId(), "officer");
        Procedure groups = data.planSession(TasklistTestData.unique("Gruppe"));
        String otherTenantKey = TasklistTestData.unique("TL-Mandant");
        Task otherTenant = fixture(OTHER_TENANT, "officer", "Aufgabe der Nachbarstadt", null, otherTenantKey);
        String otherGroupKey = TasklistTestData.unique("TL-Gruppe");
        Task otherGroup = fixture(StaffLogin.TENANT, "secretariat", "Aufgabe des Sitzungsdienstes", null,
            otherGroupKey);

        assertThat(taskLinks(list("officer", "gruppen", mine.getBusinessKey()))).containsExactly(myTask.getId());
        assertThat(list("officer", "gruppen", mine.getBusinessKey())).contains("<span>Sie</span>", "Freigeben");
        assertThat(taskLinks(list("officer", "gruppen", groups.getBusinessKey())))
            .containsExactly(data.draftAgenda(groups).getId());
        for (String view : List.of("meine", "gruppen", "alle")) {
            String html = list("officer", view, otherTenantKey);
            assertThat(taskLinks(html)).as(view).isEmpty();
            assertThat(html).as(view).doesNotContain("Aufgabe der Nachbarstadt").contains("Keine Aufgaben gefunden.");
            assertThat(taskLinks(list("officer", view, otherGroupKey))).as(view).isEmpty();
        }
        // the same tasks for whom they belong to
        assertThat(taskLinks(list("secretariat", "gruppen", otherGroupKey))).containsExactly(otherGroup.getId());
        mvc.perform(get("/aufgaben").param("verfahren", otherTenantKey)
                .with(StaffLogin.as("officer", List.of("officer"), List.of(OTHER_TENANT))))
            .andExpect(status().isOk())
            .andExpect(result -> assertThat(taskLinks(result.getResponse().getContentAsString()))
                .containsExactly(otherTenant.getId()));
        // and its page is not found for an officer of another municipality
        mvc.perform(get("/aufgaben/" + otherTenant.getId()).with(StaffLogin.as("officer")))
            .andExpect(status().isNotFound());
    }

    @Test
    void theViewSwitchShowsMineMyGroupsOrAllOfMyGroups() throws Exception {
        Procedure procedure = data.planSession(TasklistTestData.unique("Ansicht"));
        Task colleagues = data.draftAgenda(procedure);
        taskService.claim(colleagues.getId(), "coordination");

        assertThat(taskLinks(list("officer", "meine", procedure.getBusinessKey()))).isEmpty();
        assertThat(taskLinks(list("officer", "gruppen", procedure.getBusinessKey()))).isEmpty();
        String all = list("officer", "alle", procedure.getBusinessKey());
        assertThat(taskLinks(all)).containsExactly(colleagues.getId());
        assertThat(all).contains("<span>Jonas Weber</span>").doesNotContain("Übernehmen</button>")
            .contains("aria-current=\"page\"");

        taskService.claim(colleagues.getId(), null);
        taskService.claim(colleagues.getId(), "officer");
        assertThat(taskLinks(list("officer", "meine", procedure.getBusinessKey())))
            .containsExactly(colleagues.getId());
    }

    @Test
    void overdueTasksAreMarkedInWordsNotOnlyByColour() throws Exception {
        String key = TasklistTestData.unique("TL-Frist");
        Instant now = clock.instant();
        Task late = fixture(StaffLogin.TENANT, "officer", "Verspätete Aufgabe", now.minus(Duration.ofDays(1)), key);
        Task early = fixture(StaffLogin.TENANT, "officer", "Rechtzeitige Aufgabe", now.plus(Duration.ofDays(7)), key);

        String html = list("officer", "gruppen", key);

        assertThat(taskLinks(html)).containsExactly(late.getId(), early.getId());
        String lateRow = html.substring(html.indexOf("Verspätete Aufgabe") - 400, html.indexOf("Rechtzeitige Aufgabe"));
        assertThat(lateRow).contains("class=\"task-row overdue\" role=\"row\"", "<span class=\"badge overdue\">überfällig</span>");
        String earlyRow = html.substring(html.indexOf("Rechtzeitige Aufgabe"));
        assertThat(earlyRow.substring(0, earlyRow.indexOf("</tr>"))).doesNotContain("überfällig");

        String detail = mvc.perform(get("/aufgaben/" + late.getId()).with(StaffLogin.as("officer")))
            .andReturn().getResponse().getContentAsString();
        assertThat(detail).contains("<span class=\"badge overdue\">überfällig</span>");
    }

    @Test
    void filtersByPartOfTheProcedureTitle() throws Exception {
        String word = TasklistTestData.unique("Filterwort").replace(" ", "");
        Procedure procedure = data.planSession("Beirat " + word + " – 3. Sitzung");

        String html = list("officer", "gruppen", word.toLowerCase());

        assertThat(taskLinks(html)).containsExactly(data.draftAgenda(procedure).getId());
        assertThat(html).contains(procedure.getBusinessKey(), "Filter zurücksetzen");
    }

    @Test
    void sortsByDueDateWithTasksWithoutOneLastOrByCreation() throws Exception {
        String key = TasklistTestData.unique("TL-Reihenfolge");
        Instant now = clock.instant();
        Task later = fixture(StaffLogin.TENANT, "officer", "Später fällig", now.plus(Duration.ofDays(2)), key);
        Task none = fixture(StaffLogin.TENANT, "officer", "Ohne Frist", null, key);
        Task sooner = fixture(StaffLogin.TENANT, "officer", "Früher fällig", now.plus(Duration.ofDays(1)), key);

        assertThat(taskLinks(list("officer", "gruppen", key)))
            .containsExactly(sooner.getId(), later.getId(), none.getId());
        String byCreation = mvc.perform(get("/aufgaben").param("verfahren", key).param("sortierung", "aelteste")
                .with(StaffLogin.as("officer")))
            .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(taskLinks(byCreation)).containsExactlyInAnyOrder(later.getId(), none.getId(), sooner.getId());
        assertThat(byCreation).contains("<option value=\"aelteste\" selected=\"selected\">");
    }

    @Test
    void pagesHoldFiftyTasks() throws Exception {
        String key = TasklistTestData.unique("TL-Seiten");
        for (int i = 0; i < 55; i++) {
            fixture(StaffLogin.TENANT, "officer", "Seitenaufgabe " + i, null, key);
        }

        String first = list("officer", "gruppen", key);
        assertThat(taskLinks(first)).hasSize(50);
        assertThat(first).contains("Aufgaben 1 bis 50, Seite 1; weitere auf den nächsten Seiten", "rel=\"next\"",
                "seite=2")
            .doesNotContain("rel=\"prev\"");

        String second = mvc.perform(get("/aufgaben").param("verfahren", key).param("seite", "2")
                .with(StaffLogin.as("officer")))
            .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(taskLinks(second)).hasSize(5).doesNotContainAnyElementsOf(taskLinks(first));
        assertThat(second).contains("Aufgaben: 55 insgesamt, Seite 2 von 2", "rel=\"prev\"")
            .doesNotContain("rel=\"next\"");
    }

    @Test
    void tasksWithoutDueDateContinueWhereThoseWithOneEndAcrossPages() throws Exception {
        String key = TasklistTestData.unique("TL-Grenze");
        Instant now = clock.instant();
        List<String> withDue = new ArrayList<>();
        for (int i = 0; i < 48; i++) {
            withDue.add(fixture(StaffLogin.TENANT, "officer", "Frist " + i, now.plus(Duration.ofHours(i + 1)), key)
                .getId());
        }
        List<String> withoutDue = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            withoutDue.add(fixture(StaffLogin.TENANT, "officer", "Ohne Frist " + i, null, key).getId());
        }

        String first = list("officer", "gruppen", key);
        List<String> firstLinks = taskLinks(first);
        assertThat(firstLinks).hasSize(50).startsWith(withDue.toArray(String[]::new));
        assertThat(firstLinks.subList(48, 50)).isSubsetOf(withoutDue);
        assertThat(first).contains("Aufgaben 1 bis 50, Seite 1; weitere auf den nächsten Seiten");

        String second = mvc.perform(get("/aufgaben").param("verfahren", key).param("seite", "2")
                .with(StaffLogin.as("officer")))
            .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(taskLinks(second)).hasSize(3).isSubsetOf(withoutDue)
            .doesNotContainAnyElementsOf(firstLinks);
        assertThat(second).contains("Aufgaben: 53 insgesamt, Seite 2 von 2");
    }

    @Test
    void claimAndUnclaimAsTheOfficer() throws Exception {
        Procedure procedure = data.planSession(TasklistTestData.unique("Übernehmen"));
        Task task = data.draftAgenda(procedure);
        String back = "/aufgaben?ansicht=gruppen&verfahren=" + procedure.getBusinessKey() + "&sortierung=faellig";

        mvc.perform(post("/aufgaben/" + task.getId() + "/uebernehmen").param("zurueck", back)
                .with(StaffLogin.as("officer")).with(csrf()))
            .andExpect(status().is3xxRedirection()).andExpect(redirectedUrl(back))
            .andExpect(flash().attribute("flashMessage", "Sie haben „Tagesordnung entwerfen“ übernommen."));
        assertThat(taskService.createTaskQuery().taskId(task.getId()).singleResult().getAssignee())
            .isEqualTo("officer");

        mvc.perform(post("/aufgaben/" + task.getId() + "/freigeben").param("zurueck", "https://evil.example/")
                .with(StaffLogin.as("officer")).with(csrf()))
            .andExpect(status().is3xxRedirection()).andExpect(redirectedUrl("/aufgaben"))
            .andExpect(flash().attribute("flashMessage", org.hamcrest.Matchers.startsWith(
                "Sie haben „Tagesordnung entwerfen“ freigegeben.")));
        assertThat(taskService.createTaskQuery().taskId(task.getId()).singleResult().getAssignee()).isNull();

        assertThat(historyService.createUserOperationLogQuery().taskId(task.getId())
                .operationType(UserOperationLogEntry.OPERATION_TYPE_CLAIM).list())
            .extracting(UserOperationLogEntry::getUserId).containsOnly("officer").hasSizeGreaterThanOrEqualTo(2);
    }

    @Test
    void claimingATaskSomeoneElseClaimedSaysWho() throws Exception {
        Procedure procedure = data.planSession(TasklistTestData.unique("Konflikt"));
        Task task = data.draftAgenda(procedure);
        taskService.claim(task.getId(), "coordination");

        mvc.perform(post("/aufgaben/" + task.getId() + "/uebernehmen").with(StaffLogin.as("officer")).with(csrf()))
            .andExpect(status().is3xxRedirection()).andExpect(redirectedUrl("/aufgaben"))
            .andExpect(flash().attribute("flashError", "Diese Aufgabe hat inzwischen Jonas Weber übernommen."));
        mvc.perform(post("/aufgaben/" + task.getId() + "/freigeben").with(StaffLogin.as("officer")).with(csrf()))
            .andExpect(flash().attribute("flashError",
                "Sie können nur Aufgaben freigeben, die Sie selbst übernommen haben."));
        assertThat(taskService.createTaskQuery().taskId(task.getId()).singleResult().getAssignee())
            .isEqualTo("coordination");
    }

    @Test
    void claimingACompletedTaskSaysItIsDone() throws Exception {
        Procedure procedure = data.planSession(TasklistTestData.unique("Erledigt"));
        Task task = data.draftAgenda(procedure);
        taskService.claim(task.getId(), "coordination");
        formService.submitTaskForm(task.getId(), Map.of("sessionFormat", "in-person", "location", "Rathaus",
            "agenda", "TOP 1: Begrüßung"));

        mvc.perform(post("/aufgaben/" + task.getId() + "/uebernehmen").with(StaffLogin.as("officer")).with(csrf()))
            .andExpect(status().is3xxRedirection()).andExpect(redirectedUrl("/aufgaben"))
            .andExpect(flash().attribute("flashError", org.hamcrest.Matchers.startsWith(
                "Diese Aufgabe wurde inzwischen von Jonas Weber erledigt")));
        mvc.perform(get("/aufgaben/" + task.getId()).with(StaffLogin.as("officer")))
            .andExpect(status().is3xxRedirection()).andExpect(redirectedUrl("/aufgaben"));
    }

    @Test
    void aTaskOfAnotherGroupCanNeitherBeOpenedNorClaimed() throws Exception {
        Task secretariats = fixture(StaffLogin.TENANT, "secretariat", "Aufgabe des Sitzungsdienstes", null,
            TasklistTestData.unique("TL-Fremd"));

        mvc.perform(get("/aufgaben/" + secretariats.getId()).with(StaffLogin.as("officer")))
            .andExpect(status().isNotFound());
        mvc.perform(post("/aufgaben/" + secretariats.getId() + "/uebernehmen").with(StaffLogin.as("officer"))
                .with(csrf()))
            .andExpect(status().is3xxRedirection())
            .andExpect(flash().attribute("flashError", "Diese Aufgabe gibt es nicht oder Sie dürfen sie nicht sehen."));
        mvc.perform(post("/aufgaben/" + secretariats.getId()).param("title", "Fremd").with(StaffLogin.as("officer"))
                .with(csrf()))
            .andExpect(status().isNotFound());
        assertThat(taskService.createTaskQuery().taskId(secretariats.getId()).singleResult().getAssignee()).isNull();
    }

    @Test
    void unknownTasksAreNotFoundAndOtherRolesMayNotSeeTheList() throws Exception {
        mvc.perform(get("/aufgaben/no-such-task").with(StaffLogin.as("officer")))
            .andExpect(status().isNotFound());
        mvc.perform(get("/aufgaben").with(StaffLogin.as("designer"))).andExpect(status().isForbidden());
        mvc.perform(post("/aufgaben/x/uebernehmen").with(StaffLogin.as("officer")))
            .andExpect(status().isForbidden());
    }
}
