package com.proposaldesk.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.RETURNS_DEEP_STUBS;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;

import java.sql.SQLTransientConnectionException;
import java.util.Map;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.ProcessEngines;
import org.camunda.bpm.engine.TaskAlreadyClaimedException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.test.util.ReflectionTestUtils;

import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.UriInfo;

/**
 * Which failed completions the conflict mapper claims. It looks the task up in the engine, so it must keep its hands off
 * a lost database, and must never throw: Jersey answers a mapper that throws with a bare 500.
 */
class TaskConflictMapperTest {

    /** An engine of its own name, so that no other test's engine in the JVM-wide registry is touched. */
    private static final String ENGINE = "conflict-mapper-test";
    private static final String SUBMIT_FORM = "engine/" + ENGINE + "/task/task-1/submit-form";

    private final ProcessEngine engine = mock(ProcessEngine.class, RETURNS_DEEP_STUBS);
    private final TaskConflictMapper.FromEngine mapper = new TaskConflictMapper.FromEngine();

    @BeforeEach
    void registerEngine() {
        when(engine.getName()).thenReturn(ENGINE);
        ProcessEngines.registerProcessEngine(engine);
    }

    @AfterEach
    void unregisterEngine() {
        ProcessEngines.unregister(engine);
    }

    @Test
    void aLostDatabaseIsLeftToTheDatabaseMapperWithoutLookingTheTaskUp() {
        request("POST", SUBMIT_FORM);
        ProcessEngineException lost = new ProcessEngineException("flush failed",
                new SQLTransientConnectionException("Connection is not available, request timed out after 5000ms"));

        assertThat(mapper.isMappable(lost)).isFalse();
        verifyNoInteractions(engine.getTaskService());
    }

    @Test
    void aTaskLookupThatFailsLeavesTheExceptionToTheOtherMappers() {
        request("POST", SUBMIT_FORM);
        when(engine.getTaskService().createTaskQuery().taskId(anyString()).count())
                .thenThrow(new ProcessEngineException("the lookup failed"));

        assertThat(mapper.isMappable(new ProcessEngineException("Cannot find task with id task-1"))).isFalse();
    }

    @Test
    void aTaskCompletedBySomeoneElseIsAConflict() {
        request("POST", SUBMIT_FORM);
        when(engine.getTaskService().createTaskQuery().taskId("task-1").count()).thenReturn(0L);
        ProcessEngineException gone = new ProcessEngineException("Cannot find task with id task-1");

        assertThat(mapper.isMappable(gone)).isTrue();
        assertThat(mapper.toResponse(gone).getStatus()).isEqualTo(409);
        assertThat(((Map<?, ?>) mapper.toResponse(gone).getEntity()).get("message")).isEqualTo(TaskConflictMapper.DONE_BY_SOMEONE_ELSE);
    }

    @Test
    void theEnginesOwnSlipWhenTheWinnerEndedTheTasksExecutionIsAConflictToo() {
        TaskConflictMapper.FromAnything anything = new TaskConflictMapper.FromAnything();
        request(anything, "POST", SUBMIT_FORM);
        NullPointerException slip = new NullPointerException("Cannot invoke \"ExecutionEntity.removeTask(TaskEntity)\" "
                + "because \"execution\" is null");
        when(engine.getTaskService().createTaskQuery().taskId("task-1").count()).thenReturn(1L);
        assertThat(anything.isMappable(slip)).as("the task still there: not a race").isFalse();

        when(engine.getTaskService().createTaskQuery().taskId("task-1").count()).thenReturn(0L);
        assertThat(anything.isMappable(slip)).isTrue();
        assertThat(anything.toResponse(slip).getStatus()).isEqualTo(409);
        assertThat(((Map<?, ?>) anything.toResponse(slip).getEntity()).get("message"))
                .isEqualTo(TaskConflictMapper.DONE_BY_SOMEONE_ELSE);
    }

    @Test
    void aClaimOfATaskSomeoneElseHoldsIsAConflictInChinese() {
        request("POST", "engine/" + ENGINE + "/task/task-1/claim");
        TaskAlreadyClaimedException held = new TaskAlreadyClaimedException("task-1", "food-li");

        assertThat(mapper.isMappable(held)).isTrue();
        assertThat(mapper.toResponse(held).getStatus()).isEqualTo(409);
        Map<?, ?> body = (Map<?, ?>) mapper.toResponse(held).getEntity();
        assertThat(body.get("type")).isEqualTo("Conflict");
        assertThat((String) body.get("message")).contains("已由他人（food-li）认领").doesNotContain("already claimed");
    }

    @Test
    void anythingButACompletionIsNotItsBusiness() {
        request("GET", "engine/" + ENGINE + "/task/task-1");

        assertThat(mapper.isMappable(new ProcessEngineException("Cannot find task with id task-1"))).isFalse();
        verifyNoInteractions(engine.getTaskService());
    }

    private void request(String method, String path) {
        request(mapper, method, path);
    }

    private static void request(TaskConflictMapper<?> mapper, String method, String path) {
        Request request = mock(Request.class);
        when(request.getMethod()).thenReturn(method);
        UriInfo uri = mock(UriInfo.class);
        when(uri.getPath()).thenReturn(path);
        ReflectionTestUtils.setField(mapper, "request", request);
        ReflectionTestUtils.setField(mapper, "uri", uri);
    }
}
