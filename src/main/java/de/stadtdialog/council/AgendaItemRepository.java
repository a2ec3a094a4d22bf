package de.stadtdialog.council;

import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;

public interface AgendaItemRepository extends JpaRepository<AgendaItem, Long> {

    List<AgendaItem> findByMeetingIdOrderByNumberAsc(Long meetingId);

    List<AgendaItem> findByConsultationIdOrderByIdAsc(Long consultationId);

    List<AgendaItem> findByTenantIdOrderByIdAsc(String tenantId);

    long countByMeetingId(Long meetingId);
}
