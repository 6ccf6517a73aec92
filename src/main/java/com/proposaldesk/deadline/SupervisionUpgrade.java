package com.proposaldesk.deadline;

import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.migration.MigrationPlan;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationStartedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import com.proposaldesk.process.EngineClock;
import com.proposaldesk.process.ProcessElements;
import com.proposaldesk.process.ProcessVariables;
import com.proposaldesk.proposal.ProposalRepository;

/**
 * Brings a database of the version with separate {@code deadline-watch} instances over to supervision in the handling
 * models. Runs at every start-up on {@link ApplicationStartedEvent}, before the job executor starts (the Camunda starter
 * starts it on {@code ApplicationReadyEvent}), so that no watch's timer fires into the beans it calls, which are gone;
 * finds nothing to do once done.
 *
 * <p>Each running handling process of a model version from before supervision moved into the models is migrated to
 * the latest one, equal activities mapped.
 * The migration itself creates the event triggers the latest model adds (the reminder timer on every open task, one
 * for all instances of a multi-instance task, and the answer deadline's event sub-process timer), evaluating their
 * cycles as for a task that has just started. Each new timer then takes over the next reminder of the watches it
 * replaces: it fires when their timer would have, so that a reminder they have sent is not sent again, not even under
 * another kind (the day's notice, sent again the day after, would be an overdue notice with a once-only key of its
 * own). Then those watches are deleted, in the same transaction. Finally every remaining watch (of a proposal that
 * ended meanwhile) is deleted.
 *
 * <p>Synchronous, one process instance per transaction: a batch would run on the job executor, which starts only
 * after this, together with the watches' own due timers; and a bureau's few hundred open proposals migrate in seconds.
 *
 * <p>Two nodes starting at once may both run this. Each migration first locks its proposal's row, so that the second
 * node waits for the first to commit and then finds the instance migrated and skips it (reading the instance while the
 * other node commits its migration could see half of it); a node that waits longer than the database's lock timeout
 * skips it too. Behind that, the engine's optimistic locking lets only one of two transactions on the same process
 * instance commit; the other is rolled back and skipped. An instance that fails in any other way keeps its watches and
 * is logged, and the application starts all the same.
 */
@Component
public class SupervisionUpgrade {

    /** The process of the older version that watched one deadline; its definition stays deployed, its instances go. */
    public static final String WATCH_PROCESS = "deadline-watch";
    /** The watched task's id in watches started before it became the watch's business key. */
    static final String WATCHED_TASK_ID = "watchedTaskId";
    static final String DELETE_REASON = "督办已并入办理流程";

    private static final Logger LOG = LoggerFactory.getLogger(SupervisionUpgrade.class);
    private static final List<String> SUPERVISED_PROCESSES =
            List.of(ProcessElements.HANDLING_PROCESS, ProcessElements.CO_HANDLING_PROCESS);

    private final RepositoryService repository;
    private final RuntimeService runtime;
    private final TaskService tasks;
    private final ManagementService management;
    private final TransactionTemplate transaction;
    private final EngineClock clock;
    private final ProposalRepository proposals;

    public SupervisionUpgrade(RepositoryService repository, RuntimeService runtime, TaskService tasks,
            ManagementService management, PlatformTransactionManager transactions, EngineClock clock,
            ProposalRepository proposals) {
        this.repository = repository;
        this.runtime = runtime;
        this.tasks = tasks;
        this.management = management;
        this.transaction = new TransactionTemplate(transactions);
        this.clock = clock;
        this.proposals = proposals;
    }

    /** What one run did. */
    public record Result(int migrated, int skipped, int failed, int timersHandedOver, int watchesDeleted) {
    }

    @EventListener(ApplicationStartedEvent.class)
    void onStart() {
        upgrade();
    }

    public Result upgrade() {
        int migrated = 0;
        int skipped = 0;
        int failed = 0;
        int handedOver = 0;
        int deleted = 0;
        Set<String> notMigrated = new HashSet<>();
        for (String key : SUPERVISED_PROCESSES) {
            ProcessDefinition latest = repository.createProcessDefinitionQuery().processDefinitionKey(key).latestVersion()
                    .withoutTenantId().singleResult();
            if (latest == null) {
                continue;
            }
            for (ProcessDefinition older : repository.createProcessDefinitionQuery().processDefinitionKey(key)
                    .withoutTenantId().list()) {
                List<ProcessInstance> instances = older.getVersion() < latest.getVersion() && watchedApart(older)
                        ? runtime.createProcessInstanceQuery().processDefinitionId(older.getId()).list() : List.of();
                if (instances.isEmpty()) {
                    continue;
                }
                MigrationPlan plan;
                try {
                    plan = runtime.createMigrationPlan(older.getId(), latest.getId())
                            .mapEqualActivities().updateEventTriggers().build();
                } catch (ProcessEngineException e) {
                    failed += instances.size();
                    instances.forEach(instance -> notMigrated.add(proposalNumber(instance.getId())));
                    LOG.error("No migration plan from {} v{} to v{}; its {} process instances keep their deadline watches: {}",
                            key, older.getVersion(), latest.getVersion(), instances.size(), e.getMessage());
                    continue;
                }
                for (ProcessInstance instance : instances) {
                    try {
                        Optional<Upgraded> upgraded = transaction.execute(status -> migrate(instance.getId(), plan));
                        if (upgraded.isPresent()) {
                            migrated++;
                            handedOver += upgraded.get().timersHandedOver();
                            deleted += upgraded.get().watchesDeleted();
                        } else {
                            skipped++;
                        }
                    } catch (OptimisticLockingException | PessimisticLockingFailureException e) {
                        // another node upgraded this proposal at the same moment, or still is
                        skipped++;
                    } catch (RuntimeException e) {
                        failed++;
                        notMigrated.add(proposalNumber(instance.getId()));
                        LOG.error("Process instance {} ({} v{}) could not be migrated to v{}; it keeps its deadline "
                                + "watches: {}", instance.getId(), key, older.getVersion(), latest.getVersion(), e.getMessage());
                    }
                }
            }
        }
        for (ProcessInstance watch : runtime.createProcessInstanceQuery().processDefinitionKey(WATCH_PROCESS).list()) {
            if (!notMigrated.contains(variable(watch.getId(), ProcessVariables.PROPOSAL_NUMBER)) && delete(watch.getId())) {
                deleted++;
            }
        }
        Result result = new Result(migrated, skipped, failed, handedOver, deleted);
        LOG.info("Supervision upgrade: {} handling processes migrated to the latest model ({} skipped, {} failed), "
                + "{} reminder timers took over a watch's next reminder, {} deadline-watch instances deleted",
                migrated, skipped, failed, handedOver, deleted);
        return result;
    }

