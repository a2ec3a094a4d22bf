package de.stadtdialog.procedure.internal;

import java.util.ArrayList;
import java.util.List;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.bpmn.behavior.UserTaskActivityBehavior;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParseListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity;
import org.camunda.bpm.engine.impl.persistence.entity.ProcessDefinitionEntity;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.camunda.bpm.engine.impl.task.TaskDefinition;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * Adds listeners to every activity and user task of every deployed process (including versions deployed later
 * from Camunda Modeler) that tell the {@link ProcedureStatusProjection} which instance changed.
 */
@Component
class ProcedureStatusEnginePlugin extends AbstractProcessEnginePlugin {

    private final ObjectProvider<ProcedureStatusProjection> projection;

    ProcedureStatusEnginePlugin(ObjectProvider<ProcedureStatusProjection> projection) {
        this.projection = projection;
    }

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        List<BpmnParseListener> listeners = configuration.getCustomPostBPMNParseListeners() == null
            ? new ArrayList<>() : new ArrayList<>(configuration.getCustomPostBPMNParseListeners());
        listeners.add(new StatusParseListener(projection));
        configuration.setCustomPostBPMNParseListeners(listeners);
    }

    private static final class StatusParseListener extends AbstractBpmnParseListener {

        private final ExecutionListener executionListener;
        private final TaskListener taskListener;
        private final TaskListener taskDetailsListener;

        StatusParseListener(ObjectProvider<ProcedureStatusProjection> projection) {
            this.executionListener = (DelegateExecution execution) -> projection.getObject()
                .markChanged(rootOf(execution), execution.getProcessBusinessKey(), execution.getTenantId());
            this.taskListener = (DelegateTask task) -> projection.getObject()
                .markChanged(rootOf(task.getExecution()), businessKeyOf(task), task.getTenantId());
            this.taskDetailsListener = (DelegateTask task) -> {
                String root = rootOf(task.getExecution());
                // the quick re-read covers the root instance's own tasks; a called process's task needs the walk
                if (root != null && root.equals(task.getProcessInstanceId())) {
                    projection.getObject().markTasksChanged(root, businessKeyOf(task), task.getTenantId());
                } else {
                    projection.getObject().markChanged(root, businessKeyOf(task), task.getTenantId());
                }
            };
        }

        private static String businessKeyOf(DelegateTask task) {
            return task.getExecution() == null ? null : task.getExecution().getProcessBusinessKey();
        }

        private static String rootOf(DelegateExecution execution) {
            if (execution instanceof ExecutionEntity entity) {
                return entity.getRootProcessInstanceId();
            }
            return execution == null ? null : execution.getProcessInstanceId();
        }

        // built-in, not custom: cancelling or modifying an instance with "skip custom listeners" (Cockpit's
        // default) must still refresh the read model
        private void addTo(ActivityImpl activity) {
            activity.addBuiltInListener(ExecutionListener.EVENTNAME_START, executionListener);
            activity.addBuiltInListener(ExecutionListener.EVENTNAME_END, executionListener);
        }

        @Override
        public void parseProcess(Element processElement, ProcessDefinitionEntity processDefinition) {
            processDefinition.addBuiltInListener(ExecutionListener.EVENTNAME_END, executionListener);
        }

        @Override
        public void parseUserTask(Element element, ScopeImpl scope, ActivityImpl activity) {
            addTo(activity);
            TaskDefinition definition = ((UserTaskActivityBehavior) activity.getActivityBehavior())
                .getTaskDefinition();
            for (String event : List.of(TaskListener.EVENTNAME_CREATE, TaskListener.EVENTNAME_COMPLETE,
                    TaskListener.EVENTNAME_DELETE)) {
                definition.addBuiltInTaskListener(event, taskListener);
            }
            // claiming or rescheduling a task leaves the steps as they are: only the task summary is re-read
            for (String event : List.of(TaskListener.EVENTNAME_ASSIGNMENT, TaskListener.EVENTNAME_UPDATE)) {
                definition.addBuiltInTaskListener(event, taskDetailsListener);
            }
        }

        @Override
        public void parseServiceTask(Element element, ScopeImpl scope, ActivityImpl activity) {
            addTo(activity);
        }

        @Override
        public void parseSendTask(Element element, ScopeImpl scope, ActivityImpl activity) {
            addTo(activity);
        }

        @Override
        public void parseScriptTask(Element element, ScopeImpl scope, ActivityImpl activity) {
            addTo(activity);
        }

        @Override
        public void parseBusinessRuleTask(Element element, ScopeImpl scope, ActivityImpl activity) {
            addTo(activity);
        }

        @Override
        public void parseReceiveTask(Element element, ScopeImpl scope, ActivityImpl activity) {
            addTo(activity);
        }

        @Override
        public void parseManualTask(Element element, ScopeImpl scope, ActivityImpl activity) {
            addTo(activity);
        }

        @Override
        public void parseTask(Element element, ScopeImpl scope, ActivityImpl activity) {
            addTo(activity);
        }

        @Override
        public void parseCallActivity(Element element, ScopeImpl scope, ActivityImpl activity) {
            addTo(activity);
        }

        @Override
        public void parseSubProcess(Element element, ScopeImpl scope, ActivityImpl activity) {
            addTo(activity);
        }

        @Override
        public void parseIntermediateCatchEvent(Element element, ScopeImpl scope, ActivityImpl activity) {
            addTo(activity);
        }

        @Override
        public void parseIntermediateThrowEvent(Element element, ScopeImpl scope, ActivityImpl activity) {
            addTo(activity);
        }

        @Override
        public void parseBoundaryEvent(Element element, ScopeImpl scope, ActivityImpl activity) {
            addTo(activity);
        }

        @Override
        public void parseEventBasedGateway(Element element, ScopeImpl scope, ActivityImpl activity) {
            addTo(activity);
        }

        @Override
        public void parseEndEvent(Element element, ScopeImpl scope, ActivityImpl activity) {
            addTo(activity);
        }

        @Override
        public void parseStartEvent(Element element, ScopeImpl scope, ActivityImpl activity) {
            addTo(activity);
        }
    }
}
