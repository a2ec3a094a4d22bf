package de.stadtdialog.notification.internal;

import org.springframework.data.domain.PageRequest;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

import de.stadtdialog.shared.StaffUser;

/** The outbox: every mail the system sent, for staff of the same municipality. */
@Controller
class OutboxController {

    private final OutboxRepository outbox;

    OutboxController(OutboxRepository outbox) {
        this.outbox = outbox;
    }

    @GetMapping("/postausgang")
    String list(@RequestParam(defaultValue = "0") int page, Model model) {
        model.addAttribute("mails", outbox.findByTenantIdInOrderBySentAtDesc(StaffUser.current().tenants(),
            PageRequest.of(Math.max(page, 0), 50)));
        return "notification/outbox";
    }
}
