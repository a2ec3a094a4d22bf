package de.stadtdialog.portal.internal;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.stream.Stream;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import de.stadtdialog.portal.PublicDate;
import de.stadtdialog.portal.PublicDates;
import de.stadtdialog.portal.internal.PublicProjects.Listed;
import de.stadtdialog.portal.internal.PublicTimeline.UpcomingDate;
import de.stadtdialog.procedure.Tenant;

/**
 * The project list for machines: JSON for reuse (open data), Atom for feed readers, and an iCalendar feed of the
 * public dates (deadlines of the listed procedures, announced public sessions) to subscribe to. Same content as
 * the public pages, same tenant choice ({@code ?mandant=}), nothing that is not on the pages.
 */
@RestController
class ProjectFeedController {

    static final MediaType ATOM = MediaType.parseMediaType("application/atom+xml;charset=UTF-8");
    static final MediaType CALENDAR = MediaType.parseMediaType("text/calendar;charset=UTF-8");

    private final PublicProjects projects;
    private final PublicTenants tenants;
    private final PublicTimelines timelines;
    private final ObjectProvider<PublicDates> publicDates;
    private final MessageSource messages;
    private final PortalDates dates;
    private final Clock clock;
    private final String baseUrl;

    ProjectFeedController(PublicProjects projects, PublicTenants tenants, PublicTimelines timelines,
            ObjectProvider<PublicDates> publicDates, MessageSource messages, PortalDates dates, Clock clock,
            @Value("${stadtdialog.public-base-url:http://localhost:8080}") String baseUrl) {
        this.projects = projects;
        this.tenants = tenants;
        this.timelines = timelines;
        this.publicDates = publicDates;
        this.messages = messages;
        this.dates = dates;
        this.clock = clock;
        this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
    }

    public record ProjectList(TenantInfo tenant, String generatedAt, String url, List<ProjectItem> projects) {
    }

    public record TenantInfo(String id, String name) {
    }

    public record ProjectItem(long id, String title, String shortDescription, String place,
            String participationStatus, String participationStatusLabel, String cost, String schedule,
            String phase, String nextDeadline, boolean procedureEnded, String updatedAt, String url) {
    }

    @GetMapping(value = "/oeffentlich/vorhaben.json", produces = MediaType.APPLICATION_JSON_VALUE)
    ProjectList json(@RequestParam(name = "mandant", required = false) String tenantId, Locale locale) {
        Tenant tenant = tenants.required(tenantId);
        List<ProjectItem> items = projects.listed(tenant.getId()).stream().map(listed -> {
            PublicProject project = listed.project();
            ProjectListEntry entry = project.entry();
            return new ProjectItem(entry.getId(), entry.getTitle(), entry.getShortDescription(), entry.getPlace(),
                entry.getParticipationStatus().name(), message(entry.getParticipationStatus().messageKey(), locale),
                entry.getCost(), entry.getSchedule(), project.phase(), dates.iso(project.nextDeadline()),
                project.procedureEnded(), dates.iso(updated(listed)), projectUrl(entry));
        }).toList();
        return new ProjectList(new TenantInfo(tenant.getId(), tenant.getName()), dates.iso(clock.instant()),
            url("/oeffentlich/vorhaben", tenant), items);
    }

    @GetMapping("/oeffentlich/vorhaben.atom")
    ResponseEntity<String> atom(@RequestParam(name = "mandant", required = false) String tenantId, Locale locale) {
        Tenant tenant = tenants.required(tenantId);
        List<Listed> listed = projects.listed(tenant.getId());
        List<AtomFeed.Entry> entries = listed.stream()
            .sorted(Comparator.comparing(this::updated).reversed())
            .map(item -> {
                ProjectListEntry entry = item.project().entry();
                return new AtomFeed.Entry(projectUrl(entry), entry.getTitle(), summary(item.project(), locale),
                    entry.getCreatedAt(), updated(item), projectUrl(entry), entry.getParticipationStatus().name(),
                    message(entry.getParticipationStatus().messageKey(), locale));
            }).toList();
        Instant updated = listed.stream().map(this::updated).max(Comparator.naturalOrder()).orElse(clock.instant());
        String feed = AtomFeed.write(new AtomFeed.Feed(url("/oeffentlich/vorhaben.atom", tenant),
            message("portal.projects.heading", locale, tenant.getName()), message("portal.projects.intro", locale),
            updated, tenant.getName(), url("/oeffentlich/vorhaben.atom", tenant), url("/oeffentlich/vorhaben", tenant),
            locale.getLanguage(), entries));
        return ResponseEntity.ok().contentType(ATOM).body(feed);
    }

