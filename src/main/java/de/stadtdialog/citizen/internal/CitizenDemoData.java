package de.stadtdialog.citizen.internal;

import java.time.Clock;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.annotation.Order;
import org.springframework.data.domain.Sort;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import de.stadtdialog.citizen.CitizenUser;
import de.stadtdialog.procedure.Procedure;
import de.stadtdialog.procedure.ProcedureRepository;
import de.stadtdialog.procedure.ProcedureStatus;

/**
 * Demo profile only: the confirmed citizen {@value #USERNAME} (password {@value #PASSWORD}) of Kaiserslautern,
 * following one running demo procedure. After the staff demo data (order 100); adds nothing on a restart.
 */
@Component
@Order(110)
@ConditionalOnProperty(name = "stadtdialog.demo.enabled", havingValue = "true")
class CitizenDemoData implements ApplicationRunner {

    static final String TENANT = "kaiserslautern";
    static final String USERNAME = "buerger";
    static final String PASSWORD = "demo";
    /** A procedure the demo data creates with an invitation already sent, so phase changes follow soon. */
    static final String FOLLOWED_TITLE = "Beteiligungsbeirat – 6. Sitzung";

    private static final Logger log = LoggerFactory.getLogger(CitizenDemoData.class);

    private final CitizenRepository citizens;
    private final CitizenPasswords passwords;
    private final ProcedureRepository procedures;
    private final Follows follows;
    private final Clock clock;

    CitizenDemoData(CitizenRepository citizens, CitizenPasswords passwords, ProcedureRepository procedures,
            Follows follows, Clock clock) {
        this.citizens = citizens;
        this.passwords = passwords;
        this.procedures = procedures;
        this.follows = follows;
        this.clock = clock;
    }

    @Override
    @Transactional
    public void run(ApplicationArguments args) {
        if (citizens.existsByTenantIdAndUsernameKey(TENANT, USERNAME)) {
            return;
        }
        Citizen citizen = new Citizen(TENANT, USERNAME, "Bernd", "Bürger", "buerger@stadtdialog.example",
            passwords.hash(PASSWORD), clock.instant());
        citizen.confirm(clock.instant());
        citizens.saveAndFlush(citizen);
        demoProcedure().ifPresent(procedure -> follows.follow(
            new CitizenUser(citizen.getId(), citizen.getUsername(), TENANT), procedure));
        log.info("Demo citizen '{}' created (password '{}')", USERNAME, PASSWORD);
    }

    private Optional<Procedure> demoProcedure() {
        Optional<Procedure> named = procedures.findAll(Sort.by("id")).stream()
            .filter(p -> TENANT.equals(p.getTenantId()) && p.getStatus() == ProcedureStatus.RUNNING)
            .filter(p -> FOLLOWED_TITLE.equals(p.getTitle())).findFirst();
        return named.isPresent() ? named : procedures.findAll(Sort.by("id")).stream()
            .filter(p -> TENANT.equals(p.getTenantId()) && p.getStatus() == ProcedureStatus.RUNNING).findFirst();
    }
}
