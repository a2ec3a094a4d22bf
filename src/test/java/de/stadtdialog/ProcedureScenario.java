package de.stadtdialog;

import java.util.HashMap;
import java.util.Map;

import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.springframework.context.ApplicationContext;

import de.stadtdialog.procedure.Procedure;
import de.stadtdialog.procedure.ProcedureRepository;

/**
 * What every capability's test scenario does with its procedure's process: find tasks and jobs, submit a task's
 * form as a member would, run a job as the job executor would. Capabilities add their own steps in a subclass.
 */
public abstract class ProcedureScenario {

    protected final ProcedureRepository procedures;
    protected final RuntimeService runtimeService;
    protected final TaskService taskService;
    protected final FormService formService;
    protected final ManagementService managementService;
    private final Map<Long, String> calledInstances = new HashMap<>();

    protected ProcedureScenario(ApplicationContext context) {
        this.procedures = context.getBean(ProcedureRepository.class);
        this.runtimeService = context.getBean(RuntimeService.class);
        this.taskService = context.getBean(TaskService.class);
        this.formService = context.getBean(FormService.class);
        this.managementService = context.getBean(ManagementService.class);
    }

    /** The procedure row as it is committed now. */
    public Procedure reload(Procedure procedure) {
        return procedures.findById(procedure.getId()).orElseThrow();
    }

    /**
     * From now on, tasks and jobs of {@code procedure} are looked up in {@code calledInstanceId}: for a template
     * that a composed procedure runs as a call activity.
     */
    public void followCalledInstance(Procedure procedure, String calledInstanceId) {
        calledInstances.put(procedure.getId(), calledInstanceId);
    }

    /** The instance this scenario drives: the procedure's own, or the called one it follows. */
    public String instanceId(Procedure procedure) {
        return calledInstances.getOrDefault(procedure.getId(), procedure.getProcessInstanceId());
    }

    public ProcessInstance instance(Procedure procedure) {
        return runtimeService.createProcessInstanceQuery().processInstanceId(instanceId(procedure)).singleResult();
    }

    public Task task(Procedure procedure, String taskKey) {
        return taskService.createTaskQuery().processInstanceId(instanceId(procedure))
            .taskDefinitionKey(taskKey).singleResult();
    }

    public Job job(Procedure procedure, String activityId) {
        return managementService.createJobQuery().processInstanceId(instanceId(procedure))
            .activityId(activityId).singleResult();
    }

    /**
     * Submits the task's form as {@code user}, as our tasklist and Camunda Tasklist do: claiming an unassigned task
     * first, taking over one a colleague holds (as "Zuweisen" does).
     */
    public void submit(Procedure procedure, String taskKey, String user, Map<String, Object> values) {
        Task task = task(procedure, taskKey);
        if (task == null) {
            throw new AssertionError("No open task " + taskKey + " in " + procedure.getBusinessKey());
        }
        if (task.getAssignee() == null) {
            taskService.claim(task.getId(), user);
        } else if (!user.equals(task.getAssignee())) {
            taskService.setAssignee(task.getId(), user);
        }
        formService.submitTaskForm(task.getId(), values);
    }

    /** Runs the job waiting at {@code activityId}, as the job executor would. */
    public void executeJob(Procedure procedure, String activityId) {
        Job job = job(procedure, activityId);
        if (job == null) {
            throw new AssertionError("No job at " + activityId + " in " + procedure.getBusinessKey());
        }
        managementService.executeJob(job.getId());
    }
}