    @GetMapping("/oeffentlich/termine.ics")
    ResponseEntity<String> calendar(@RequestParam(name = "mandant", required = false) String tenantId,
            Locale locale) {
        Tenant tenant = tenants.required(tenantId);
        String host = host();
        Instant now = clock.instant();
        ICalendar ics = new ICalendar().begin("VCALENDAR")
            .raw("VERSION", "2.0")
            .text("PRODID", "-//Stadtdialog//Vorhabenliste//" + locale.getLanguage().toUpperCase(Locale.ROOT))
            .raw("CALSCALE", "GREGORIAN")
            .raw("METHOD", "PUBLISH")
            .text("X-WR-CALNAME", message("portal.ics.name", locale, tenant.getName()))
            .text("X-WR-TIMEZONE", PortalDates.ZONE.getId());
        for (Listed listed : projects.listed(tenant.getId())) {
            if (listed.procedure() == null) {
                continue;
            }
            ProjectListEntry entry = listed.project().entry();
            for (UpcomingDate deadline : timelines.upcoming(listed.procedure())) {
                if (!deadline.isDeadline()) {
                    continue;
                }
                ics.begin("VEVENT")
                    .text("UID", "frist-" + listed.procedure().getId() + "-" + shortHash(deadline.name()) + "@" + host)
                    .time("DTSTAMP", now)
                    .time("DTSTART", deadline.at())
                    .text("SUMMARY", message("portal.ics.deadline", locale, deadline.name(), entry.getTitle()))
                    .text("DESCRIPTION", message("portal.ics.deadline.description", locale, entry.getTitle(),
                        deadline.name(), dates.dateTime(deadline.at(), locale), projectUrl(entry)))
                    .text("LOCATION", entry.getPlace())
                    .raw("URL", projectUrl(entry))
                    .raw("TRANSP", "TRANSPARENT")
                    .end("VEVENT");
            }
        }
        for (PublicDate date : sessionsAndOtherDates(tenant)) {
            ics.begin("VEVENT")
                .text("UID", date.key() + "@" + host)
                .time("DTSTAMP", now)
                .time("DTSTART", date.startsAt())
                .time("DTEND", date.endsAt())
                .time("LAST-MODIFIED", date.changedAt())
                .text("SUMMARY", date.summary())
                .text("DESCRIPTION", date.description())
                .text("LOCATION", date.location());
            if (date.path() != null) {
                ics.raw("URL", baseUrl + date.path());
            }
            ics.end("VEVENT");
        }
        ics.end("VCALENDAR");
        return ResponseEntity.ok().contentType(CALENDAR)
            .header("Content-Disposition", "inline; filename=\"termine.ics\"").body(ics.toString());
    }

    private List<PublicDate> sessionsAndOtherDates(Tenant tenant) {
        List<PublicDate> all = new ArrayList<>();
        publicDates.orderedStream().forEach(source -> all.addAll(source.datesOf(tenant.getId())));
        all.removeIf(date -> date.startsAt() == null || date.key() == null);
        all.sort(Comparator.comparing(PublicDate::startsAt));
        return all;
    }

    /** When the entry or its procedure's phase last changed: both are news for a feed reader. */
    private Instant updated(Listed listed) {
        Instant entryUpdated = listed.project().entry().getUpdatedAt();
        Instant procedureUpdated = listed.procedure() == null ? null : listed.procedure().getUpdatedAt();
        return Stream.of(entryUpdated, procedureUpdated).filter(Objects::nonNull).max(Comparator.naturalOrder())
            .orElse(entryUpdated);
    }

    private String summary(PublicProject project, Locale locale) {
        ProjectListEntry entry = project.entry();
        StringBuilder text = new StringBuilder(entry.getShortDescription());
        text.append("\n").append(message("portal.project.place", locale)).append(": ").append(entry.getPlace());
        text.append("\n").append(message("portal.project.participation", locale)).append(": ")
            .append(message(entry.getParticipationStatus().messageKey(), locale));
        if (project.phase() != null) {
            text.append("\n").append(message("portal.project.phase", locale)).append(": ").append(project.phase());
        }
        return text.toString();
    }

    private String projectUrl(ProjectListEntry entry) {
        return baseUrl + "/oeffentlich/vorhaben/" + entry.getId();
    }

    private String url(String path, Tenant tenant) {
        return baseUrl + path + (tenants.isDefault(tenant) ? ""
            : "?mandant=" + URLEncoder.encode(tenant.getId(), StandardCharsets.UTF_8));
    }

    private String host() {
        try {
            String host = URI.create(baseUrl).getHost();
            return host == null ? "stadtdialog" : host;
        } catch (IllegalArgumentException e) {
            return "stadtdialog";
        }
    }

    private static String shortHash(String text) {
        try {
            byte[] digest = java.security.MessageDigest.getInstance("SHA-256")
                .digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 6);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private String message(String key, Locale locale, Object... args) {
        return messages.getMessage(key, args, locale);
    }
}
