package de.stadtdialog.council;

import static de.stadtdialog.council.CouncilScenario.result;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import de.stadtdialog.StadtdialogSpringTest;
import de.stadtdialog.procedure.Procedure;

/**
 * The OParl 1.1 API against the object definitions of the OParl 1.1 schema (https://schema.oparl.org/1.1/):
 * required properties, their JSON types, date-time format, vendor properties only with a prefix, list pages with
 * data, pagination and links, and every id and link of this system resolving to the object it names — without login.
 */
@StadtdialogSpringTest
class OParlApiTests {

    private static final String BASE = "http://localhost";
    private static final String ROOT = BASE + "/oparl/v1.1";
    private static final Pattern DATE_TIME = Pattern.compile("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d[+-]\\d\\d:\\d\\d");
    private static final Pattern DATE = Pattern.compile("\\d{4}-\\d\\d-\\d\\d");

    /** Required properties per type: the schema's "required" plus created and modified (required for all in 1.1). */
    private static final Map<String, List<String>> REQUIRED = Map.of(
        "System", List.of("id", "type", "oparlVersion", "body"),
        "Body", List.of("id", "type", "name", "organization", "person", "meeting", "paper", "legislativeTerm",
            "created", "modified"),
        "Organization", List.of("id", "type", "created", "modified"),
        "Meeting", List.of("id", "type", "created", "modified"),
        "AgendaItem", List.of("id", "type", "order", "created", "modified"),
        "Paper", List.of("id", "type", "created", "modified"),
        "Consultation", List.of("id", "type", "created", "modified"),
        "File", List.of("id", "type", "accessUrl", "created", "modified"),
        "Location", List.of("id", "type", "created", "modified"));

    /** The properties the schema defines per type; anything else must carry a vendor prefix. */
    private static final Map<String, Set<String>> DEFINED = Map.of(
        "System", Set.of("id", "type", "oparlVersion", "otherOparlVersions", "license", "body", "name", "contactEmail",
            "contactName", "website", "vendor", "product", "created", "modified", "web", "deleted"),
        "Body", Set.of("id", "type", "system", "shortName", "name", "website", "license", "licenseValidSince",
            "oparlSince", "ags", "rgs", "equivalent", "contactEmail", "contactName", "organization", "person",
            "meeting", "paper", "legislativeTerm", "agendaItem", "consultation", "file", "locationList",
            "legislativeTermList", "membership", "classification", "location", "mainOrganization", "keyword",
            "created", "modified", "web", "deleted"),
        "Organization", Set.of("id", "type", "body", "name", "membership", "meeting", "consultation", "shortName",
            "post", "subOrganizationOf", "organizationType", "classification", "startDate", "endDate", "website",
            "location", "externalBody", "memberCount", "votingMemberCount", "license", "keyword", "created",
            "modified", "web", "deleted"),
        "Meeting", Set.of("id", "type", "name", "meetingState", "cancelled", "start", "end", "location",
            "organization", "participant", "invitation", "resultsProtocol", "verbatimProtocol", "auxiliaryFile",
            "agendaItem", "license", "keyword", "created", "modified", "web", "deleted"),
        "AgendaItem", Set.of("id", "type", "meeting", "number", "order", "name", "public", "consultation", "result",
            "resolutionText", "resolutionFile", "auxiliaryFile", "start", "end", "license", "keyword", "created",
            "modified", "web", "deleted"),
        "Paper", Set.of("id", "type", "body", "name", "reference", "date", "paperType", "relatedPaper",
            "superordinatedPaper", "subordinatedPaper", "mainFile", "auxiliaryFile", "location", "originatorPerson",
            "underDirectionOf", "originatorOrganization", "consultation", "license", "keyword", "created",
            "modified", "web", "deleted"),
        "Consultation", Set.of("id", "type", "paper", "agendaItem", "meeting", "organization", "authoritative", "role",
            "license", "keyword", "created", "modified", "web", "deleted"),
        "File", Set.of("id", "type", "name", "fileName", "mimeType", "date", "size", "sha1Checksum", "sha512Checksum",
            "text", "accessUrl", "downloadUrl", "externalServiceUrl", "masterFile", "derivativeFile", "fileLicense",
            "meeting", "agendaItem", "person", "paper", "license", "keyword", "created", "modified", "web",
            "deleted"),
        "Location", Set.of("id", "type", "description", "geojson", "streetAddress", "room", "postalCode",
            "subLocality", "locality", "bodies", "organizations", "persons", "meetings", "papers", "license",
            "keyword", "created", "modified", "web", "deleted"));

