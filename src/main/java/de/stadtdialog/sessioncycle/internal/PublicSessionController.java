package de.stadtdialog.sessioncycle.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.springframework.data.domain.Sort;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;

import de.stadtdialog.procedure.Tenant;
import de.stadtdialog.procedure.TenantRepository;
import de.stadtdialog.sessioncycle.NoticePeriod;
import de.stadtdialog.sessioncycle.PublicSession;
import de.stadtdialog.sessioncycle.PublicSessionRepository;

/**
 * The public pages, without login: sessions whose invitation is published, and each session with its agenda and,
 * once approved and published, its minutes. Sessions not yet announced do not exist here (404). Recipients, staff
 * user ids, review comments and the reschedule log are staff data and never reach these pages.
 */
@Controller
@RequestMapping("/oeffentlich/sitzungen")
class PublicSessionController {

    private final PublicSessionRepository sessions;
    private final TenantRepository tenants;
    private final Clock clock;

    PublicSessionController(PublicSessionRepository sessions, TenantRepository tenants, Clock clock) {
        this.sessions = sessions;
        this.tenants = tenants;
        this.clock = clock;
    }

    /** Only what the public may read; attendance and minutes only once the minutes are published. */
    public record PublicSessionView(Long id, String tenantId, String body, String title, Instant startsAt,
            String location, String format, String agenda, boolean minutesPublished, Instant minutesPublishedAt,
            Integer attendeeCount, Boolean quorate, String attendance, String minutes) {

        /** "02.12.2026, 18:00 Uhr" in Europe/Berlin. */
        public String startsAtText() {
            return NoticePeriod.format(startsAt);
        }

        public String minutesPublishedAtText() {
            return minutesPublishedAt == null ? null : NoticePeriod.format(minutesPublishedAt);
        }

        static PublicSessionView of(PublicSession session) {
            boolean published = session.isMinutesPublished();
            return new PublicSessionView(session.getId(), session.getTenantId(), session.getBody(),
                session.getTitle(), session.getStartsAt(), session.getLocation(), session.getFormat(),
                session.getAgenda(), published, published ? session.getMinutesPublishedAt() : null,
                published ? session.getAttendeeCount() : null, published ? session.getQuorate() : null,
                published ? session.getAttendance() : null, published ? session.getMinutes() : null);
        }
    }

    @GetMapping
    String list(@RequestParam(name = "mandant", required = false) String tenantId, Model model) {
        Optional<Tenant> tenant = chosenTenant(tenantId);
        if (tenant.isEmpty()) {
            model.addAttribute("tenants", tenants.findAll(Sort.by("name")));
            return "sessioncycle/public-tenants";
        }
        Instant now = clock.instant();
        List<PublicSessionView> all = sessions
            .findByTenantIdAndInvitationSentAtIsNotNullOrderByStartsAtDesc(tenant.get().getId()).stream()
            .map(PublicSessionView::of).toList();
        model.addAttribute("tenant", tenant.get());
        model.addAttribute("upcoming", all.stream().filter(s -> !s.startsAt().isBefore(now))
            .sorted((a, b) -> a.startsAt().compareTo(b.startsAt())).toList());
        model.addAttribute("past", all.stream().filter(s -> s.startsAt().isBefore(now)).toList());
        return "sessioncycle/public-sessions";
    }

    @GetMapping("/{id}")
    String show(@PathVariable String id, @RequestParam(name = "mandant", required = false) String tenantId,
            Model model) {
        PublicSession session = parseId(id).flatMap(sessions::findByIdAndInvitationSentAtIsNotNull)
            .filter(s -> tenantId == null || tenantId.equals(s.getTenantId()))
            .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        model.addAttribute("publicSession", PublicSessionView.of(session));
        model.addAttribute("tenant", tenants.findById(session.getTenantId()).orElse(null));
        model.addAttribute("multipleTenants", tenants.count() > 1);
        return "sessioncycle/public-session";
    }

    /** The requested municipality; without one, the only one there is. */
    private Optional<Tenant> chosenTenant(String tenantId) {
        if (tenantId != null && !tenantId.isBlank()) {
            return Optional.of(tenants.findById(tenantId.trim())
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND)));
        }
        List<Tenant> all = tenants.findAll();
        return all.size() == 1 ? Optional.of(all.get(0)) : Optional.empty();
    }

    private static Optional<Long> parseId(String id) {
        try {
            return Optional.of(Long.parseLong(id));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }
}
