package de.stadtdialog.commenting.internal;

import java.util.Set;

import org.springframework.stereotype.Component;

import de.stadtdialog.dashboard.ProcedureStarter;
import de.stadtdialog.commenting.CommentingPhaseProcess;
import de.stadtdialog.shared.Roles;

@Component
class CommentingStarter implements ProcedureStarter {

    @Override
    public String templateKey() {
        return CommentingPhaseProcess.TEMPLATE_KEY;
    }

    @Override
    public String descriptionKey() {
        return "starter." + CommentingPhaseProcess.TEMPLATE_KEY + ".description";
    }

    @Override
    public String startPath() {
        return "/kommentierung/neu";
    }

    @Override
    public Set<String> roles() {
        return Set.of(Roles.OFFICER, Roles.COORDINATION);
    }
}
