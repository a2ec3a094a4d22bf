package de.stadtdialog.council.internal;

import static de.stadtdialog.council.internal.OParlObjects.SCHEMA;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.stream.Stream;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;
import org.springframework.web.util.UriComponentsBuilder;

import de.stadtdialog.council.AgendaItem;
import de.stadtdialog.council.AgendaItemRepository;
import de.stadtdialog.council.Consultation;
import de.stadtdialog.council.ConsultationRepository;
import de.stadtdialog.council.CouncilBody;
import de.stadtdialog.council.CouncilBodyRepository;
import de.stadtdialog.council.CouncilDates;
import de.stadtdialog.council.Meeting;
import de.stadtdialog.council.MeetingRepository;
import de.stadtdialog.council.Motion;
import de.stadtdialog.council.MotionRepository;
import de.stadtdialog.council.internal.OParlObjects.AgendaItemObject;
import de.stadtdialog.council.internal.OParlObjects.BodyObject;
import de.stadtdialog.council.internal.OParlObjects.ConsultationObject;
import de.stadtdialog.council.internal.OParlObjects.FileObject;
import de.stadtdialog.council.internal.OParlObjects.ListPage;
import de.stadtdialog.council.internal.OParlObjects.LocationObject;
import de.stadtdialog.council.internal.OParlObjects.MeetingObject;
import de.stadtdialog.council.internal.OParlObjects.OrganizationObject;
import de.stadtdialog.council.internal.OParlObjects.PaperObject;
import de.stadtdialog.council.internal.OParlObjects.SystemObject;
import de.stadtdialog.procedure.Procedure;
import de.stadtdialog.procedure.ProcedureRepository;
import de.stadtdialog.procedure.Tenant;
import de.stadtdialog.procedure.TenantRepository;

/**
 * OParl 1.1, read-only and public: the council business of this system's procedures (the motions from
 * participation procedures, their consultations, the meetings and agenda items) for council information systems and
 * any OParl client. Entry point: the System object at {@code /oparl/v1.1}. One Body per municipality. Ids are
 * absolute URLs of this server (built from the request, so they follow the proxy's forwarded host). Drafts are not
 * public: a motion appears once it is on a meeting's agenda. Reading a city's own OParl system is not done here.
 */
@RestController
@RequestMapping(value = OParlController.ROOT, produces = MediaType.APPLICATION_JSON_VALUE)
@Transactional(readOnly = true)
class OParlController {

    static final String ROOT = "/oparl/v1.1";
    static final int PAGE_SIZE = 20;
    /** OParl: exactly yyyy-mm-ddThh:mm:ss±hh:mm, no fractions. */
    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ssxxx");

    private final TenantRepository tenants;
    private final CouncilBodyRepository bodies;
    private final MeetingRepository meetings;
    private final AgendaItemRepository agendaItems;
    private final ConsultationRepository consultations;
    private final MotionRepository motions;
    private final ProcedureRepository procedures;
    private final Clock clock;

    OParlController(TenantRepository tenants, CouncilBodyRepository bodies, MeetingRepository meetings,
            AgendaItemRepository agendaItems, ConsultationRepository consultations, MotionRepository motions,
            ProcedureRepository procedures, Clock clock) {
        this.tenants = tenants;
        this.bodies = bodies;
        this.meetings = meetings;
        this.agendaItems = agendaItems;
        this.consultations = consultations;
        this.motions = motions;
        this.procedures = procedures;
        this.clock = clock;
    }

    @GetMapping({"", "/"})
    ResponseEntity<SystemObject> system() {
        String created = time(firstCreated(null));
        return json(new SystemObject(url(""), SCHEMA + "System", SCHEMA, url("/body"),
            "Stadtdialog – Bürgerbeteiligung", base(), null, null, created, created, base() + "/oeffentlich"));
    }

    @GetMapping("/body")
    ResponseEntity<ListPage> bodyList(@RequestParam Map<String, String> params, HttpServletRequest request) {
        return list(tenants.findAll().stream().sorted(Comparator.comparing(Tenant::getId)).map(this::body).toList(),
            BodyObject::created, BodyObject::modified, params, request);
    }

