package de.stadtdialog;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.history.HistoricActivityInstance;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.springframework.test.context.junit.jupiter.SpringExtension;

/**
 * Measures which flow nodes of a process the instances started by one test class passed through (from the
 * engine's full history), writes {@code <build dir>/process-coverage/<process id>.txt} and fails the class
 * below the required share. Put {@link MeasureFlowNodeCoverage} on the process test class.
 */
public class FlowNodeCoverage implements BeforeAllCallback, AfterAllCallback {

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(FlowNodeCoverage.class);

    @Override
    public void beforeAll(ExtensionContext context) {
        MeasureFlowNodeCoverage measure = annotation(context);
        Set<String> before = instanceIds(engine(context).getHistoryService(), measure.value());
        context.getStore(NAMESPACE).put("before", before);
    }

    @Override
    public void afterAll(ExtensionContext context) throws IOException {
        MeasureFlowNodeCoverage measure = annotation(context);
        ProcessEngine engine = engine(context);
        HistoryService history = engine.getHistoryService();
        @SuppressWarnings("unchecked")
        Set<String> before = context.getStore(NAMESPACE).get("before", Set.class);
        Set<String> started = instanceIds(history, measure.value());
        started.removeAll(before);

        ProcessDefinition definition = engine.getRepositoryService().createProcessDefinitionQuery()
            .processDefinitionKey(measure.value()).latestVersion().singleResult();
        BpmnModelInstance model = engine.getRepositoryService().getBpmnModelInstance(definition.getId());
        Set<String> all = model.getModelElementsByType(FlowNode.class).stream().map(FlowNode::getId)
            .collect(Collectors.toCollection(TreeSet::new));
        Set<String> covered = new TreeSet<>();
        for (String instanceId : started) {
            history.createHistoricActivityInstanceQuery().processInstanceId(instanceId).list().stream()
                .map(HistoricActivityInstance::getActivityId).forEach(covered::add);
        }
        covered.retainAll(all);
        Set<String> missing = new TreeSet<>(all);
        missing.removeAll(covered);
        double share = all.isEmpty() ? 1.0 : (double) covered.size() / all.size();

        Path dir = Path.of(System.getProperty("buildDirectory", "target"), "process-coverage");
        Files.createDirectories(dir);
        Files.writeString(dir.resolve(measure.value() + ".txt"), String.format(
            "process %s%ninstances %d%nflow nodes %d%ncovered %d (%.1f %%)%nnot covered %s%n", measure.value(),
            started.size(), all.size(), covered.size(), share * 100, missing));
        if (share < measure.minimum()) {
            throw new AssertionError(String.format("Flow-node coverage of %s is %.1f %% (required %.1f %%); "
                + "not covered: %s", measure.value(), share * 100, measure.minimum() * 100, missing));
        }
    }

    private static Set<String> instanceIds(HistoryService history, String processKey) {
        Collection<HistoricProcessInstance> instances = history.createHistoricProcessInstanceQuery()
            .processDefinitionKey(processKey).list();
        return instances.stream().map(HistoricProcessInstance::getId).collect(Collectors.toCollection(TreeSet::new));
    }

    private static MeasureFlowNodeCoverage annotation(ExtensionContext context) {
        return context.getRequiredTestClass().getAnnotation(MeasureFlowNodeCoverage.class);
    }

    private static ProcessEngine engine(ExtensionContext context) {
        return SpringExtension.getApplicationContext(context).getBean(ProcessEngine.class);
    }
}
