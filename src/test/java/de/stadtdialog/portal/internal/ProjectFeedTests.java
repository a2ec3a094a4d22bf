package de.stadtdialog.portal.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import javax.xml.parsers.DocumentBuilderFactory;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import de.stadtdialog.StadtdialogSpringTest;
import de.stadtdialog.procedure.Procedure;
import de.stadtdialog.procedure.ProcedureRepository;
import de.stadtdialog.procedure.Tenant;
import de.stadtdialog.procedure.TenantRepository;
import de.stadtdialog.sessioncycle.NoticePeriod;
import de.stadtdialog.sessioncycle.PublicSession;
import de.stadtdialog.sessioncycle.SessionCycleScenario;

/**
 * The machine-readable project list: JSON with ISO dates, a well-formed Atom 1.0 feed with escaped texts, and an
 * RFC 5545 calendar of deadlines and announced sessions (CRLF, folding at 75 octets, escaped TEXT values).
 */
@StadtdialogSpringTest
class ProjectFeedTests {

    private static final String ATOM = "http://www.w3.org/2005/Atom";
    private static final Pattern UTC_DATE_TIME = Pattern.compile("\\d{8}T\\d{6}Z");
    private static final DateTimeFormatter ICS_UTC = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'")
        .withZone(ZoneOffset.UTC);

    @Autowired
    MockMvc mvc;
    @Autowired
    ApplicationContext context;
    @Autowired
    ObjectMapper json;
    @Autowired
    ProcedureRepository procedures;
    @Autowired
    TenantRepository tenants;

    PortalTestData data;
    SessionCycleScenario scenario;

    @BeforeEach
    void setUp() {
        data = new PortalTestData(context);
        scenario = new SessionCycleScenario(context);
    }

    @AfterEach
    void removeTenant() {
        tenants.findById("feed-" + data.token).ifPresent(tenants::delete);
    }

