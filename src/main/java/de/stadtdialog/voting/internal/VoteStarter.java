package de.stadtdialog.voting.internal;

import java.util.Set;

import org.springframework.stereotype.Component;

import de.stadtdialog.dashboard.ProcedureStarter;
import de.stadtdialog.voting.VoteProcess;
import de.stadtdialog.shared.Roles;

@Component
class VoteStarter implements ProcedureStarter {

    @Override
    public String templateKey() {
        return VoteProcess.TEMPLATE_KEY;
    }

    @Override
    public String descriptionKey() {
        return "starter." + VoteProcess.TEMPLATE_KEY + ".description";
    }

    @Override
    public String startPath() {
        return "/abstimmungen/neu";
    }

    @Override
    public Set<String> roles() {
        return Set.of(Roles.OFFICER, Roles.COORDINATION);
    }
}
