package de.stadtdialog.sessioncycle.internal;

import java.util.Set;

import org.springframework.stereotype.Component;

import de.stadtdialog.dashboard.ProcedureStarter;
import de.stadtdialog.sessioncycle.SessionCycleProcess;
import de.stadtdialog.shared.Roles;

@Component
class SessionCycleStarter implements ProcedureStarter {

    @Override
    public String templateKey() {
        return SessionCycleProcess.TEMPLATE_KEY;
    }

    @Override
    public String descriptionKey() {
        return "sessioncycle.starter.description";
    }

    @Override
    public String startPath() {
        return "/sitzungsreihen/neu";
    }

    @Override
    public Set<String> roles() {
        return Set.of(Roles.OFFICER, Roles.COORDINATION);
    }
}
