package de.stadtdialog.commenting;

import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;

public interface CommentRepository extends JpaRepository<Comment, Long> {

    List<Comment> findByDraftIdOrderByCreatedAtAscIdAsc(Long draftId);

    List<Comment> findByDraftIdAndStatusOrderByCreatedAtAscIdAsc(Long draftId, CommentStatus status);

    List<Comment> findByAuthorCitizenIdOrderByCreatedAtAsc(Long citizenId);

    long countByDraftIdAndStatus(Long draftId, CommentStatus status);

    long countByDraftIdAndStatusAndDispositionIsNotNull(Long draftId, CommentStatus status);
}
