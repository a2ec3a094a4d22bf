package de.stadtdialog.commenting.internal;

import java.util.List;
import java.util.Locale;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import de.stadtdialog.commenting.Draft;
import de.stadtdialog.commenting.DraftRepository;
import de.stadtdialog.council.OpenParticipationFormats;
import de.stadtdialog.shared.MunicipalTime;

/**
 * The guard before the council decides: a draft of the procedure is an open format until its commenting period is
 * closed, also before it opens (deciding before the public could comment would skip the participation).
 */
@Component
@Transactional(readOnly = true)
class CommentingOpenFormats implements OpenParticipationFormats {

    private final DraftRepository drafts;

    CommentingOpenFormats(DraftRepository drafts) {
        this.drafts = drafts;
    }

    @Override
    public boolean runsFormatsIn(Long participationProcedureId) {
        return participationProcedureId != null && drafts.findByProcedureId(participationProcedureId).isPresent();
    }

    @Override
    public List<String> openFormatsOf(Long participationProcedureId) {
        if (participationProcedureId == null) {
            return List.of();
        }
        return drafts.findByProcedureId(participationProcedureId).filter(draft -> draft.getClosedAt() == null)
            .map(draft -> List.of(name(draft))).orElse(List.of());
    }

    private static String name(Draft draft) {
        String format = "Online-Kommentierung „" + draft.getTitle() + "“";
        if (draft.getClosesAt() == null) {
            return format + " (in Vorbereitung)";
        }
        String until = "bis " + MunicipalTime.deadline(draft.getClosesAt(), Locale.GERMANY);
        return draft.getOpenedAt() == null && draft.getOpensAt() != null
            ? format + " ab " + MunicipalTime.dateTime(draft.getOpensAt()) + " " + until
            : format + " " + until;
    }
}
