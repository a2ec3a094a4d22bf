package de.stadtdialog.shared;

import java.util.Set;

import org.springframework.validation.Errors;

/**
 * What the pages that start a procedure share: the municipality chosen must be one the staff member works for,
 * and a business rule the service refuses is shown next to its field (or above the form when the form has no
 * such field).
 */
public final class StartForms {

    private StartForms() {
    }

    /** Rejects {@code tenantId} with the code {@code notYours} unless the current staff user works for it. */
    public static void checkTenant(String tenantId, Errors errors) {
        if (tenantId != null && !tenantId.isBlank() && !StaffUser.current().tenants().contains(tenantId)) {
            errors.rejectValue("tenantId", "notYours");
        }
    }

    public static void show(InputRejectedException rejected, Errors errors, Set<String> formFields) {
        if (rejected.field() != null && formFields.contains(rejected.field())) {
            errors.rejectValue(rejected.field(), "rejected", rejected.getMessage());
        } else {
            errors.reject("rejected", rejected.getMessage());
        }
    }
}
