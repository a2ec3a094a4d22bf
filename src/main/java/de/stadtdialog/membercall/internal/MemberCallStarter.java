package de.stadtdialog.membercall.internal;

import java.util.Set;

import org.springframework.stereotype.Component;

import de.stadtdialog.dashboard.ProcedureStarter;
import de.stadtdialog.membercall.MemberCallProcess;
import de.stadtdialog.shared.Roles;

@Component
class MemberCallStarter implements ProcedureStarter {

    @Override
    public String templateKey() {
        return MemberCallProcess.TEMPLATE_KEY;
    }

    @Override
    public String descriptionKey() {
        return "starter." + MemberCallProcess.TEMPLATE_KEY + ".description";
    }

    @Override
    public String startPath() {
        return "/aufrufe/neu";
    }

    @Override
    public Set<String> roles() {
        return Set.of(Roles.OFFICER, Roles.COORDINATION);
    }
}
