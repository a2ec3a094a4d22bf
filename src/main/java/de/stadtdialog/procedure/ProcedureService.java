package de.stadtdialog.procedure;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.Map;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.runtime.ProcessInstantiationBuilder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Starts procedures: the procedure row and its process instance are created in one transaction, the instance
 * carrying the procedure's business key, its tenant, and the procedure id as its only domain variable.
 */
@Service
public class ProcedureService {

    /** Process variable with the procedure's id, set on every instance. */
    public static final String PROCEDURE_ID = "procedureId";
    /** Process variable with the tenant id; the engine's tenant id provider reads it at the start. */
    public static final String TENANT_ID = "tenantId";

    private final ProcedureRepository procedures;
    private final TenantRepository tenants;
    private final RuntimeService runtimeService;
    private final Clock clock;

    public ProcedureService(ProcedureRepository procedures, TenantRepository tenants, RuntimeService runtimeService,
            Clock clock) {
        this.procedures = procedures;
        this.tenants = tenants;
        this.runtimeService = runtimeService;
        this.clock = clock;
    }

    /** Creates the procedure row, without a process yet; use when the capability must first store its own data. */
    @Transactional
    public Procedure create(String tenantId, String title, String templateKey, String processDefinitionKey) {
        if (!tenants.existsById(tenantId)) {
            throw new IllegalArgumentException("Unknown tenant " + tenantId);
        }
        Instant now = clock.instant();
        Procedure procedure = procedures.saveAndFlush(
            new Procedure(tenantId, title, templateKey, processDefinitionKey, now));
        int year = now.atZone(ZoneId.of("Europe/Berlin")).getYear();
        procedure.assignBusinessKey(String.format("%d-%05d", year, procedure.getId()));
        return procedure;
    }

    /** Starts the process of a procedure created with {@link #create}. */
    @Transactional
    public Procedure startProcess(Procedure procedure, Map<String, Object> variables) {
        return startProcessAt(procedure, variables, null);
    }

    /**
     * Starts the process of a procedure before the given activity instead of at its start event: for procedures
     * that were already under way on paper when the municipality moved them here (and for demo data).
     */
    @Transactional
    public Procedure startProcessAt(Procedure procedure, Map<String, Object> variables, String activityId) {
        Map<String, Object> all = new HashMap<>(variables);
        all.put(PROCEDURE_ID, procedure.getId());
        all.put(TENANT_ID, procedure.getTenantId());
        ProcessInstantiationBuilder builder = runtimeService
            .createProcessInstanceByKey(procedure.getProcessDefinitionKey())
            .processDefinitionWithoutTenantId()
            .businessKey(procedure.getBusinessKey())
            .setVariables(all);
        if (activityId != null) {
            builder.startBeforeActivity(activityId);
        }
        ProcessInstance instance = builder.execute();
        procedure.attachProcess(instance.getProcessInstanceId(), instance.getProcessDefinitionId());
        procedures.save(procedure);
        return procedure;
    }
}
