package de.stadtdialog.dashboard.internal;

import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.Deque;
import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.history.HistoricActivityInstance;
import org.camunda.bpm.engine.history.HistoricIncident;
import org.camunda.bpm.engine.history.HistoricTaskInstance;
import org.camunda.bpm.engine.history.UserOperationLogEntry;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.FlowElement;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

import de.stadtdialog.procedure.Procedure;

/**
 * The story of one procedure from the engine's history: every step with start, end and who worked on it, every
 * action staff took (claimed, completed, …) and every incident. Ordered by time, oldest first.
 */
@Component
class ProcedureHistory {

    private static final Set<String> SILENT_ACTIVITY_TYPES = Set.of("exclusiveGateway", "parallelGateway",
        "inclusiveGateway", "eventBasedGateway", "complexGateway", "multiInstanceBody");
    /** Start and end events happen in a moment; "until" would only repeat the time. */
    private static final Set<String> INSTANTANEOUS_ACTIVITY_TYPES = Set.of("startEvent", "messageStartEvent",
        "timerStartEvent", "signalStartEvent", "conditionalStartEvent", "noneEndEvent", "terminateEndEvent",
        "errorEndEvent", "messageEndEvent", "signalEndEvent", "escalationEndEvent", "cancelEndEvent",
        "compensationEndEvent", "intermediateNoneThrowEvent");

    private final HistoryService historyService;
    private final RepositoryService repositoryService;
    private final IdentityService identityService;
    private final MessageSource messages;

    ProcedureHistory(HistoryService historyService, RepositoryService repositoryService,
            IdentityService identityService, MessageSource messages) {
        this.historyService = historyService;
        this.repositoryService = repositoryService;
        this.identityService = identityService;
        this.messages = messages;
    }

    List<TimelineEntry> timeline(Procedure procedure, Locale locale) {
        String instanceId = procedure.getProcessInstanceId();
        if (instanceId == null) {
            return List.of();
        }
        List<TimelineEntry> entries = new ArrayList<>();
        Map<String, String> prefixes = new LinkedHashMap<>();
        prefixes.put(instanceId, "");
        // a composed procedure's templates run as called processes; their steps are part of its story
        Deque<String> toScan = new ArrayDeque<>(List.of(instanceId));
        while (!toScan.isEmpty() && prefixes.size() < 200) {
            String scanning = toScan.poll();
            for (HistoricActivityInstance call : historyService.createHistoricActivityInstanceQuery()
                    .processInstanceId(scanning).activityType("callActivity").list()) {
                String called = call.getCalledProcessInstanceId();
                if (called != null && !prefixes.containsKey(called)) {
                    prefixes.put(called, prefixes.get(scanning) + name(call.getActivityName(), call.getActivityId())
                        + ": ");
                    toScan.add(called);
                }
            }
        }
        for (Map.Entry<String, String> instance : prefixes.entrySet()) {
            entries.addAll(timelineOf(instance.getKey(), instance.getValue(), locale));
        }
        entries.sort(Comparator.comparing(TimelineEntry::at, Comparator.nullsLast(Comparator.naturalOrder())));
        return entries;
    }