    private static final Set<String> DATE_TIME_PROPERTIES = Set.of("created", "modified", "start", "end",
        "licenseValidSince", "oparlSince");
    private static final Set<String> BOOLEAN_PROPERTIES = Set.of("cancelled", "public", "authoritative", "deleted");

    @Autowired
    MockMvc mvc;
    @Autowired
    ApplicationContext context;

    private final ObjectMapper json = new ObjectMapper();
    private CouncilScenario scenario;

    @BeforeEach
    void setUp() {
        scenario = new CouncilScenario(context);
    }

    @Test
    void system_isTheEntryPoint_andLeadsToTheBodyOfEachMunicipality() throws Exception {
        JsonNode system = object(ROOT, "System");
        assertThat(system.get("oparlVersion").asText()).isEqualTo("https://schema.oparl.org/1.1/");

        JsonNode bodies = listPage(system.get("body").asText());
        JsonNode body = find(bodies, "name", "Kaiserslautern");
        assertThat(body.get("id").asText()).isEqualTo(ROOT + "/body/kaiserslautern");
        checkObject(body, "Body");
        assertThat(body.get("legislativeTerm").isArray()).isTrue();
        for (String list : List.of("organization", "person", "meeting", "paper", "agendaItem", "consultation", "file",
                "locationList")) {
            JsonNode page = listPage(body.get(list).asText());
            // the first few of each list: the suite's shared database grows, the checks follow every link
            for (int i = 0; i < Math.min(3, page.get("data").size()); i++) {
                JsonNode element = page.get("data").get(i);
                checkObject(element, element.get("type").asText().substring("https://schema.oparl.org/1.1/".length()));
            }
        }
        assertThat(object(body.get("id").asText(), "Body")).isEqualTo(body);
    }

    @Test
    void aScheduledMotion_isAPaperWithItsConsultationsMeetingsAgendaItemsOrganizationsAndResultsReport()
            throws Exception {
        Procedure procedure = scenario.start();
        scenario.submitted(procedure, "Beirat für Bürgerbeteiligung", null, "Stadtrat");
        String hearing = LocalDate.now(CouncilDates.ZONE).plusDays(10).atTime(17, 0).toString();
        scenario.deliberate(procedure, hearing, result(ConsultationResult.ADOPTED_WITH_CHANGES,
            "Jugendliche ausdrücklich nennen", null));
        Motion motion = scenario.motion(procedure);

        JsonNode paper = object(ROOT + "/paper/" + motion.getId(), "Paper");
        assertThat(paper.get("reference").asText()).isEqualTo(motion.getReference());
        assertThat(paper.get("paperType").asText()).isEqualTo("Beschlussvorlage");
        assertThat(paper.get("name").asText()).isEqualTo(scenario.subject());
        assertThat(paper.get("date").asText()).matches(DATE);
        assertThat(paper.get("stadtdialog:procedure").asText()).isEqualTo(procedure.getBusinessKey());
        assertThat(paper.get("body").asText()).isEqualTo(ROOT + "/body/kaiserslautern");

        JsonNode consultations = paper.get("consultation");
        assertThat(consultations).hasSize(2);
        JsonNode hearingConsultation = consultations.get(0);
        checkObject(hearingConsultation, "Consultation");
        assertThat(hearingConsultation.get("role").asText()).isEqualTo("Anhörung");
        assertThat(hearingConsultation.get("authoritative").asBoolean()).isFalse();
        assertThat(consultations.get(1).get("authoritative").asBoolean()).isTrue();
        assertThat(consultations.get(1).has("meeting")).as("not yet scheduled").isFalse();
        assertThat(object(hearingConsultation.get("id").asText(), "Consultation")).isEqualTo(hearingConsultation);
        assertThat(object(hearingConsultation.get("paper").asText(), "Paper").get("id")).isEqualTo(paper.get("id"));

        JsonNode organization = object(hearingConsultation.get("organization").get(0).asText(), "Organization");
        assertThat(organization.get("name").asText()).isEqualTo("Beirat für Bürgerbeteiligung");

        JsonNode meeting = object(hearingConsultation.get("meeting").asText(), "Meeting");
        assertThat(meeting.get("start").asText()).startsWith(hearing);
        assertThat(meeting.get("organization").get(0).asText()).isEqualTo(organization.get("id").asText());
        JsonNode location = object(meeting.get("location").get("id").asText(), "Location");
        assertThat(location.get("description").asText()).isEqualTo("Rathaus, Großer Ratssaal");

        JsonNode agendaItem = object(hearingConsultation.get("agendaItem").asText(), "AgendaItem");
        assertThat(agendaItem.get("order").isInt()).isTrue();
        assertThat(agendaItem.get("result").asText()).isEqualTo("mit Änderungen beschlossen");
        assertThat(agendaItem.get("stadtdialog:changes").asText()).isEqualTo("Jugendliche ausdrücklich nennen");
        assertThat(agendaItem.get("meeting").asText()).isEqualTo(meeting.get("id").asText());
        assertThat(meeting.get("agendaItem")).anySatisfy(item -> assertThat(item).isEqualTo(agendaItem));

        JsonNode file = paper.get("auxiliaryFile").get(0);
        checkObject(file, "File");
        assertThat(file.get("accessUrl").asText()).isEqualTo("https://www.kaiserslautern.de/leitlinien/ergebnisbericht.pdf");
        assertThat(object(file.get("id").asText(), "File")).isEqualTo(file);

        assertThat(allOf(ROOT + "/body/kaiserslautern/paper")).anySatisfy(p -> assertThat(p).isEqualTo(paper));
        assertThat(allOf(ROOT + "/body/kaiserslautern/meeting")).anySatisfy(m -> assertThat(m).isEqualTo(meeting));
        assertThat(allOf(ROOT + "/body/kaiserslautern/agendaItem"))
            .anySatisfy(a -> assertThat(a).isEqualTo(agendaItem));
        assertThat(allOf(ROOT + "/body/kaiserslautern/consultation"))
            .anySatisfy(c -> assertThat(c).isEqualTo(hearingConsultation));
        assertThat(allOf(ROOT + "/body/kaiserslautern/file")).anySatisfy(f -> assertThat(f).isEqualTo(file));
        assertThat(allOf(ROOT + "/body/kaiserslautern/organization"))
            .anySatisfy(o -> assertThat(o).isEqualTo(organization));
    }

