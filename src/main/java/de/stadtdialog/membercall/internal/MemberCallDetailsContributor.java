package de.stadtdialog.membercall.internal;

import java.util.ArrayList;
import java.util.List;

import org.springframework.stereotype.Component;

import de.stadtdialog.dashboard.ProcedureDetail;
import de.stadtdialog.dashboard.ProcedureDetailsContributor;
import de.stadtdialog.membercall.ApplicationStatus;
import de.stadtdialog.membercall.MemberApplication;
import de.stadtdialog.membercall.MemberCall;
import de.stadtdialog.membercall.MemberCallService;
import de.stadtdialog.membercall.MemberCallTexts;
import de.stadtdialog.procedure.Procedure;

/** The call behind a T2 procedure on its procedure page: deadline, applications, and links to its pages. */
@Component
class MemberCallDetailsContributor implements ProcedureDetailsContributor {

    private final MemberCallService service;

    MemberCallDetailsContributor(MemberCallService service) {
        this.service = service;
    }

    @Override
    public List<ProcedureDetail> detailsOf(Procedure procedure) {
        if (procedure.getId() == null) {
            return List.of();
        }
        return service.callOfProcedure(procedure.getId()).map(this::details).orElse(List.of());
    }

    private List<ProcedureDetail> details(MemberCall call) {
        List<ProcedureDetail> details = new ArrayList<>();
        details.add(ProcedureDetail.fact("membercall.detail.workingGroup", call.getWorkingGroup()));
        if (call.getDeadline() != null) {
            details.add(ProcedureDetail.fact("membercall.detail.deadline",
                MemberCallTexts.dateTime(call.getDeadline())));
        }
        List<MemberApplication> applications = service.applications(call.getId());
        long active = applications.stream().filter(a -> a.getStatus() != ApplicationStatus.WITHDRAWN).count();
        details.add(ProcedureDetail.fact("membercall.detail.applications", active + " / "
            + call.getCitizenSeats()));
        details.add(ProcedureDetail.link("membercall.detail.staffPage", call.getTitle(), "/aufrufe/" + call.getId()));
        if (call.getPublishedAt() != null) {
            details.add(ProcedureDetail.link("membercall.detail.publicPage", call.getTitle(),
                "/oeffentlich/aufrufe/" + call.getId()));
        }
        return details;
    }
}
