package de.stadtdialog.citizen.internal;

import java.util.Map;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.session.Session;
import org.springframework.stereotype.Component;

import de.stadtdialog.citizen.CitizenUser;

/**
 * Ends every session of one account (after a password reset or deletion), on whichever node it lives: sessions
 * are rows in the database (Spring Session JDBC), indexed by the principal's name, the username.
 */
@Component
class CitizenSessions {

    private final ObjectProvider<FindByIndexNameSessionRepository<? extends Session>> sessions;

    CitizenSessions(ObjectProvider<FindByIndexNameSessionRepository<? extends Session>> sessions) {
        this.sessions = sessions;
    }

    int endAll(Long citizenId, String username) {
        FindByIndexNameSessionRepository<? extends Session> repository = sessions.getIfAvailable();
        if (repository == null) {
            return 0;
        }
        int ended = 0;
        Map<String, ? extends Session> found = repository.findByPrincipalName(username);
        for (Map.Entry<String, ? extends Session> entry : found.entrySet()) {
            Object context = entry.getValue()
                .getAttribute(HttpSessionSecurityContextRepository.SPRING_SECURITY_CONTEXT_KEY);
            // a staff member may have the same login name; only this citizen's sessions end
            if (context instanceof SecurityContext security && security.getAuthentication() != null
                    && security.getAuthentication().getPrincipal() instanceof CitizenUser citizen
                    && citizen.id().equals(citizenId)) {
                repository.deleteById(entry.getKey());
                ended++;
            }
        }
        return ended;
    }
}