    @Test
    void lists_arePaginatedWithStableLinksThatKeepTheFilters() throws Exception {
        for (int i = 0; i < 2; i++) {
            Procedure procedure = scenario.start();
            scenario.submitted(procedure, null, null, "Stadtrat");
            scenario.submit(procedure, CouncilDecisionProcess.TASK_SCHEDULE_CONSULTATION, "secretariat",
                CouncilScenario.meeting(LocalDate.now(CouncilDates.ZONE).plusDays(30 + i).atTime(18, 0).toString()));
        }
        String first = ROOT + "/body/kaiserslautern/meeting?limit=1&modified_since=2020-01-01T00:00:00%2B01:00";

        JsonNode page1 = listPage(first);
        assertThat(page1.get("data")).hasSize(1);
        assertThat(page1.get("pagination").get("elementsPerPage").asInt()).isEqualTo(1);
        assertThat(page1.get("pagination").get("currentPage").asInt()).isEqualTo(1);
        int total = page1.get("pagination").get("totalElements").asInt();
        assertThat(total).isGreaterThanOrEqualTo(2);
        assertThat(page1.get("pagination").get("totalPages").asInt()).isEqualTo(total);
        assertThat(page1.get("links").has("prev")).isFalse();
        String next = page1.get("links").get("next").asText();
        assertThat(next).contains("limit=1", "modified_since=", "page=2");

        JsonNode page2 = listPage(next);
        assertThat(page2.get("pagination").get("currentPage").asInt()).isEqualTo(2);
        assertThat(page2.get("links").get("prev").asText()).contains("page=1");
        assertThat(page2.get("data").get(0).get("id")).isNotEqualTo(page1.get("data").get(0).get("id"));
        JsonNode last = listPage(page1.get("links").get("last").asText());
        assertThat(last.get("links").has("next")).isFalse();

        JsonNode none = listPage(ROOT + "/body/kaiserslautern/meeting?modified_since=2999-01-01T00:00:00%2B01:00");
        assertThat(none.get("data")).isEmpty();
        assertThat(none.get("pagination").get("totalElements").asInt()).isZero();
    }