    private List<TimelineEntry> timelineOf(String instanceId, String prefix, Locale locale) {
        List<HistoricActivityInstance> activities = historyService.createHistoricActivityInstanceQuery()
            .processInstanceId(instanceId).orderByHistoricActivityInstanceStartTime().asc()
            .orderPartiallyByOccurrence().asc().list();
        List<UserOperationLogEntry> operations = historyService.createUserOperationLogQuery()
            .processInstanceId(instanceId).orderByTimestamp().asc().list();
        List<HistoricIncident> incidents = historyService.createHistoricIncidentQuery()
            .processInstanceId(instanceId).list();
        Map<String, String> taskNames = historyService.createHistoricTaskInstanceQuery()
            .processInstanceId(instanceId).list().stream()
            .filter(task -> task.getName() != null)
            .collect(Collectors.toMap(HistoricTaskInstance::getId, HistoricTaskInstance::getName, (a, b) -> a));

        Set<String> userIds = new TreeSet<>();
        activities.stream().map(HistoricActivityInstance::getAssignee).filter(Objects::nonNull).forEach(userIds::add);
        operations.stream().map(UserOperationLogEntry::getUserId).filter(Objects::nonNull).forEach(userIds::add);
        Map<String, String> people = displayNames(userIds);

        List<TimelineEntry> entries = new ArrayList<>();
        for (HistoricActivityInstance activity : activities) {
            if (SILENT_ACTIVITY_TYPES.contains(activity.getActivityType())) {
                continue;
            }
            boolean instantaneous = INSTANTANEOUS_ACTIVITY_TYPES.contains(activity.getActivityType());
            entries.add(new TimelineEntry(instant(activity.getStartTime()),
                instantaneous ? null : instant(activity.getEndTime()), TimelineEntry.Kind.STEP,
                prefix + name(activity.getActivityName(), activity.getActivityId()),
                person(activity.getAssignee(), people), null, activity.isCanceled(), activity.getEndTime() == null));
        }
        for (List<UserOperationLogEntry> operation : byOperation(operations)) {
            UserOperationLogEntry first = operation.get(0);
            String what = messages.getMessage("dashboard.timeline.operation." + first.getOperationType(), null,
                first.getOperationType(), locale);
            String task = first.getTaskId() == null ? null : taskNames.get(first.getTaskId());
            entries.add(new TimelineEntry(instant(first.getTimestamp()), null, TimelineEntry.Kind.ACTION,
                task == null ? what : what + ": " + prefix + task, person(first.getUserId(), people),
                assigneeChange(operation, people), false, false));
        }
        for (HistoricIncident incident : incidents) {
            BpmnModelInstance model = incident.getProcessDefinitionId() == null ? null
                : repositoryService.getBpmnModelInstance(incident.getProcessDefinitionId());
            entries.add(new TimelineEntry(instant(incident.getCreateTime()), instant(incident.getEndTime()),
                TimelineEntry.Kind.INCIDENT, prefix + activityName(model, incident.getActivityId()), null,
                incident.getIncidentMessage(), false, incident.getEndTime() == null));
        }
        return entries;
    }

    /** Names of activities in the procedure's diagram, for the text list next to it. */
    static String activityName(BpmnModelInstance model, String activityId) {
        if (model == null || activityId == null) {
            return activityId;
        }
        FlowElement element = model.getModelElementById(activityId);
        return element == null ? activityId : name(element.getName(), activityId);
    }

    /** For "Assign" and "Claim": to whom, since the log's user is who did it, not who got it. */
    private static String assigneeChange(List<UserOperationLogEntry> operation, Map<String, String> people) {
        return operation.stream()
            .filter(entry -> "assignee".equals(entry.getProperty()) && entry.getNewValue() != null)
            .map(entry -> person(entry.getNewValue(), people)).findFirst().orElse(null);
    }

    /** One operation (e.g. completing a task) writes one log entry per changed property; shown once. */
    private static Collection<List<UserOperationLogEntry>> byOperation(List<UserOperationLogEntry> entries) {
        Map<String, List<UserOperationLogEntry>> grouped = new LinkedHashMap<>();
        for (UserOperationLogEntry entry : entries) {
            String key = entry.getOperationId() == null ? entry.getId() : entry.getOperationId();
            grouped.computeIfAbsent(key, k -> new ArrayList<>()).add(entry);
        }
        return grouped.values();
    }

    private Map<String, String> displayNames(Set<String> userIds) {
        Map<String, String> names = new HashMap<>();
        if (userIds.isEmpty()) {
            return names;
        }
        for (User user : identityService.createUserQuery().userIdIn(userIds.toArray(String[]::new)).list()) {
            String name = ((user.getFirstName() == null ? "" : user.getFirstName()) + " "
                + (user.getLastName() == null ? "" : user.getLastName())).trim();
            if (!name.isEmpty()) {
                names.put(user.getId(), name);
            }
        }
        return names;
    }

    private static String person(String userId, Map<String, String> people) {
        if (userId == null) {
            return null;
        }
        String name = people.get(userId);
        return name == null ? userId : name + " (" + userId + ")";
    }

    private static String name(String name, String id) {
        return name == null || name.isBlank() ? id : name.replace('\n', ' ').trim();
    }

    private static Instant instant(Date date) {
        return date == null ? null : date.toInstant();
    }
}
