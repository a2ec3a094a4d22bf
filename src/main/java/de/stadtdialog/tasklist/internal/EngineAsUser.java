package de.stadtdialog.tasklist.internal;

import java.util.function.Supplier;

import org.camunda.bpm.engine.IdentityService;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import de.stadtdialog.shared.StaffUser;

/**
 * Runs engine calls as the logged-in staff member, so the engine applies that member's authorizations and
 * tenants and records who did what in history and the user-operation log.
 * <p>
 * The work runs in one transaction that ends only after the engine authentication is cleared again: the
 * procedure read model refreshes itself just before commit and must see the whole process instance, not what
 * this member is authorized to read. That also makes "claim, then complete" one atomic step.
 */
@Component
class EngineAsUser {

    private final IdentityService identityService;
    private final TransactionTemplate transaction;

    EngineAsUser(IdentityService identityService, PlatformTransactionManager transactionManager) {
        this.identityService = identityService;
        this.transaction = new TransactionTemplate(transactionManager);
    }

    <T> T call(StaffUser user, Supplier<T> work) {
        return transaction.execute(status -> {
            identityService.setAuthentication(user.id(), user.groups(), user.tenants());
            try {
                return work.get();
            } finally {
                identityService.clearAuthentication();
            }
        });
    }

    void run(StaffUser user, Runnable work) {
        call(user, () -> {
            work.run();
            return null;
        });
    }
}
