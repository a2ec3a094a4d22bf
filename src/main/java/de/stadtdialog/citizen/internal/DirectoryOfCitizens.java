package de.stadtdialog.citizen.internal;

import java.util.Optional;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import de.stadtdialog.citizen.CitizenDirectory;

@Component
class DirectoryOfCitizens implements CitizenDirectory {

    private final CitizenRepository citizens;

    DirectoryOfCitizens(CitizenRepository citizens) {
        this.citizens = citizens;
    }

    @Override
    @Transactional(readOnly = true)
    public String displayName(Long citizenId) {
        return citizenId == null ? DELETED_DISPLAY_NAME : citizens.findById(citizenId)
            .filter(c -> c.getStatus() != CitizenStatus.DELETED)
            .map(Citizen::getUsername)
            .orElse(DELETED_DISPLAY_NAME);
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<String> mailAddress(Long citizenId) {
        return citizenId == null ? Optional.empty() : citizens.findById(citizenId)
            .filter(c -> c.getStatus() == CitizenStatus.CONFIRMED)
            .map(Citizen::getEmail);
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<Long> idOfUsername(String tenantId, String username) {
        return tenantId == null || username == null || username.isBlank() ? Optional.empty()
            : citizens.findByTenantIdAndUsernameKey(tenantId, Citizen.usernameKey(username.trim()))
                .filter(c -> c.getStatus() == CitizenStatus.CONFIRMED)
                .map(Citizen::getId);
    }
}
