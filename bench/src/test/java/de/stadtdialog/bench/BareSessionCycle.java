package de.stadtdialog.bench;

import static de.stadtdialog.sessioncycle.SessionCycleProcess.*;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.ProcessEngineImpl;
import org.camunda.bpm.engine.impl.bpmn.behavior.UserTaskActivityBehavior;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.core.model.CoreModelElement;
import org.camunda.bpm.engine.impl.persistence.entity.ProcessDefinitionEntity;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.camunda.bpm.engine.impl.task.TaskDefinition;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;

/**
 * The session-cycle process stripped to its shape: the same user tasks (candidate groups, due dates, forms), the
 * same timers, the same asynchronous service tasks but with a delegate that does nothing, no task listeners.
 * Deployed into the application's own engine so both sides of the comparison share engine, database and JVM.
 */
final class BareSessionCycle {

    static final String PROCESS_ID = "BenchBareSessionCycle";

    private BareSessionCycle() {
    }

    static BpmnModelInstance model() {
        return Bpmn.createExecutableProcess(PROCESS_ID)
            .name("Benchmark: Sitzungszyklus ohne Anwendungscode")
            .camundaHistoryTimeToLive(365)
            .startEvent("StartEvent_SessionPlanned")
            .exclusiveGateway("Gateway_AgendaJoin")
            .userTask(TASK_DRAFT_AGENDA).name("Tagesordnung entwerfen").camundaCandidateGroups("officer")
                .camundaDueDate("${invitationDeadline}").camundaFormRef("session-draft-agenda")
                .camundaFormRefBinding("latest")
            .boundaryEvent(TIMER_INVITATION_DEADLINE).timerWithDate("${invitationDeadline}")
            .userTask(TASK_RESCHEDULE_SESSION).name("Sitzung verlegen").camundaCandidateGroups("officer")
                .camundaFormRef("session-reschedule").camundaFormRefBinding("latest")
            .connectTo("Gateway_AgendaJoin")
            .moveToActivity(TASK_DRAFT_AGENDA)
            .serviceTask(TASK_SEND_INVITATION).name("Einladung versenden").camundaAsyncBefore()
                .camundaFailedJobRetryTimeCycle("R3/PT5M").camundaClass(NoOpDelegate.class)
            .intermediateCatchEvent(TIMER_SESSION_BEGINS).timerWithDate("${sessionStartsAt}")
            .exclusiveGateway("Gateway_MinutesJoin")
            .userTask(TASK_RECORD_SESSION).name("Anwesenheit und Protokoll erfassen").camundaCandidateGroups("officer")
                .camundaDueDate("${minutesDue}").camundaFormRef("session-record-minutes")
                .camundaFormRefBinding("latest")
            .userTask(TASK_APPROVE_MINUTES).name("Protokoll prüfen und genehmigen")
                .camundaCandidateGroups("coordination,officer").camundaFormRef("session-approve-minutes")
                .camundaFormRefBinding("latest")
            .exclusiveGateway(GATEWAY_MINUTES_APPROVED)
            .condition("ja", "${minutesDecision == 'approve'}")
            .serviceTask(TASK_PUBLISH_MINUTES).name("Protokoll veröffentlichen").camundaAsyncBefore()
                .camundaFailedJobRetryTimeCycle("R3/PT5M").camundaClass(NoOpDelegate.class)
            .endEvent(END_MINUTES_PUBLISHED)
            .moveToNode(GATEWAY_MINUTES_APPROVED)
            .condition("nein", "${minutesDecision == 'rework'}")
            .connectTo("Gateway_MinutesJoin")
            .done();
    }

    /**
     * Deploys the bare process and takes our engine plugin's listeners (procedure status projection) off its
     * cached definition: that plugin attaches to every process, and the bare side must run without our code.
     *
     * @return how many listeners were removed
     */
    static int deployWithoutApplicationListeners(ProcessEngine engine) {
        engine.getRepositoryService().createDeployment().name("benchmark-bare-session-cycle")
            .addModelInstance(PROCESS_ID + ".bpmn", model()).deploy();
        ProcessDefinition definition = engine.getRepositoryService().createProcessDefinitionQuery()
            .processDefinitionKey(PROCESS_ID).latestVersion().singleResult();
        ProcessEngineConfigurationImpl configuration = ((ProcessEngineImpl) engine).getProcessEngineConfiguration();
        ProcessDefinitionEntity cached = configuration.getCommandExecutorTxRequired().execute(
            commandContext -> configuration.getDeploymentCache().findDeployedProcessDefinitionById(definition.getId()));
        int removed = strip(cached);
        for (ActivityImpl activity : allActivities(cached)) {
            removed += strip(activity);
            if (activity.getActivityBehavior() instanceof UserTaskActivityBehavior userTask) {
                removed += strip(userTask.getTaskDefinition());
            }
        }
        if (countApplicationListeners(cached) != 0) {
            throw new IllegalStateException("Application listeners left on the bare process");
        }
        return removed;
    }

    private static List<ActivityImpl> allActivities(ScopeImpl scope) {
        List<ActivityImpl> all = new ArrayList<>();
        for (ActivityImpl activity : scope.getActivities()) {
            all.add(activity);
            all.addAll(allActivities(activity));
        }
        return all;
    }

    private static int strip(CoreModelElement element) {
        return removeOurs(element.getListeners()) + removeOurs(element.getBuiltInListeners());
    }

    private static int strip(TaskDefinition task) {
        int removed = removeOurs(task.getTaskListeners()) + removeOurs(task.getBuiltinTaskListeners());
        for (String event : List.of("create", "assignment", "update", "complete", "delete", "timeout")) {
            List<?> all = task.getAllTaskListenersForEvent(event);
            if (all != null) {
                removed += removeOurs(all);
            }
        }
        return removed;
    }

    private static int countApplicationListeners(ProcessDefinitionEntity definition) {
        int count = count(definition.getListeners()) + count(definition.getBuiltInListeners());
        for (ActivityImpl activity : allActivities(definition)) {
            count += count(activity.getListeners()) + count(activity.getBuiltInListeners());
            if (activity.getActivityBehavior() instanceof UserTaskActivityBehavior userTask) {
                for (String event : List.of("create", "assignment", "update", "complete", "delete")) {
                    List<?> all = userTask.getTaskDefinition().getAllTaskListenersForEvent(event);
                    count += all == null ? 0 : (int) all.stream().filter(BareSessionCycle::ours).count();
                }
            }
        }
        return count;
    }

    private static int removeOurs(Map<String, ? extends List<?>> listeners) {
        return listeners.values().stream().mapToInt(BareSessionCycle::removeOurs).sum();
    }

    private static int removeOurs(List<?> listeners) {
        int before = listeners.size();
        listeners.removeIf(BareSessionCycle::ours);
        return before - listeners.size();
    }

    private static int count(Map<String, ? extends List<?>> listeners) {
        return (int) listeners.values().stream().flatMap(List::stream).filter(BareSessionCycle::ours).count();
    }

    private static boolean ours(Object listener) {
        return listener.getClass().getName().startsWith("de.stadtdialog.")
            && !listener.getClass().getName().startsWith("de.stadtdialog.bench.");
    }

    /** The bare process's service tasks: a job that runs and does nothing. */
    public static class NoOpDelegate implements JavaDelegate {

        @Override
        public void execute(DelegateExecution execution) {
            // intentionally empty
        }
    }
}
