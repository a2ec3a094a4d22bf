package de.stadtdialog.citizen.internal;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
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
    public Map<Long, String> displayNames(Collection<Long> citizenIds) {
        Map<Long, String> names = new HashMap<>();
        citizenIds.stream().filter(Objects::nonNull).forEach(id -> names.put(id, DELETED_DISPLAY_NAME));
        for (Citizen citizen : citizens.findAllById(names.keySet())) {
            if (citizen.getStatus() != CitizenStatus.DELETED) {
                names.put(citizen.getId(), citizen.getUsername());
            }
        }
        return names;
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