    @GetMapping("/body/{tenantId}")
    ResponseEntity<BodyObject> body(@PathVariable String tenantId) {
        return json(body(tenants.findById(tenantId).orElseThrow(OParlController::notFound)));
    }

    @GetMapping("/body/{tenantId}/organization")
    ResponseEntity<ListPage> organizations(@PathVariable String tenantId, @RequestParam Map<String, String> params,
            HttpServletRequest request) {
        return list(bodies.findByTenantIdOrderByNameAsc(tenant(tenantId)).stream()
            .sorted(Comparator.comparing(CouncilBody::getId)).map(this::organization).toList(),
            OrganizationObject::created, OrganizationObject::modified, params, request);
    }

    @GetMapping("/body/{tenantId}/person")
    ResponseEntity<ListPage> persons(@PathVariable String tenantId, @RequestParam Map<String, String> params,
            HttpServletRequest request) {
        tenant(tenantId);
        // members of the bodies are kept in the city's council information system, not here
        return list(List.<Object>of(), o -> null, o -> null, params, request);
    }

    @GetMapping("/body/{tenantId}/meeting")
    ResponseEntity<ListPage> meetingList(@PathVariable String tenantId, @RequestParam Map<String, String> params,
            HttpServletRequest request) {
        return list(publicMeetings(tenant(tenantId)).map(this::meeting).toList(), MeetingObject::created,
            MeetingObject::modified, params, request);
    }

    @GetMapping("/body/{tenantId}/paper")
    ResponseEntity<ListPage> paperList(@PathVariable String tenantId, @RequestParam Map<String, String> params,
            HttpServletRequest request) {
        return list(publicMotions(tenant(tenantId)).map(this::paper).toList(), PaperObject::created,
            PaperObject::modified, params, request);
    }

    @GetMapping("/body/{tenantId}/agendaItem")
    ResponseEntity<ListPage> agendaItemList(@PathVariable String tenantId, @RequestParam Map<String, String> params,
            HttpServletRequest request) {
        return list(agendaItems.findByTenantIdOrderByIdAsc(tenant(tenantId)).stream().map(this::agendaItem).toList(),
            AgendaItemObject::created, AgendaItemObject::modified, params, request);
    }

    @GetMapping("/body/{tenantId}/consultation")
    ResponseEntity<ListPage> consultationList(@PathVariable String tenantId, @RequestParam Map<String, String> params,
            HttpServletRequest request) {
        List<Long> visible = publicMotions(tenant(tenantId)).map(Motion::getId).toList();
        return list(consultations.findByTenantIdOrderByIdAsc(tenantId).stream()
            .filter(c -> visible.contains(c.getMotionId())).map(this::consultation).toList(),
            ConsultationObject::created, ConsultationObject::modified, params, request);
    }

    @GetMapping("/body/{tenantId}/file")
    ResponseEntity<ListPage> fileList(@PathVariable String tenantId, @RequestParam Map<String, String> params,
            HttpServletRequest request) {
        return list(publicMotions(tenant(tenantId)).filter(m -> m.getResultsReportUrl() != null).map(this::file)
            .toList(), FileObject::created, FileObject::modified, params, request);
    }

    @GetMapping("/body/{tenantId}/location")
    ResponseEntity<ListPage> locationList(@PathVariable String tenantId, @RequestParam Map<String, String> params,
            HttpServletRequest request) {
        return list(publicMeetings(tenant(tenantId)).filter(m -> m.getLocation() != null).map(this::location)
            .toList(), LocationObject::created, LocationObject::modified, params, request);
    }

    @GetMapping("/organization/{id}")
    ResponseEntity<OrganizationObject> organization(@PathVariable long id) {
        return json(organization(bodies.findById(id).orElseThrow(OParlController::notFound)));
    }

    @GetMapping("/meeting/{id}")
    ResponseEntity<MeetingObject> meeting(@PathVariable long id) {
        return json(meeting(meetings.findById(id).filter(m -> m.getInvitationSentAt() != null)
            .orElseThrow(OParlController::notFound)));
    }

