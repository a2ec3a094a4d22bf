package de.stadtdialog.council.internal;

import java.util.Set;

import org.springframework.stereotype.Component;

import de.stadtdialog.dashboard.ProcedureStarter;
import de.stadtdialog.council.CouncilDecisionProcess;
import de.stadtdialog.shared.Roles;

@Component
class CouncilDecisionStarter implements ProcedureStarter {

    @Override
    public String templateKey() {
        return CouncilDecisionProcess.TEMPLATE_KEY;
    }

    @Override
    public String descriptionKey() {
        return "starter." + CouncilDecisionProcess.TEMPLATE_KEY + ".description";
    }

    @Override
    public String startPath() {
        return "/rat/neu";
    }

    @Override
    public Set<String> roles() {
        return Set.of(Roles.OFFICER, Roles.SECRETARIAT);
    }
}
