package de.stadtdialog.membercall.internal;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

import org.springframework.stereotype.Component;

import de.stadtdialog.membercall.MemberCall;
import de.stadtdialog.membercall.MemberCallService;
import de.stadtdialog.membercall.MemberCallTexts;
import de.stadtdialog.portal.PublicOffer;
import de.stadtdialog.portal.PublicPhaseOffer;
import de.stadtdialog.procedure.Procedure;

/** On the public project page of a T2 procedure: the call once published, and the result once confirmed. */
@Component
class MemberCallPublicOffer implements PublicPhaseOffer {

    private final MemberCallService service;
    private final Clock clock;

    MemberCallPublicOffer(MemberCallService service, Clock clock) {
        this.service = service;
        this.clock = clock;
    }

    @Override
    public List<PublicOffer> offersFor(Procedure procedure) {
        if (procedure.getId() == null) {
            return List.of();
        }
        return service.callOfProcedure(procedure.getId()).filter(c -> c.getPublishedAt() != null)
            .map(this::offers).orElse(List.of());
    }

    private List<PublicOffer> offers(MemberCall call) {
        String page = "/oeffentlich/aufrufe/" + call.getId();
        List<PublicOffer> offers = new ArrayList<>();
        if (call.isOpenForApplications(clock.instant())) {
            offers.add(new PublicOffer("membercall.offer.apply", call.getTitle() + " – "
                + MemberCallTexts.dateTime(call.getDeadline()), page));
        } else {
            offers.add(new PublicOffer("membercall.offer.call", call.getTitle(), page));
        }
        if (call.getResultConfirmedAt() != null) {
            offers.add(new PublicOffer("membercall.offer.result", call.getTitle(), page + "/ergebnis"));
        }
        return offers;
    }
}