    @GetMapping("/location/{meetingId}")
    ResponseEntity<LocationObject> location(@PathVariable long meetingId) {
        return json(location(meetings.findById(meetingId).filter(m -> m.getInvitationSentAt() != null)
            .filter(m -> m.getLocation() != null).orElseThrow(OParlController::notFound)));
    }

    @GetMapping("/agendaitem/{id}")
    ResponseEntity<AgendaItemObject> agendaItem(@PathVariable long id) {
        return json(agendaItem(agendaItems.findById(id).orElseThrow(OParlController::notFound)));
    }

    @GetMapping("/paper/{id}")
    ResponseEntity<PaperObject> paper(@PathVariable long id) {
        return json(paper(motions.findById(id).filter(this::isPublic).orElseThrow(OParlController::notFound)));
    }

    @GetMapping("/consultation/{id}")
    ResponseEntity<ConsultationObject> consultation(@PathVariable long id) {
        return json(consultation(consultations.findById(id)
            .filter(c -> motions.findById(c.getMotionId()).filter(this::isPublic).isPresent())
            .orElseThrow(OParlController::notFound)));
    }

    @GetMapping("/file/{motionId}")
    ResponseEntity<FileObject> file(@PathVariable long motionId) {
        return json(file(motions.findById(motionId).filter(this::isPublic).filter(m -> m.getResultsReportUrl() != null)
            .orElseThrow(OParlController::notFound)));
    }

    // --- objects

    private BodyObject body(Tenant tenant) {
        String self = url("/body/" + tenant.getId());
        Instant created = firstCreated(tenant.getId());
        Instant modified = Stream.concat(Stream.of(created),
            motions.findByTenantIdOrderByIdAsc(tenant.getId()).stream().map(Motion::getModifiedAt))
            .max(Comparator.naturalOrder()).orElse(created);
        return new BodyObject(self, SCHEMA + "Body", url(""), tenant.getName(), tenant.getName(), null,
            self + "/organization", self + "/person", self + "/meeting", self + "/paper", List.of(),
            self + "/agendaItem", self + "/consultation", self + "/file", self + "/location", "Kommune", time(created),
            time(modified), base() + "/oeffentlich?mandant=" + tenant.getId());
    }

    private OrganizationObject organization(CouncilBody body) {
        String created = time(body.getCreatedAt() != null ? body.getCreatedAt() : firstCreated(body.getTenantId()));
        return new OrganizationObject(url("/organization/" + body.getId()), SCHEMA + "Organization",
            url("/body/" + body.getTenantId()), body.getName(), body.getOrganizationType(), null, created, created);
    }

    private MeetingObject meeting(Meeting meeting) {
        String name = bodyName(meeting.getBodyId()) + " – Sitzung am " + CouncilDates.date(meeting.getStartsAt());
        List<AgendaItemObject> items = agendaItems.findByMeetingIdOrderByNumberAsc(meeting.getId()).stream()
            .map(this::agendaItem).toList();
        return new MeetingObject(url("/meeting/" + meeting.getId()), SCHEMA + "Meeting", name,
            meeting.getStartsAt().isAfter(clock.instant()) ? "terminiert" : "durchgeführt", false,
            time(meeting.getStartsAt()), meeting.getLocation() == null ? null : location(meeting),
            List.of(url("/organization/" + meeting.getBodyId())), items, time(meeting.getCreatedAt()),
            time(meeting.getModifiedAt()), base() + CouncilPaths.PUBLIC + "/sitzungen/" + meeting.getId(),
            time(meeting.getInvitationSentAt()));
    }

    private LocationObject location(Meeting meeting) {
        return new LocationObject(url("/location/" + meeting.getId()), SCHEMA + "Location", meeting.getLocation(),
            List.of(url("/meeting/" + meeting.getId())), time(meeting.getCreatedAt()), time(meeting.getModifiedAt()));
    }