    @Test
    void jsonListsPublishedEntriesWithIsoDatesAndTheTextsAsEntered() throws Exception {
        Procedure procedure = procedures.findById(scenario.plan(inDays(30), NoticePeriod.DEFAULT).getId())
            .orElseThrow();
        String title = "<script>alert(\"" + data.token + "\")</script> & Radweg";
        ProjectListEntry entry = data.entry(PortalTestData.TENANT, procedure, title, ParticipationStatus.FORMAL, true);
        ProjectListEntry draft = data.entry(PortalTestData.TENANT, null, "Entwurf " + data.token,
            ParticipationStatus.NONE, false);

        MvcResult result = mvc.perform(get("/oeffentlich/vorhaben.json")).andExpect(status().isOk()).andReturn();
        assertThat(result.getResponse().getContentType()).startsWith("application/json");
        JsonNode list = json.readTree(result.getResponse().getContentAsString(StandardCharsets.UTF_8));

        assertThat(list.path("tenant").path("id").asText()).isEqualTo("kaiserslautern");
        assertThat(list.path("tenant").path("name").asText()).isEqualTo("Kaiserslautern");
        assertThat(OffsetDateTime.parse(list.path("generatedAt").asText())).isNotNull();
        assertThat(list.path("url").asText()).endsWith("/oeffentlich/vorhaben");
        JsonNode item = find(list, entry.getId());
        assertThat(item.path("title").asText()).isEqualTo(title);
        assertThat(item.path("shortDescription").asText()).isEqualTo(entry.getShortDescription());
        assertThat(item.path("place").asText()).isEqualTo("Innenstadt " + data.token);
        assertThat(item.path("participationStatus").asText()).isEqualTo("FORMAL");
        assertThat(item.path("participationStatusLabel").asText()).isEqualTo("formell");
        assertThat(item.path("phase").asText()).isEqualTo("Tagesordnung entwerfen");
        assertThat(OffsetDateTime.parse(item.path("nextDeadline").asText()).toInstant())
            .isEqualTo(procedure.getNextDeadline());
        assertThat(item.path("nextDeadline").asText()).as("Berlin offset").matches(".*\\+0[12]:00");
        assertThat(OffsetDateTime.parse(item.path("updatedAt").asText())).isNotNull();
        assertThat(item.path("procedureEnded").asBoolean()).isFalse();
        assertThat(item.path("url").asText()).endsWith("/oeffentlich/vorhaben/" + entry.getId());
        assertThat(item.has("cost")).isTrue();
        assertThat(item.path("cost").isNull()).isTrue();
        assertThat(find(list, draft.getId())).isNull();

        JsonNode english = json.readTree(mvc.perform(get("/oeffentlich/vorhaben.json").param("lang", "en"))
            .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8));
        assertThat(find(english, entry.getId()).path("participationStatusLabel").asText()).isEqualTo("formal");
    }

    @Test
    void eachMunicipalityHasItsOwnFeeds() throws Exception {
        tenants.save(new Tenant("feed-" + data.token, "Gemeinde " + data.token));
        ProjectListEntry theirs = data.entry("feed-" + data.token, null, "Dorfplatz " + data.token,
            ParticipationStatus.INFORMAL, true);

        JsonNode their = json.readTree(body(get("/oeffentlich/vorhaben.json").param("mandant", "feed-" + data.token)));
        assertThat(their.path("projects")).hasSize(1);
        assertThat(their.path("url").asText()).endsWith("/oeffentlich/vorhaben?mandant=feed-" + data.token);
        assertThat(find(json.readTree(body(get("/oeffentlich/vorhaben.json"))), theirs.getId())).isNull();
        assertThat(body(get("/oeffentlich/vorhaben.atom"))).doesNotContain("Dorfplatz " + data.token);
        assertThat(body(get("/oeffentlich/vorhaben.atom").param("mandant", "feed-" + data.token)))
            .contains("Dorfplatz " + data.token);
        for (String feed : List.of("/oeffentlich/vorhaben.json", "/oeffentlich/vorhaben.atom", "/oeffentlich/termine.ics")) {
            mvc.perform(get(feed).param("mandant", "gibt-es-nicht")).andExpect(status().isNotFound());
        }
    }

    @Test
    void atomIsAWellFormedFeedWithEscapedTexts() throws Exception {
        String title = "<b>Fett</b> & <script>alert('" + data.token + "')</script>";
        ProjectListEntry entry = data.entry(PortalTestData.TENANT, null, title, ParticipationStatus.CAN_BE_REQUESTED,
            true);

        MvcResult result = mvc.perform(get("/oeffentlich/vorhaben.atom")).andExpect(status().isOk()).andReturn();
        assertThat(result.getResponse().getContentType()).startsWith("application/atom+xml");
        String xml = result.getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(xml).doesNotContain("<script>", "<b>Fett");
        assertThat(xml).contains("&lt;script&gt;");

        Document feed = parse(xml);
        Element root = feed.getDocumentElement();
        assertThat(root.getLocalName()).isEqualTo("feed");
        assertThat(root.getNamespaceURI()).isEqualTo(ATOM);
        assertThat(root.getAttributeNS("http://www.w3.org/XML/1998/namespace", "lang")).isEqualTo("de");
        assertThat(child(root, "id").getTextContent()).endsWith("/oeffentlich/vorhaben.atom");
        assertThat(child(root, "title").getTextContent()).isEqualTo("Vorhabenliste – Kaiserslautern");
        assertThat(child(child(root, "author"), "name").getTextContent()).isEqualTo("Kaiserslautern");
        assertRfc3339(child(root, "updated").getTextContent());
        assertThat(links(root)).containsKeys("self", "alternate");
        assertThat(links(root).get("self")).endsWith("/oeffentlich/vorhaben.atom");

        List<String> ids = new ArrayList<>();
        Element mine = null;
        NodeList entries = root.getElementsByTagNameNS(ATOM, "entry");
        for (int i = 0; i < entries.getLength(); i++) {
            Element e = (Element) entries.item(i);
            ids.add(child(e, "id").getTextContent());
            assertRfc3339(child(e, "updated").getTextContent());
            assertRfc3339(child(e, "published").getTextContent());
            assertThat(child(e, "title").getAttribute("type")).isEqualTo("text");
            assertThat(links(e)).containsKey("alternate");
            if (child(e, "id").getTextContent().endsWith("/oeffentlich/vorhaben/" + entry.getId())) {
                mine = e;
            }
        }
        assertThat(ids).doesNotHaveDuplicates();
        assertThat(mine).isNotNull();
        assertThat(child(mine, "title").getTextContent()).isEqualTo(title);
        assertThat(child(mine, "summary").getTextContent()).contains(entry.getShortDescription(),
            "Beteiligung: kann beantragt werden", "Ort: Innenstadt " + data.token);
        Element category = child(mine, "category");
        assertThat(category.getAttribute("term")).isEqualTo("CAN_BE_REQUESTED");
        assertThat(category.getAttribute("label")).isEqualTo("kann beantragt werden");
    }

    @Test
    void theCalendarHasDeadlinesAndAnnouncedSessionsInRfc5545Form() throws Exception {
        Procedure announced = scenario.plan(inDays(40), NoticePeriod.DEFAULT);
        scenario.inviteTo(announced);
        PublicSession session = scenario.session(announced);
        Procedure planned = procedures.findById(scenario.plan(inDays(50), NoticePeriod.DEFAULT).getId())
            .orElseThrow();
        PublicSession notYetAnnounced = scenario.session(planned);
        String title = "Radweg, Nord; Süd \\ Ost " + data.token + " – eine sehr lange Überschrift mit Umlauten äöü ÄÖÜ ß";
        ProjectListEntry entry = data.entry(PortalTestData.TENANT, planned, title, ParticipationStatus.FORMAL, true);
        Instant deadline = new NoticePeriod(4).invitationDeadline(notYetAnnounced.getStartsAt());

        MvcResult result = mvc.perform(get("/oeffentlich/termine.ics")).andExpect(status().isOk()).andReturn();
        assertThat(result.getResponse().getContentType()).startsWith("text/calendar");
        byte[] bytes = result.getResponse().getContentAsByteArray();
        String ics = new String(bytes, StandardCharsets.UTF_8);

        assertThat(ics).endsWith("\r\n");
        assertThat(ics.replace("\r\n", "")).as("only CRLF line ends").doesNotContain("\n", "\r");
        for (String line : ics.split("\r\n")) {
            assertThat(line.getBytes(StandardCharsets.UTF_8).length).as("octets of %s", line).isLessThanOrEqualTo(75);
        }
        List<String> lines = List.of(ics.replace("\r\n ", "").split("\r\n"));
        assertThat(lines.get(0)).isEqualTo("BEGIN:VCALENDAR");
        assertThat(lines.get(lines.size() - 1)).isEqualTo("END:VCALENDAR");
        assertThat(lines).contains("VERSION:2.0", "METHOD:PUBLISH", "CALSCALE:GREGORIAN");
        assertThat(lines).anyMatch(line -> line.startsWith("PRODID:"));

        List<Map<String, String>> events = events(lines);
        for (Map<String, String> event : events) {
            assertThat(event).containsKeys("UID", "DTSTAMP", "DTSTART", "SUMMARY");
            assertThat(event.get("DTSTAMP")).matches(UTC_DATE_TIME);
            assertThat(event.get("DTSTART")).matches(UTC_DATE_TIME);
        }
        assertThat(events).extracting(event -> event.get("UID")).doesNotHaveDuplicates();

        Map<String, String> deadlineEvent = events.stream()
            .filter(event -> event.get("SUMMARY").contains(data.token)).findFirst().orElseThrow();
        assertThat(deadlineEvent.get("SUMMARY")).isEqualTo("Frist: Tagesordnung entwerfen ("
            + title.replace("\\", "\\\\").replace(",", "\\,").replace(";", "\\;") + ")");
        assertThat(deadlineEvent.get("DTSTART")).isEqualTo(ICS_UTC.format(deadline));
        assertThat(deadlineEvent.get("DESCRIPTION")).startsWith("Vorhaben: Radweg\\, Nord\\; Süd \\\\ Ost")
            .contains("\\nSchritt: Tagesordnung entwerfen\\nbis " + NoticePeriod.format(deadline).replace(",", "\\,"))
            .endsWith("/oeffentlich/vorhaben/" + entry.getId());
        assertThat(deadlineEvent.get("URL")).endsWith("/oeffentlich/vorhaben/" + entry.getId());
        assertThat(deadlineEvent.get("UID")).startsWith("frist-" + planned.getId() + "-");

        Map<String, String> sessionEvent = events.stream()
            .filter(event -> event.get("UID").startsWith("sitzung-" + session.getId() + "@")).findFirst().orElseThrow();
        assertThat(sessionEvent.get("SUMMARY")).isEqualTo(session.getTitle());
        assertThat(sessionEvent.get("DTSTART")).isEqualTo(ICS_UTC.format(session.getStartsAt()));
        assertThat(sessionEvent.get("LOCATION")).isEqualTo("Rathaus\\, Sitzungssaal 2");
        assertThat(sessionEvent.get("DESCRIPTION")).contains("TOP 1: Begrüßung\\nTOP 2:");
        assertThat(sessionEvent.get("URL")).endsWith("/oeffentlich/sitzungen/" + session.getId());
        assertThat(events).noneMatch(event -> event.get("UID").startsWith("sitzung-" + notYetAnnounced.getId() + "@"));
        assertThat(ics).as("recipients are not public").doesNotContain("@example.org");
    }

    /** Properties of each VEVENT by name (parameters dropped), from unfolded lines. */
    private static List<Map<String, String>> events(List<String> lines) {
        List<Map<String, String>> events = new ArrayList<>();
        Map<String, String> current = null;
        for (String line : lines) {
            if (line.equals("BEGIN:VEVENT")) {
                current = new LinkedHashMap<>();
            } else if (line.equals("END:VEVENT")) {
                events.add(current);
                current = null;
            } else if (current != null) {
                int colon = line.indexOf(':');
                String name = line.substring(0, colon).split(";")[0];
                assertThat(current).as("property %s once per event", name).doesNotContainKey(name);
                current.put(name, line.substring(colon + 1));
            }
        }
        return events;
    }

    private static JsonNode find(JsonNode list, long id) {
        for (JsonNode item : list.path("projects")) {
            if (item.path("id").asLong() == id) {
                return item;
            }
        }
        return null;
    }

    private static Document parse(String xml) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        return factory.newDocumentBuilder().parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
    }

    private static Element child(Element parent, String name) {
        NodeList children = parent.getChildNodes();
        for (int i = 0; i < children.getLength(); i++) {
            if (children.item(i) instanceof Element element && ATOM.equals(element.getNamespaceURI())
                    && name.equals(element.getLocalName())) {
                return element;
            }
        }
        throw new AssertionError("No <" + name + "> in <" + parent.getLocalName() + ">");
    }

    private static Map<String, String> links(Element parent) {
        Map<String, String> links = new LinkedHashMap<>();
        NodeList children = parent.getChildNodes();
        for (int i = 0; i < children.getLength(); i++) {
            if (children.item(i) instanceof Element element && "link".equals(element.getLocalName())) {
                links.put(element.getAttribute("rel"), element.getAttribute("href"));
            }
        }
        return links;
    }

    private static void assertRfc3339(String value) {
        assertThat(value).matches("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}Z");
        assertThat(OffsetDateTime.parse(value)).isNotNull();
    }

    private static Instant inDays(int days) {
        return LocalDate.now(NoticePeriod.ZONE).plusDays(days).atTime(18, 0).atZone(NoticePeriod.ZONE).toInstant();
    }

    private String body(MockHttpServletRequestBuilder request) throws Exception {
        return mvc.perform(request).andExpect(status().isOk()).andReturn().getResponse()
            .getContentAsString(StandardCharsets.UTF_8);
    }
}
