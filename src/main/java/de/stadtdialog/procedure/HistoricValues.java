package de.stadtdialog.procedure;

import java.util.Collection;
import java.util.List;
import java.util.function.Supplier;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Erases copies of personal data from the engine's history. Task forms show domain data through task-local
 * variables (an applicant list, a comment's author); with history level {@code full} the engine keeps every value
 * and every change of them after the task, and every submitted form field, for the process's history time to live.
 * When a module deletes or pseudonymises the data those values copied, it asks this to delete the copies too,
 * values, recorded changes and submitted fields ({@code ACT_HI_VARINST}, {@code ACT_HI_DETAIL}); the rest of the
 * history stays.
 */
@Component
public class HistoricValues {

    private final HistoryService historyService;
    private final IdentityService identityService;
    private final JdbcTemplate jdbc;

    public HistoricValues(HistoryService historyService, IdentityService identityService, JdbcTemplate jdbc) {
        this.historyService = historyService;
        this.identityService = identityService;
        this.jdbc = jdbc;
    }

    /** @return how many variables' histories and submitted form values were deleted */
    public int forget(Collection<String> processInstanceIds, Collection<String> variableNames) {
        if (processInstanceIds.isEmpty() || variableNames.isEmpty()) {
            return 0;
        }
        return asSystem(() -> {
            List<HistoricVariableInstance> copies = historyService.createHistoricVariableInstanceQuery()
                .processInstanceIdIn(processInstanceIds.toArray(String[]::new))
                .variableNameIn(variableNames.toArray(String[]::new))
                .list();
            copies.forEach(copy -> historyService.deleteHistoricVariableInstance(copy.getId()));
            // a submitted form also records each field's value as a detail of its own, outside any variable's
            // history; the engine has no call to delete those, so they go by SQL (nothing refers to them)
            int fields = 0;
            for (String instance : processInstanceIds) {
                for (String name : variableNames) {
                    fields += jdbc.update("delete from ACT_HI_DETAIL where TYPE_ = 'FormProperty' "
                        + "and PROC_INST_ID_ = ? and NAME_ = ?", instance, name);
                }
            }
            return copies.size() + fields;
        });
    }

    /** Running and ended instances of a process that carry this business key in this municipality. */
    public List<String> instancesOf(String processDefinitionKey, String businessKey, String tenantId) {
        return asSystem(() -> historyService.createHistoricProcessInstanceQuery()
            .processDefinitionKey(processDefinitionKey).processInstanceBusinessKey(businessKey).list().stream()
            .filter(instance -> tenantId == null || instance.getTenantId() == null
                || tenantId.equals(instance.getTenantId()))
            .map(HistoricProcessInstance::getId).toList());
    }

    /** Instances in which a variable of this name held this value (e.g. the moderation of one comment). */
    public List<String> instancesWith(String variableName, Object value) {
        return asSystem(() -> historyService.createHistoricVariableInstanceQuery()
            .variableValueEquals(variableName, value).list().stream()
            .map(HistoricVariableInstance::getProcessInstanceId).distinct().toList());
    }

    /**
     * Retention rules decide, not the person whose action triggers them (a citizen deleting the account, a timer):
     * the engine's authorization checks are lifted and the login restored afterwards.
     */
    private <T> T asSystem(Supplier<T> work) {
        Authentication user = identityService.getCurrentAuthentication();
        identityService.clearAuthentication();
        try {
            return work.get();
        } finally {
            if (user != null) {
                identityService.setAuthentication(user);
            }
        }
    }
}