    /**
     * Whether a model version is from before supervision moved into the models (it has no answer deadline timer). Only
     * those are migrated here: moving instances between later versions is a decision of its own for each model change.
     */
    private boolean watchedApart(ProcessDefinition definition) {
        return repository.getBpmnModelInstance(definition.getId())
                .getModelElementById(ProcessElements.ANSWER_REMINDER_TIMER) == null;
    }

    private record Upgraded(int timersHandedOver, int watchesDeleted) {
    }

    /**
     * Migrates one instance, hands its watches' next reminders to its new timers and deletes the watches.
     *
     * @return empty when the instance is on the latest model already
     */
    private Optional<Upgraded> migrate(String instanceId, MigrationPlan plan) {
        proposals.lockByProcess(instanceId);
        ProcessInstance instance = runtime.createProcessInstanceQuery().processInstanceId(instanceId).singleResult();
        if (instance == null || !instance.getProcessDefinitionId().equals(plan.getSourceProcessDefinitionId())) {
            return Optional.empty();
        }
        runtime.newMigration(plan).processInstanceIds(instanceId).skipCustomListeners().skipIoMappings().execute();
        List<ProcessInstance> watches = watchesOf(proposalNumber(instanceId));
        Map<String, Date> nextByTimer = nextReminders(instanceId, watches);
        int handedOver = 0;
        for (Map.Entry<String, Date> next : nextByTimer.entrySet()) {
            for (Job timer : management.createJobQuery().processInstanceId(instanceId).activityId(next.getKey())
                    .timers().list()) {
                management.setJobDuedate(timer.getId(), next.getValue());
                handedOver++;
            }
        }
        for (ProcessInstance watch : watches) {
            runtime.deleteProcessInstance(watch.getId(), DELETE_REASON, true, true);
        }
        return Optional.of(new Upgraded(handedOver, watches.size()));
    }

    /**
     * When each reminder timer of the instance should next fire, by the timer's element id: the earliest next reminder
     * of the watches of its tasks (several for a multi-instance task, which has one timer), or of the answer watch.
     */
    private Map<String, Date> nextReminders(String instanceId, List<ProcessInstance> watches) {
        Map<String, String> timerByTask = new HashMap<>();
        for (Task task : tasks.createTaskQuery().processInstanceId(instanceId).list()) {
            timerByTask.put(task.getId(), ProcessElements.reminderTimerOf(task.getTaskDefinitionKey()));
        }
        Map<String, Date> next = new HashMap<>();
        for (ProcessInstance watch : watches) {
            String taskId = watch.getBusinessKey() != null ? watch.getBusinessKey() : variable(watch.getId(), WATCHED_TASK_ID);
            String timer = taskId == null ? ProcessElements.ANSWER_REMINDER_TIMER : timerByTask.get(taskId);
            Date at = nextReminder(watch.getId());
            if (timer != null && at != null) {
                next.merge(timer, at, (a, b) -> a.before(b) ? a : b);
            }
        }
        return next;
    }

    /** When the watch would have sent its next reminder: its timer, or now when its reminder job waits to run. */
    private Date nextReminder(String watchId) {
        return management.createJobQuery().processInstanceId(watchId).list().stream()
                .map(job -> job.getDuedate() != null ? job.getDuedate() : clock.now())
                .min(Date::compareTo).orElse(null);
    }

    private List<ProcessInstance> watchesOf(String proposalNumber) {
        if (proposalNumber == null) {
            return List.of();
        }
        return new ArrayList<>(runtime.createProcessInstanceQuery().processDefinitionKey(WATCH_PROCESS)
                .variableValueEquals(ProcessVariables.PROPOSAL_NUMBER, proposalNumber).list());
    }

    private boolean delete(String watchId) {
        try {
            return transaction.execute(status -> {
                if (runtime.createProcessInstanceQuery().processInstanceId(watchId).count() == 0) {
                    return false;
                }
                runtime.deleteProcessInstance(watchId, DELETE_REASON, true, true);
                return true;
            });
        } catch (OptimisticLockingException e) {
            return false;
        }
    }

    private String proposalNumber(String instanceId) {
        return variable(instanceId, ProcessVariables.PROPOSAL_NUMBER);
    }

    /** The variable's value as text; null when it, or the instance (ended meanwhile, or on another node), is gone. */
    private String variable(String executionId, String name) {
        try {
            Object value = runtime.getVariable(executionId, name);
            return value == null ? null : Objects.toString(value);
        } catch (ProcessEngineException gone) {
            return null;
        }
    }
}