    private AgendaItemObject agendaItem(AgendaItem item) {
        Consultation consultation = consultations.findById(item.getConsultationId()).orElseThrow();
        Motion motion = motions.findById(consultation.getMotionId()).orElseThrow();
        return new AgendaItemObject(url("/agendaitem/" + item.getId()), SCHEMA + "AgendaItem",
            url("/meeting/" + item.getMeetingId()), "Ö " + item.getNumber(), item.getNumber(),
            motion.getSubject() + " (" + motion.getReference() + ")", true,
            url("/consultation/" + consultation.getId()), item.getResult() == null ? null : item.getResult().label(),
            item.getResolutionText(), time(item.getCreatedAt() != null ? item.getCreatedAt() : item.getModifiedAt()),
            time(item.getModifiedAt()), item.getChanges());
    }

    private PaperObject paper(Motion motion) {
        List<ConsultationObject> sequence = consultations.findByMotionIdOrderByRoundAscPositionAsc(motion.getId())
            .stream().map(this::consultation).toList();
        String procedureKey = procedures.findById(motion.getParticipationProcedureId()).map(Procedure::getBusinessKey)
            .orElse(null);
        return new PaperObject(url("/paper/" + motion.getId()), SCHEMA + "Paper", url("/body/" + motion.getTenantId()),
            motion.getSubject(), motion.getReference(), motion.getCreatedAt().atZone(CouncilDates.ZONE).toLocalDate()
                .toString(), "Beschlussvorlage",
            motion.getResultsReportUrl() == null ? null : List.of(file(motion)), sequence,
            time(motion.getCreatedAt()), time(motion.getModifiedAt()),
            base() + CouncilPaths.publicDecision(motion), procedureKey, motion.getParticipationFormat(),
            motion.getParticipationResults(), motion.isDeviates() ? motion.getDeviationReasons() : null,
            motion.getStatus().label(), motion.isDecisionPublished() ? motion.getDecision().label() : null);
    }

    private ConsultationObject consultation(Consultation consultation) {
        String meeting = consultation.getAgendaItemId() == null ? null : agendaItems.findById(
            consultation.getAgendaItemId()).map(item -> url("/meeting/" + item.getMeetingId())).orElse(null);
        Instant created = motions.findById(consultation.getMotionId()).map(Motion::getCreatedAt)
            .orElse(consultation.getModifiedAt());
        return new ConsultationObject(url("/consultation/" + consultation.getId()), SCHEMA + "Consultation",
            url("/paper/" + consultation.getMotionId()),
            consultation.getAgendaItemId() == null ? null : url("/agendaitem/" + consultation.getAgendaItemId()),
            meeting, List.of(url("/organization/" + consultation.getBodyId())), consultation.isAuthoritative(),
            consultation.getRole().label(), time(created), time(consultation.getModifiedAt()),
            consultation.getResult() == null ? null : consultation.getResult().label());
    }

    private FileObject file(Motion motion) {
        String access = motion.getResultsReportUrl().startsWith("/") ? base() + motion.getResultsReportUrl()
            : motion.getResultsReportUrl();
        return new FileObject(url("/file/" + motion.getId()), SCHEMA + "File",
            "Ergebnisbericht der Beteiligung zu " + motion.getReference(), access,
            List.of(url("/paper/" + motion.getId())), time(motion.getCreatedAt()), time(motion.getModifiedAt()),
            !motion.getResultsReportUrl().startsWith("/"));
    }

    // --- what is public

    private Stream<Meeting> publicMeetings(String tenantId) {
        return meetings.findByTenantIdOrderByStartsAtAsc(tenantId).stream().filter(m -> m.getInvitationSentAt() != null)
            .sorted(Comparator.comparing(Meeting::getId));
    }

    private Stream<Motion> publicMotions(String tenantId) {
        return motions.findByTenantIdOrderByIdAsc(tenantId).stream().filter(this::isPublic);
    }

    /** A motion is public once it was put on a meeting's agenda (drafts and internal approval are not). */
    private boolean isPublic(Motion motion) {
        return consultations.findByMotionIdOrderByRoundAscPositionAsc(motion.getId()).stream()
            .anyMatch(c -> c.getAgendaItemId() != null);
    }

