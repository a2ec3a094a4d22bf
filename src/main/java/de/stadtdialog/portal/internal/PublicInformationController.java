package de.stadtdialog.portal.internal;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The pages every page's footer links to: accessibility statement (BITV 2.0), Stadtdialog in plain language
 * (Leichte Sprache), and imprint with the general privacy notice (Art. 13 GDPR).
 */
@Controller
class PublicInformationController {

    private final PortalProperties portal;

    PublicInformationController(PortalProperties portal) {
        this.portal = portal;
    }

    @GetMapping("/oeffentlich/barrierefreiheit")
    String accessibility(Model model) {
        model.addAttribute("portal", portal);
        return "portal/accessibility";
    }

    @GetMapping("/oeffentlich/leichte-sprache")
    String plainLanguage(Model model) {
        model.addAttribute("portal", portal);
        return "portal/plain-language";
    }

    @GetMapping("/oeffentlich/datenschutz")
    String privacy(Model model) {
        model.addAttribute("portal", portal);
        return "portal/privacy";
    }
}