    @Test
    void drafts_unknownObjectsAndWritesAreNotServed() throws Exception {
        Procedure draft = scenario.start();
        Motion motion = scenario.motion(draft);
        mvc.perform(get(ROOT + "/paper/" + motion.getId())).andExpect(status().isNotFound());
        mvc.perform(get(ROOT + "/file/" + motion.getId())).andExpect(status().isNotFound());
        mvc.perform(get(ROOT + "/body/nirgendwo")).andExpect(status().isNotFound());
        mvc.perform(get(ROOT + "/meeting/999999999")).andExpect(status().isNotFound());
        assertThat(allOf(ROOT + "/body/kaiserslautern/paper"))
            .noneSatisfy(p -> assertThat(p.get("reference").asText()).isEqualTo(motion.getReference()));
        assertThat(mvc.perform(post(ROOT)).andReturn().getResponse().getStatus()).isIn(403, 405);
    }

    // --- checks

    private JsonNode object(String url, String type) throws Exception {
        JsonNode node = fetch(url);
        assertThat(node.get("id").asText()).as("the id is the URL it was fetched from").isEqualTo(url);
        checkObject(node, type);
        return node;
    }

    private void checkObject(JsonNode node, String type) throws Exception {
        assertThat(node.get("type").asText()).isEqualTo("https://schema.oparl.org/1.1/" + type);
        for (String required : REQUIRED.get(type)) {
            assertThat(node.has(required)).as(type + "." + required + " is required").isTrue();
            assertThat(node.get(required).isNull()).as(type + "." + required + " is not null").isFalse();
        }
        Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> field = fields.next();
            String name = field.getKey();
            JsonNode value = field.getValue();
            assertThat(value.isNull()).as(type + "." + name + " is not sent as null").isFalse();
            if (!DEFINED.get(type).contains(name)) {
                assertThat(name).as("vendor property of " + type).startsWith("stadtdialog:");
                continue;
            }
            if (DATE_TIME_PROPERTIES.contains(name)) {
                assertThat(value.asText()).as(type + "." + name).matches(DATE_TIME);
            } else if (BOOLEAN_PROPERTIES.contains(name)) {
                assertThat(value.isBoolean()).as(type + "." + name + " is a boolean").isTrue();
            } else if (name.equals("order")) {
                assertThat(value.isInt()).as("AgendaItem.order is an integer").isTrue();
            }
            if (value.isTextual() && value.asText().startsWith(ROOT) && !name.equals("id")) {
                assertThat(statusOf(value.asText())).as(type + "." + name + " resolves: " + value.asText())
                    .isEqualTo(200);
            }
            if (value.isArray()) {
                for (JsonNode element : value) {
                    if (element.isTextual() && element.asText().startsWith(ROOT)) {
                        assertThat(statusOf(element.asText())).as(type + "." + name + " resolves").isEqualTo(200);
                    }
                }
            }
        }
    }

    private JsonNode listPage(String url) throws Exception {
        JsonNode page = fetch(url);
        assertThat(page.has("data") && page.get("data").isArray()).as("list page data").isTrue();
        assertThat(page.get("pagination").isObject()).as("list page pagination").isTrue();
        assertThat(page.get("links").isObject()).as("list page links").isTrue();
        if (page.get("pagination").get("currentPage").asInt() < page.get("pagination").get("totalPages").asInt()) {
            assertThat(page.get("links").has("next")).as("next is required on all but the last page").isTrue();
        }
        return page;
    }

    private List<JsonNode> allOf(String listUrl) throws Exception {
        List<JsonNode> all = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        String url = listUrl;
        while (url != null && seen.add(url)) {
            JsonNode page = listPage(url);
            page.get("data").forEach(all::add);
            url = page.get("links").has("next") ? page.get("links").get("next").asText() : null;
        }
        return all;
    }

    private static JsonNode find(JsonNode page, String field, String value) {
        for (JsonNode element : page.get("data")) {
            if (value.equals(element.get(field).asText())) {
                return element;
            }
        }
        throw new AssertionError("No " + field + "=" + value + " in " + page);
    }

    private JsonNode fetch(String url) throws Exception {
        MvcResult result = mvc.perform(get(java.net.URI.create(url))).andExpect(status().isOk()).andReturn();
        assertThat(result.getResponse().getContentType()).startsWith("application/json");
        assertThat(result.getResponse().getHeader("Access-Control-Allow-Origin")).isEqualTo("*");
        return json.readTree(result.getResponse().getContentAsString(StandardCharsets.UTF_8));
    }

    private int statusOf(String url) throws Exception {
        return mvc.perform(get(java.net.URI.create(url))).andReturn().getResponse().getStatus();
    }
}