    // --- lists, pagination and filters

    private <T> ResponseEntity<ListPage> list(List<T> all, Function<T, String> created, Function<T, String> modified,
            Map<String, String> params, HttpServletRequest request) {
        List<T> filtered = all.stream()
            .filter(o -> within(created.apply(o), params.get("created_since"), params.get("created_until")))
            .filter(o -> within(modified.apply(o), params.get("modified_since"), params.get("modified_until")))
            .toList();
        int size = PAGE_SIZE;
        if (params.get("limit") != null) {
            size = Math.max(1, Math.min(100, integer(params.get("limit"), "limit")));
        }
        int totalPages = Math.max(1, (filtered.size() + size - 1) / size);
        int page = params.get("page") == null ? 1 : integer(params.get("page"), "page");
        if (page < 1 || page > totalPages) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND, "page");
        }
        List<T> data = filtered.subList((page - 1) * size, Math.min(filtered.size(), page * size));
        Map<String, Integer> pagination = new LinkedHashMap<>();
        pagination.put("totalElements", filtered.size());
        pagination.put("elementsPerPage", size);
        pagination.put("currentPage", page);
        pagination.put("totalPages", totalPages);
        Map<String, String> links = new LinkedHashMap<>();
        links.put("first", pageUrl(request, 1));
        if (page > 1) {
            links.put("prev", pageUrl(request, page - 1));
        }
        links.put("self", pageUrl(request, page));
        if (page < totalPages) {
            links.put("next", pageUrl(request, page + 1));
        }
        links.put("last", pageUrl(request, totalPages));
        return json(new ListPage(new ArrayList<>(data), pagination, links));
    }

    /** The same list with the same filters, another page. */
    private static String pageUrl(HttpServletRequest request, int page) {
        return ServletUriComponentsBuilder.fromRequest(request).replaceQueryParam("page", page).build().toUriString();
    }

    private static boolean within(String value, String since, String until) {
        if (since == null && until == null) {
            return true;
        }
        if (value == null) {
            return false;
        }
        OffsetDateTime time = OffsetDateTime.parse(value);
        return (since == null || !time.isBefore(parseTime(since)))
            && (until == null || !time.isAfter(parseTime(until)));
    }

    private static OffsetDateTime parseTime(String value) {
        try {
            return OffsetDateTime.parse(value.replace(' ', '+'));
        } catch (DateTimeParseException e) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "Not a date-time: " + value);
        }
    }

    private static int integer(String value, String name) {
        try {
            return Integer.parseInt(value.trim());
        } catch (NumberFormatException e) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "Not a number: " + name);
        }
    }

    // --- helpers

    private String tenant(String tenantId) {
        return tenants.findById(tenantId).map(Tenant::getId).orElseThrow(OParlController::notFound);
    }

    private String bodyName(Long bodyId) {
        return bodies.findById(bodyId).map(CouncilBody::getName).orElse("");
    }

    private Instant firstCreated(String tenantId) {
        return (tenantId == null ? bodies.findAll() : bodies.findByTenantIdOrderByNameAsc(tenantId)).stream()
            .map(CouncilBody::getCreatedAt).filter(Objects::nonNull).min(Comparator.naturalOrder())
            .orElse(Instant.parse("2026-01-01T00:00:00Z"));
    }

    private static String time(Instant instant) {
        return instant == null ? null : DATE_TIME.format(instant.atZone(CouncilDates.ZONE).toOffsetDateTime());
    }

    private static String base() {
        return ServletUriComponentsBuilder.fromCurrentContextPath().build().toUriString();
    }

    private static String url(String path) {
        return UriComponentsBuilder.fromUriString(base()).path(ROOT + path).build().toUriString();
    }

    private static <T> ResponseEntity<T> json(T body) {
        // OParl clients run in browsers too: the spec asks for CORS on every response
        return ResponseEntity.ok().header("Access-Control-Allow-Origin", "*").body(body);
    }

    private static ResponseStatusException notFound() {
        return new ResponseStatusException(HttpStatus.NOT_FOUND);
    }
}
