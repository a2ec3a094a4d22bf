package de.stadtdialog.guidelines.internal;

import java.util.Set;

import org.springframework.stereotype.Component;

import de.stadtdialog.dashboard.ProcedureStarter;
import de.stadtdialog.guidelines.GuidelinesProcess;
import de.stadtdialog.shared.Roles;

@Component
class GuidelinesStarter implements ProcedureStarter {

    @Override
    public String templateKey() {
        return GuidelinesProcess.TEMPLATE_KEY;
    }

    @Override
    public String descriptionKey() {
        return "starter." + GuidelinesProcess.TEMPLATE_KEY + ".description";
    }

    @Override
    public String startPath() {
        return "/leitlinien/neu";
    }

    @Override
    public Set<String> roles() {
        return Set.of(Roles.OFFICER, Roles.COORDINATION);
    }
}
