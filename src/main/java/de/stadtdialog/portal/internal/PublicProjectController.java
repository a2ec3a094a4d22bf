package de.stadtdialog.portal.internal;

import java.util.List;
import java.util.Optional;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.core.io.ResourceLoader;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;

import de.stadtdialog.portal.PublicOffer;
import de.stadtdialog.portal.PublicPhaseOffer;
import de.stadtdialog.procedure.Procedure;
import de.stadtdialog.procedure.Tenant;

/**
 * The public project list of a municipality and one page per project, without login. Unpublished entries do not
 * exist here (404), and neither do entries of another municipality than the one asked for.
 */
@Controller
class PublicProjectController {

    /** The citizen module's "follow this procedure" box; shown once that module provides it. */
    static final String FOLLOW_FRAGMENT = "classpath:templates/citizen/follow.html";

    private final PublicProjects projects;
    private final PublicTenants tenants;
    private final PublicTimelines timelines;
    private final ObjectProvider<PublicPhaseOffer> offers;
    private final PortalProperties portal;
    private final boolean followAvailable;

    PublicProjectController(PublicProjects projects, PublicTenants tenants, PublicTimelines timelines,
            ObjectProvider<PublicPhaseOffer> offers, PortalProperties portal, ResourceLoader resources) {
        this.portal = portal;
        this.projects = projects;
        this.tenants = tenants;
        this.timelines = timelines;
        this.offers = offers;
        this.followAvailable = resources.getResource(FOLLOW_FRAGMENT).exists();
    }

    @GetMapping("/oeffentlich/vorhaben")
    String list(@RequestParam(name = "mandant", required = false) String tenantId, Model model) {
        Optional<Tenant> tenant = tenants.chosen(tenantId);
        List<Tenant> all = tenants.all();
        if (tenant.isEmpty()) {
            model.addAttribute("tenants", all);
            return "portal/choose-tenant";
        }
        model.addAttribute("tenant", tenant.get());
        model.addAttribute("mandant", tenants.isDefault(tenant.get()) ? null : tenant.get().getId());
        model.addAttribute("otherTenants", all.stream().filter(t -> !t.getId().equals(tenant.get().getId())).toList());
        model.addAttribute("projects", projects.of(tenant.get().getId()));
        return "portal/projects";
    }

    @GetMapping("/oeffentlich/vorhaben/{id}")
    String show(@PathVariable String id, @RequestParam(name = "mandant", required = false) String tenantId,
            Model model) {
        PublicProject project = parseId(id).flatMap(projects::published)
            .filter(p -> tenantId == null || tenantId.isBlank() || p.entry().getTenantId().equals(tenantId.trim()))
            .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        Tenant tenant = tenants.chosen(project.entry().getTenantId()).orElseThrow();
        Procedure procedure = projects.procedureOf(project.entry());
        model.addAttribute("project", project);
        model.addAttribute("contactEmail", portal.contactEmail());
        model.addAttribute("tenant", tenant);
        model.addAttribute("mandant", tenants.isDefault(tenant) ? null : tenant.getId());
        model.addAttribute("timeline", procedure == null ? null : timelines.of(procedure));
        model.addAttribute("offers", procedure == null ? List.<PublicOffer>of() : offersFor(procedure));
        model.addAttribute("procedureId", procedure == null ? null : procedure.getId());
        model.addAttribute("followAvailable", followAvailable && procedure != null);
        return "portal/project";
    }

    private List<PublicOffer> offersFor(Procedure procedure) {
        return offers.orderedStream().flatMap(offer -> offer.offersFor(procedure).stream()).toList();
    }

    static Optional<Long> parseId(String id) {
        try {
            return Optional.of(Long.parseLong(id));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }
}
