package de.stadtdialog.commenting;

import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;

public interface DraftParagraphRepository extends JpaRepository<DraftParagraph, Long> {

    List<DraftParagraph> findByDraftIdAndVersionOrderByPosition(Long draftId, int version);

    void deleteByDraftIdAndVersion(Long draftId, int version);
}
