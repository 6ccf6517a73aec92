package com.proposaldesk.web;

import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.commons.lang3.exception.ExceptionUtils;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.ProcessEngines;
import org.camunda.bpm.engine.TaskAlreadyClaimedException;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.rest.exception.RestException;
import org.glassfish.jersey.spi.ExtendedExceptionMapper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import jakarta.annotation.Priority;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.Provider;

/**
 * Two people completing the same task at once: the engine lets one win and fails the other with an
 * {@link OptimisticLockingException} (both read the task) or "Cannot find task" (the winner had committed), which
 * its REST API answers with 500 and English text. For a task completion ({@code POST task/{id}/complete} or
 * {@code submit-form}) these mappers answer 409 with a Chinese message in the engine's error format instead, which
 * Tasklist shows: the task is gone (done by someone else), or it is still open and the process was changed at the same
 * moment (a parallel task of the same proposal completed, or the task's reminder sent), so that submitting again works.
 * A claim of a task that someone else holds (the engine's {@link TaskAlreadyClaimedException}, 500 in its REST API) is
 * answered with 409 too.
 */
public abstract class TaskConflictMapper<E extends Throwable> implements ExtendedExceptionMapper<E> {

    private static final Logger LOG = LoggerFactory.getLogger(TaskConflictMapper.class);

    public static final String DONE_BY_SOMEONE_ELSE = "该任务已由他人办理完毕或已不存在，请刷新待办列表";
    public static final String CHANGED_AT_THE_SAME_TIME = "该提案的流程刚被他人同时更新，请稍后重新提交";
    public static final String CLAIMED_BY_SOMEONE_ELSE = "该任务已由他人（%s）认领，不能再认领；请刷新待办列表，如需接手请与其联系或请提案办改派";

    /** {@code task/{id}/complete} of {@code /engine-rest}, {@code engine/{name}/task/{id}/submit-form} of the webapps. */
    private static final Pattern COMPLETION = Pattern.compile("(?:^|/)(?:engine/([^/]+)/)?task/([^/]+)/(?:complete|submit-form)/?$");

    @Context
    private UriInfo uri;
    @Context
    private Request request;

    @Override
    public boolean isMappable(E exception) {
        return conflict(exception) != null;
    }

    @Override
    public Response toResponse(E exception) {
        String message = conflict(exception);
        EngineRestErrors.logRefusal(request, uri, Response.Status.CONFLICT.getStatusCode(),
                message + " [" + lostWith(exception).getClass().getSimpleName() + "]");
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", "Conflict");
        body.put("message", message);
        return Response.status(Response.Status.CONFLICT).type(MediaType.APPLICATION_JSON_TYPE).entity(body).build();
    }

    /**
     * The Chinese message for a completion that lost a race, or null when the failure is anything else. A lost database
     * is not a race (and the task cannot be looked up then): that is {@link DatabaseUnavailableMapper}'s to answer.
     */
    private String conflict(Throwable exception) {
        if (!"POST".equals(request.getMethod()) || RejectedInputMapper.rejection(exception) != null
                || DatabaseUnavailable.isCause(exception)) {
            return null;
        }
        TaskAlreadyClaimedException claimed = alreadyClaimed(exception);
        if (claimed != null) {
            return CLAIMED_BY_SOMEONE_ELSE.formatted(claimed.getTaskAssignee());
        }
        Matcher completion = COMPLETION.matcher(uri.getPath());
        if (!completion.find()) {
            return null;
        }
        ProcessEngine engine = ProcessEngines.getProcessEngine(completion.group(1) == null ? "default" : completion.group(1));
        if (engine == null) {
            return null;
        }
        Boolean exists = taskExists(engine, completion.group(2));
        if (exists == null) {
            return null;
        }
        if (!exists) {
            return DONE_BY_SOMEONE_ELSE;
        }
        return optimisticLock(exception) != null || transactionConflict(exception) ? CHANGED_AT_THE_SAME_TIME : null;
    }

    /**
     * Whether the task is there at all, whatever the current user may see of it; null when that cannot be found out.
     * A mapper that throws makes Jersey answer a bare 500, so a failed lookup leaves the exception to the other mappers.
     */
    private static Boolean taskExists(ProcessEngine engine, String taskId) {
        IdentityService identity = engine.getIdentityService();
        Authentication user = identity.getCurrentAuthentication();
        identity.clearAuthentication();
        try {
            return engine.getTaskService().createTaskQuery().taskId(taskId).count() > 0;
        } catch (RuntimeException lookupFailed) {
            LOG.warn("Cannot tell whether task {} still exists: {}", taskId, DatabaseUnavailable.describe(lookupFailed));
            return null;
        } finally {
            if (user != null) {
                identity.setAuthentication(user);
            }
        }
    }

    private static TaskAlreadyClaimedException alreadyClaimed(Throwable exception) {
        return ExceptionUtils.throwableOfType(exception, TaskAlreadyClaimedException.class);
    }

    private static OptimisticLockingException optimisticLock(Throwable exception) {
        return ExceptionUtils.throwableOfType(exception, OptimisticLockingException.class);
    }

    /**
     * The database broke a tie between two transactions (SQLSTATE class 40: a deadlock or a serialization failure),
     * e.g. this completion deleting the task's deadline watch while the job executor was sending its reminder.
     */
    private static boolean transactionConflict(Throwable exception) {
        for (Throwable cause = exception; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof SQLException sql && sql.getSQLState() != null && sql.getSQLState().startsWith("40")) {
                return true;
            }
        }
        return false;
    }

    /** The engine's exception behind the conflict. */
    private static Throwable lostWith(Throwable exception) {
        Throwable cause = alreadyClaimed(exception);
        if (cause == null) {
            cause = optimisticLock(exception);
        }
        for (Throwable t = exception; cause == null && t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof ProcessEngineException && (t.getCause() == null || t.getCause() == t)) {
                cause = t;
            }
        }
        return cause == null ? exception : cause;
    }

    @Provider
    @Priority(1)
    public static class FromEngine extends TaskConflictMapper<ProcessEngineException> {
    }

    @Provider
    @Priority(1)
    public static class FromRestResource extends TaskConflictMapper<RestException> {
    }

    /**
     * The same race as the engine sometimes loses it: a task with a boundary event has an execution of its own, and the
     * loser can read the task just before the winner commits and then miss its execution, which the winner has ended
     * (a {@code NullPointerException} in {@code TaskEntity.complete}). Mapped only when the task is gone by then.
     */
    @Provider
    @Priority(1)
    public static class FromAnything extends TaskConflictMapper<RuntimeException> {
    }
}
