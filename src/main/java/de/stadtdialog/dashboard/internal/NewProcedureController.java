package de.stadtdialog.dashboard.internal;

import java.util.Comparator;
import java.util.List;
import java.util.Locale;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

import de.stadtdialog.dashboard.ProcedureStarter;
import de.stadtdialog.shared.StaffUser;

/** {@code /verfahren/neu}: the kinds of procedure this member may start, each with its module's start page. */
@Controller
class NewProcedureController {

    private final List<ProcedureStarter> starters;
    private final ProcedureNames names;
    private final MessageSource messages;

    NewProcedureController(List<ProcedureStarter> starters, ProcedureNames names, MessageSource messages) {
        this.starters = starters;
        this.names = names;
        this.messages = messages;
    }

    record Option(String name, String description, String startPath) {
    }

    @GetMapping("/verfahren/neu")
    String options(Model model, Locale locale) {
        StaffUser user = StaffUser.current();
        List<Option> options = starters.stream()
            .filter(starter -> starter.roles().stream().anyMatch(user.groups()::contains))
            .map(starter -> new Option(names.template(starter.templateKey(), locale),
                messages.getMessage(starter.descriptionKey(), null, "", locale), starter.startPath()))
            .sorted(Comparator.comparing(Option::name, String.CASE_INSENSITIVE_ORDER))
            .toList();
        model.addAttribute("options", options);
        return "dashboard/new";
    }
}
